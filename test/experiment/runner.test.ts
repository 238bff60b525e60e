/**
 * The runner: the same outputs on the main thread and on worker threads, a fixed order,
 * progress and checkpoint callbacks, stopping, reuse of finished replications, and the
 * precision target.
 */
import { DAILY_COLUMNS } from '../../src/model/observations.js';
import { describe, expect, it } from 'vitest';
import { runExperiment, type RunOutputs } from '../../src/experiment/runner.js';
import { loadExperiment } from '../../src/experiment/scenario.js';
import { halfWidth } from '../../src/experiment/statistics.js';
import type { ReplicationOutput } from '../../src/experiment/worker.js';
import { fixture, smallExperiment, withConfig } from './helpers.js';

/** Metrics and daily series of every output, as plain data for comparison. */
function plain(run: RunOutputs): unknown {
  return run.outputs.map((os) => os.map((o) => ({ s: o.scenarioIndex, r: o.replication, metrics: o.metrics, daily: o.daily ? Array.from(o.daily) : null, events: o.events })));
}

describe('runExperiment', () => {
  it('gives identical outputs on the main thread and on two worker threads, in scenario then replication order', async () => {
    const e = smallExperiment();
    const one = await runExperiment(e, { workers: 1 });
    const two = await runExperiment(e, { workers: 2 });
    expect(one.workers).toBe(1);
    expect(two.workers).toBe(2);
    expect(one.interrupted).toBe(false);
    expect(one.replications).toBe(4);
    expect(one.outputs.map((os) => os.map((o) => [o.scenarioIndex, o.replication]))).toEqual([
      [
        [0, 0],
        [0, 1],
        [0, 2],
        [0, 3],
      ],
      [
        [1, 0],
        [1, 1],
        [1, 2],
        [1, 3],
      ],
    ]);
    expect(plain(two)).toEqual(plain(one));
    // daily series: one row per day of the whole run and setting, three columns
    expect(one.outputs[0][0].daily?.length).toBe(200 * 4 * DAILY_COLUMNS.length);
  });

  it('takes the replication count from the options over the file', async () => {
    const run = await runExperiment(smallExperiment(), { workers: 1, replications: 2 });
    expect(run.replications).toBe(2);
    expect(run.outputs.map((o) => o.length)).toEqual([2, 2]);
  });

  it('leaves out the daily series when outputs.daily is false', async () => {
    const e = smallExperiment();
    const run = await runExperiment(withConfig(e, { outputs: { daily: false, replications: true } }), { workers: 1, replications: 2 });
    expect(run.outputs.flat().every((o) => o.daily === null)).toBe(true);
  });

  it('reports progress and every finished replication', async () => {
    const progress: [number, number][] = [];
    const finished: ReplicationOutput[] = [];
    await runExperiment(smallExperiment(), {
      workers: 1,
      replications: 3,
      onProgress: (done, total) => progress.push([done, total]),
      onReplication: (o) => finished.push(o),
    });
    expect(progress[0]).toEqual([0, 6]);
    expect(progress.at(-1)).toEqual([6, 6]);
    expect(progress.map(([d]) => d)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // replication-major: both scenarios' replication r before any r + 1
    expect(finished.map((o) => [o.replication, o.scenarioIndex])).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
      [2, 0],
      [2, 1],
    ]);
  });

  it('stops starting replications when asked, and says it was interrupted', async () => {
    const e = smallExperiment();
    let started = 0;
    const run = await runExperiment(e, { workers: 1, shouldStop: () => started++ >= 3 });
    expect(run.interrupted).toBe(true);
    expect(run.outputs.flat()).toHaveLength(3);
    // on worker threads: no new replication after the stop, those under way finish
    let finished = 0;
    const pooled = await runExperiment(e, { workers: 2, onReplication: () => finished++, shouldStop: () => finished >= 3 });
    expect(pooled.interrupted).toBe(true);
    expect(pooled.outputs.flat().length).toBeGreaterThanOrEqual(3);
    expect(pooled.outputs.flat().length).toBeLessThan(8);
  });

  it('reuses finished replications instead of running them again, with the same result', async () => {
    const e = smallExperiment();
    const full = await runExperiment(e, { workers: 1 });
    const finished = [full.outputs[0][0], full.outputs[1][0], full.outputs[0][1]];
    const ran: ReplicationOutput[] = [];
    const resumed = await runExperiment(e, { workers: 1, finished, onReplication: (o) => ran.push(o) });
    expect(ran).toHaveLength(8 - 3);
    expect(ran.map((o) => `${o.scenarioIndex}:${o.replication}`)).not.toContain('0:0');
    expect(plain(resumed)).toEqual(plain(full));
  });
});

describe('precision target', () => {
  it('adds replications until the relative half-width target is met', async () => {
    const e = loadExperiment(fixture('precision.yaml')); // starts at 3, target 2% of the mean, at most 40
    const run = await runExperiment(e, { workers: 1 });
    expect(run.replications).toBeGreaterThan(3);
    expect(run.replications).toBeLessThanOrEqual(40);
    const values = run.outputs[0].map((o) => o.metrics.costPerDay);
    expect(values).toHaveLength(run.replications);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(halfWidth(values) / mean).toBeLessThanOrEqual(0.02);
    // 3 replications alone were not enough
    const first3 = values.slice(0, 3);
    expect(halfWidth(first3) / (first3.reduce((a, b) => a + b, 0) / 3)).toBeGreaterThan(0.02);
  });

  it('stops at maxReplications when the target cannot be met', async () => {
    const e = loadExperiment(fixture('precision.yaml'));
    const strict = withConfig(e, { precision: { metrics: ['delayedPatientsPerDay', 'costPerDay'], relativeHalfWidth: 1e-6, maxReplications: 8 } });
    const run = await runExperiment(strict, { workers: 1 });
    expect(run.replications).toBe(8);
    expect(run.outputs[0]).toHaveLength(8);
  });

  it('runs only the replications asked for when the target is already met', async () => {
    const e = loadExperiment(fixture('precision.yaml'));
    const loose = withConfig(e, { precision: { metrics: ['costPerDay'], relativeHalfWidth: 1, maxReplications: 40 } });
    expect((await runExperiment(loose, { workers: 1 })).replications).toBe(3);
  });

  it('chooses the same number of replications whatever the number of workers', async () => {
    // The search used to grow by a step that depended on the worker count, so 1 and 4 workers
    // could stop at different counts (26 and 43 replications for this target).
    const e = loadExperiment(fixture('precision.yaml'));
    const target = withConfig(e, { precision: { metrics: ['meanAdmissionWaitDays'], relativeHalfWidth: 0.05, maxReplications: 60 } });
    const one = await runExperiment(target, { workers: 1 });
    const four = await runExperiment(target, { workers: 4 });
    expect(one.replications).toBeGreaterThan(23);
    expect(four.replications).toBe(one.replications);
    expect(plain(four)).toEqual(plain(one));
  });
});
