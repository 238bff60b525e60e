/**
 * Prevention: a share of the emergency arrivals of the chosen groups stay well.
 *
 * Every number in these models is a test value chosen to exercise the mechanism.
 */
import { describe, expect, it } from 'vitest';
import { baseModel, metric, Z, type Patch } from '../support.js';
import { expectDirection, pairedRuns, sharedPolicyTests, withPolicy } from './support.js';

const PATCH: Patch = {};
const WINDOW = { horizonDays: 100, warmupDays: 20 };

sharedPolicyTests('prevention', PATCH);

describe('prevention: direction', () => {
  const runs = pairedRuns(baseModel(PATCH), withPolicy(PATCH, 'prevention'), 10, WINDOW);

  it('moves admissions down, in every replication', () => {
    expectDirection(runs.diff('admissions'), 'down', 'admissions');
    // The same people arrive; some stay well, nobody new comes.
    for (const d of runs.diffs('admissions')) expect(d).toBeLessThan(0);
  });

  it('prevents a binomial 5% of the baseline admissions', () => {
    for (let i = 0; i < runs.base.length; i++) {
      const n = metric(runs.base[i], 'admissions');
      const prevented = -runs.diffs('admissions')[i];
      expect(Math.abs(prevented - 0.05 * n)).toBeLessThan(Z * Math.sqrt(n * 0.05 * 0.95));
    }
  });

  it('acts only on the groups named', () => {
    const twoGroups: Patch = {
      caseMix: [
        { name: 'younger', share: 0.5, acuteLengthOfStay: { type: 'fixed', value: 4 }, pathways: { P0: 1, P1: 0, P2: 0, P3: 0 } },
        { name: 'older', share: 0.5, acuteLengthOfStay: { type: 'fixed', value: 8 }, pathways: { P0: 1, P1: 0, P2: 0, P3: 0 } },
      ],
    };
    // Everyone from the older group stays well: only the 4-day stays remain.
    const r = pairedRuns(baseModel(twoGroups), withPolicy(twoGroups, 'prevention', { reduction: 1, groups: ['older'] }), 3, WINDOW);
    for (let i = 0; i < 3; i++) {
      const admitted = metric(r.scenario[i], 'admissions');
      expect(admitted).toBeGreaterThan(0);
      expect(metric(r.scenario[i], 'bedDays.acute')).toBeLessThan(metric(r.base[i], 'bedDays.acute'));
      // Half the arrivals, binomially.
      const n = metric(r.base[i], 'admissions');
      expect(Math.abs(admitted - n / 2)).toBeLessThan(Z * Math.sqrt(n * 0.25));
    }
  });
});
