/**
 * Integrated discharge team: shorter referral delays and fewer lost or repeated referrals.
 *
 * Every number in these models is a test value chosen to exercise the mechanism.
 */
import { describe, expect, it } from 'vitest';
import { baseModel } from '../support.js';
import { expectDirection, pairedRuns, sharedPolicyTests, withPolicy } from './support.js';

/** Pathways 1-3 are assessed after a referral delay; 30% of referrals are lost or repeated. */
const PATCH = {
  pathways: { P1: { to: 'reablement', assessment: true }, P2: { to: 'stepDown', assessment: true }, P3: { to: 'careHome', assessment: true } },
  assessment: { referralDelay: { type: 'exponential', mean: 2 }, duration: { type: 'fixed', value: 0.5 }, repeatProbability: 0.3 },
};
const WINDOW = { horizonDays: 100, warmupDays: 20 };

sharedPolicyTests('integrated-discharge-team', PATCH);

describe('integrated-discharge-team: direction', () => {
  const runs = pairedRuns(baseModel(PATCH), withPolicy(PATCH, 'integrated-discharge-team'), 10, WINDOW);

  it('moves delayed bed days awaiting assessment down', () => {
    expectDirection(runs.diff('delayedBedDaysByReason.assessment'), 'down', 'delayedBedDaysByReason.assessment');
    expectDirection(runs.diff('meanFitToDischargeDays'), 'down', 'meanFitToDischargeDays');
  });

  it('moves assessments down, in every replication (each person repeats no more often than in the baseline)', () => {
    expectDirection(runs.diff('assessments'), 'down', 'assessments');
    // A person's repeats stop at the first draw above the repeat chance; a lower chance stops
    // them no later, and the same people become fit at the same times (nothing else changes).
    for (const d of runs.diffs('assessments')) expect(d).toBeLessThan(0);
  });

  it('with only the referral reduction, assessments are unchanged and the delay still falls', () => {
    const r = pairedRuns(baseModel(PATCH), withPolicy(PATCH, 'integrated-discharge-team', { repeatReduction: 0 }), 10, WINDOW);
    for (const d of r.diffs('assessments')) expect(d).toBe(0);
    expectDirection(r.diff('delayedBedDaysByReason.assessment'), 'down', 'delayedBedDaysByReason.assessment');
  });
});
