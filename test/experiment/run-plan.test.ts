/**
 * The plan-time estimate (issue 18, finding 10): `-r 1000000`, `horizonDays: 1e7` and
 * `perDay: 1e7` are refused before the run, naming the field and the limit (they ended in
 * "Array buffer allocation failed"), while every shipped experiment and 10,000 replications of
 * the baseline with daily output off are accepted.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_ARRIVALS_PER_REPLICATION, planRun } from '../../src/experiment/run-plan.js';
import { loadExperiment, type LoadedExperiment } from '../../src/experiment/scenario.js';
import { careflow, fixture, ROOT, tempDir } from '../cli/helpers.js';

const EXPERIMENTS = join(ROOT, 'experiments');
const GB = 2 ** 30;

function withConfig(e: LoadedExperiment, change: Partial<LoadedExperiment['config']>): LoadedExperiment {
  return { ...e, config: { ...e.config, ...change } };
}

describe('planRun', () => {
  it.each(readdirSync(EXPERIMENTS).filter((f) => f.endsWith('.yaml')))('accepts %s as written, without a warning', (file) => {
    const e = loadExperiment(join(EXPERIMENTS, file));
    expect(planRun(e, { replications: e.config.replications, fromFlag: false }, 4 * GB)).toEqual({ warnings: [] });
  });

  it('accepts 10,000 replications of the baseline with daily output off, even with a 2 GB heap', () => {
    const e = loadExperiment(join(EXPERIMENTS, 'baseline.yaml'));
    const off = withConfig(e, { outputs: { daily: false, replications: true } });
    expect(planRun(off, { replications: 10_000, fromFlag: true }, 2 * GB).refusal).toBeUndefined();
    // With daily output on, daily.csv alone would be over V8's longest string.
    expect(planRun(e, { replications: 10_000, fromFlag: true }, 2 * GB).refusal?.reason).toMatch(/^daily\.csv would be about 1\.\d GB \(1 scenario x 10000 replications\)/);
  });

  it('refuses a million replications, blaming --replications', () => {
    const e = loadExperiment(fixture('small.yaml'));
    const { refusal } = planRun(e, { replications: 1_000_000, fromFlag: true }, 4 * GB);
    expect(refusal).toMatchObject({ field: '--replications', flag: true });
    const off = withConfig(e, { outputs: { daily: false, replications: false } });
    expect(planRun(off, { replications: 1_000_000, fromFlag: true }, 4 * GB).refusal?.reason).toMatch(
      /^2 scenarios x 1000000 replications need about \d+\.\d GB of memory for their results, over the 3\.0 GB/,
    );
  });

  it('refuses a horizon whose daily series cannot be allocated, and warns of many people a replication', () => {
    const e = loadExperiment(fixture('small.yaml'));
    expect(planRun(withConfig(e, { horizonDays: 1e7 }), { replications: 2, fromFlag: false }).refusal).toMatchObject({ field: 'horizonDays', flag: false });
    const busy = (perDay: number): LoadedExperiment => ({
      ...e,
      scenarios: e.scenarios.map((s) => ({
        ...s,
        model: { ...s.model, config: { ...s.model.config, arrivals: { ...s.model.config.arrivals, emergency: { ...s.model.config.arrivals.emergency, perDay } } } },
      })),
    });
    expect(planRun(busy(1e7), { replications: 2, fromFlag: false }).refusal?.reason).toContain(`at most ${MAX_ARRIVALS_PER_REPLICATION.toExponential(1).replace('e+', 'e')}`);
    const warned = planRun(busy(1e5), { replications: 2, fromFlag: false });
    expect(warned.refusal).toBeUndefined();
    expect(warned.warnings).toEqual([expect.stringMatching(/simulates about 2\.0e7 people a replication/)]);
  });
});

describe('careflow run with a run that cannot fit', () => {
  const root = tempDir('plan');
  it('exits 2 at once with one line naming the flag and the limit, writing nothing', () => {
    const r = careflow(['run', fixture('small.yaml'), '-r', '1000000', '--out', join(root, 'out')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /^careflow: --replications 1000000: replications\.csv would be about \d+\.\d GB \(2 scenarios x 1000000 replications\), over the 512 MB one file can be built in; set outputs\.replications: false, or run fewer replications or days\n$/,
    );
    expect(readdirSync(root)).toEqual([]);
  });
});
