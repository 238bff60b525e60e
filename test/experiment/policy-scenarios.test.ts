/**
 * Experiments whose scenarios switch policies on: the metrics and daily rows of settings a
 * policy adds reach summary.json and daily.csv even when that scenario is not the first.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { executeExperiment } from '../../src/experiment/execute.js';
import { DAILY_COLUMNS } from '../../src/model/observations.js';
import { splitCsv } from './csv.js';
import { smallExperiment, tempDir, withConfig } from './helpers.js';

const root = tempDir('policy-scenarios');

describe('an experiment with a policy that adds a setting, in its second scenario', () => {
  const experiment = withConfig(smallExperiment(), {
    scenarios: [
      { name: 'base', description: '', overrides: {}, policies: [] },
      { name: 'd2a', description: 'discharge to assess', overrides: {}, policies: [{ policy: 'discharge-to-assess', start: 0, rampDays: 0, parameters: { interimCapacity: 15 } }] },
    ],
  });
  const out = join(root, 'run');
  const done = executeExperiment(experiment, { out, workers: 1, replications: 2 });

  it("summarises the added setting's metrics for that scenario (and has none for the baseline)", async () => {
    await done;
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { scenarios: { name: string; metrics: Record<string, { mean: number | null }> }[] };
    const [base, d2a] = summary.scenarios;
    expect(d2a.metrics['occupancy.dischargeToAssess'].mean).toBeGreaterThan(0);
    expect(d2a.metrics['costBySetting.dischargeToAssess'].mean).toBeGreaterThan(0);
    // The baseline has no such setting: its summary says so rather than inventing a number.
    expect(base.metrics['occupancy.dischargeToAssess'].mean ?? NaN).toBeNaN();
  });

  it('writes daily.csv rows for the added setting, with the right number of days', async () => {
    await done;
    const [header, ...rows] = splitCsv(readFileSync(join(out, 'daily.csv'), 'utf8'));
    expect(header.slice(4)).toEqual([...DAILY_COLUMNS]);
    const interim = rows.filter((r) => r[0] === 'd2a' && r[1] === '1' && r[3] === 'dischargeToAssess');
    expect(interim).toHaveLength(experiment.config.horizonDays);
    expect(interim.map((r) => Number(r[2]))).toEqual(Array.from({ length: experiment.config.horizonDays }, (_, d) => d));
    expect(new Set(interim.map((r) => r[7]))).toEqual(new Set(['15']));
    expect(rows.filter((r) => r[0] === 'base' && r[3] === 'dischargeToAssess')).toEqual([]);
    // Every scenario, replication and setting has one row per day.
    const acute = rows.filter((r) => r[0] === 'd2a' && r[1] === '2' && r[3] === 'acute');
    expect(acute).toHaveLength(experiment.config.horizonDays);
  });
});
