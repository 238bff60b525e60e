/**
 * The experiment summary (summary.json) built from made-up replication outputs, so that every
 * number can be checked against the statistics functions.
 */
import { describe, expect, it } from 'vitest';
import type { RunOutputs } from '../../src/experiment/runner.js';
import { pairedDifference, summarise } from '../../src/experiment/statistics.js';
import { metricNames, summariseExperiment } from '../../src/experiment/summary.js';
import type { ReplicationOutput } from '../../src/experiment/worker.js';
import { smallExperiment, withConfig } from './helpers.js';

/** outputs[s][r] with the given metric values. */
function fakeRun(values: Record<string, number[]>[]): RunOutputs {
  const outputs = values.map((byMetric, s) => {
    const n = Object.values(byMetric)[0].length;
    return Array.from({ length: n }, (_, r): ReplicationOutput => ({
      scenarioIndex: s,
      replication: r,
      metrics: Object.fromEntries(Object.entries(byMetric).map(([m, v]) => [m, v[r]])),
      daily: null,
      dailyReasons: null,
      events: 0,
    }));
  });
  return { outputs, replications: Math.max(...outputs.map((o) => o.length)), interrupted: false, workers: 1 };
}

const BASE = { costTotal: [10, 12, 11, 13], delayed: [5, 6, 5, 7] };
const MORE = { costTotal: [14, 15, 15, 17], delayed: [4, 4, 3, 6] };

describe('summariseExperiment', () => {
  it('summarises every metric of every scenario and differences from the first scenario', () => {
    const e = smallExperiment();
    const summary = summariseExperiment(e, fakeRun([BASE, MORE]));
    expect(summary).toMatchObject({ experiment: 'small', model: 'minimal', seed: 11, replications: 4, warmupDays: 50, horizonDays: 200, baseline: 'base' });
    expect(summary.scenarios.map((s) => [s.name, s.description])).toEqual([
      ['base', 'The minimal model as it is'],
      ['moreBeds', 'Ten more acute beds'],
    ]);
    expect(summary.scenarios[0].metrics.costTotal).toEqual(summarise(BASE.costTotal));
    expect(summary.scenarios[1].metrics.delayed).toEqual(summarise(MORE.delayed));
    expect(summary.scenarios[0].differences).toEqual({});
    expect(summary.scenarios[1].differences.costTotal).toEqual(pairedDifference(MORE.costTotal, BASE.costTotal));
    expect(summary.scenarios[1].differences.delayed.mean).toBe(-1.5);
  });

  it('compares with the named baseline when there is one', () => {
    const e = withConfig(smallExperiment(), { baseline: 'moreBeds' });
    const summary = summariseExperiment(e, fakeRun([BASE, MORE]));
    expect(summary.baseline).toBe('moreBeds');
    expect(summary.scenarios[1].differences).toEqual({});
    expect(summary.scenarios[0].differences.costTotal).toEqual(pairedDifference(BASE.costTotal, MORE.costTotal));
  });

  it('keeps the metric order of the first replication, and treats a missing metric as NaN', () => {
    const run = fakeRun([BASE, MORE]);
    expect(metricNames(run)).toEqual(['costTotal', 'delayed']);
    delete run.outputs[1][2].metrics.delayed;
    const summary = summariseExperiment(smallExperiment(), run);
    expect(summary.scenarios[1].metrics.delayed.n).toBe(3);
    expect(summary.scenarios[1].differences.delayed).toEqual(pairedDifference([4, 4, NaN, 6], BASE.delayed));
    expect(metricNames({ ...run, outputs: [] })).toEqual([]);
  });

  it('serialises NaN as null in summary.json', () => {
    const summary = summariseExperiment(smallExperiment(), fakeRun([{ x: [1, 1] }, { x: [1, 1] }]));
    expect(JSON.parse(JSON.stringify(summary)).scenarios[0].metrics.x).toEqual({ mean: 1, sd: 0, ciLow: 1, ciHigh: 1, p05: 1, median: 1, p95: 1, n: 2 });
    const one = summariseExperiment(smallExperiment(), fakeRun([{ x: [1, NaN] }, { x: [2, NaN] }]));
    expect(JSON.parse(JSON.stringify(one)).scenarios[0].metrics.x.sd).toBeNull();
  });
});
