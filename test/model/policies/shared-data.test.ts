/**
 * Shared data: shorter assessments and fewer duplicated referrals.
 *
 * Every number in these models is a test value chosen to exercise the mechanism.
 */
import { describe, expect, it } from 'vitest';
import { baseModel } from '../support.js';
import { expectDirection, pairedRuns, sharedPolicyTests, withPolicy } from './support.js';

/** Pathways 1-3 are assessed: a day's assessment after a short referral; 20% are repeated. */
const PATCH = {
  pathways: { P1: { to: 'reablement', assessment: true }, P2: { to: 'stepDown', assessment: true }, P3: { to: 'careHome', assessment: true } },
  assessment: { referralDelay: { type: 'fixed', value: 0.2 }, duration: { type: 'exponential', mean: 1 }, repeatProbability: 0.2 },
};
const WINDOW = { horizonDays: 100, warmupDays: 20 };

sharedPolicyTests('shared-data', PATCH);

describe('shared-data: direction', () => {
  const runs = pairedRuns(baseModel(PATCH), withPolicy(PATCH, 'shared-data'), 10, WINDOW);

  it('moves delayed bed days awaiting assessment down', () => {
    expectDirection(runs.diff('delayedBedDaysByReason.assessment'), 'down', 'delayedBedDaysByReason.assessment');
  });

  it('moves assessments down, in every replication', () => {
    expectDirection(runs.diff('assessments'), 'down', 'assessments');
    for (const d of runs.diffs('assessments')) expect(d).toBeLessThan(0);
  });

  it('with only the assessment reduction, assessments are unchanged and the delay still falls', () => {
    const r = pairedRuns(baseModel(PATCH), withPolicy(PATCH, 'shared-data', { repeatReduction: 0 }), 10, WINDOW);
    for (const d of r.diffs('assessments')) expect(d).toBe(0);
    expectDirection(r.diff('delayedBedDaysByReason.assessment'), 'down', 'delayedBedDaysByReason.assessment');
  });
});
