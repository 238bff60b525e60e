/**
 * Discharge to assess: people on pathways 1 to 3 wait for their assessment in interim support
 * instead of an acute bed, so the acute delay falls.
 *
 * Every number in these models is a test value chosen to exercise the mechanism.
 */
import { describe, expect, it } from 'vitest';
import { baseModel, metric } from '../support.js';
import { expectDirection, pairedRuns, sharedPolicyTests, withPolicy } from './support.js';

/** Pathways 1-3 need an assessment after a referral delay: the delay D2A moves out of hospital. */
const PATCH = {
  pathways: { P1: { to: 'reablement', assessment: true }, P2: { to: 'stepDown', assessment: true }, P3: { to: 'careHome', assessment: true } },
  assessment: { referralDelay: { type: 'exponential', mean: 2 }, duration: { type: 'fixed', value: 0.5 } },
};
const WINDOW = { horizonDays: 100, warmupDays: 20 };

sharedPolicyTests('discharge-to-assess', PATCH);

describe('discharge-to-assess: direction', () => {
  const runs = pairedRuns(baseModel(PATCH), withPolicy(PATCH, 'discharge-to-assess'), 10, WINDOW);

  it('moves delayed bed days (and those awaiting assessment) down', () => {
    expectDirection(runs.diff('delayedBedDays'), 'down', 'delayedBedDays');
    expectDirection(runs.diff('delayedBedDaysByReason.assessment'), 'down', 'delayedBedDaysByReason.assessment');
    expectDirection(runs.diff('acuteOccupancyRate'), 'down', 'acuteOccupancyRate');
  });

  it('fills the interim setting, which is costed to its payer', () => {
    for (const r of runs.scenario) {
      expect(metric(r, 'occupancy.dischargeToAssess')).toBeGreaterThan(0);
      // Default interim support is all NHS, block-booked: 120 a day for every place, used or not.
      expect(metric(r, 'costBySetting.dischargeToAssess')).toBeCloseTo(120 * metric(r, 'capacity.dischargeToAssess') * metric(r, 'windowDays'), 6);
      expect(metric(r, 'capacity.dischargeToAssess')).toBe(80);
    }
  });

  it('with share 1 and every P1-P3 assessment outside hospital, no acute bed day is spent waiting for assessment', () => {
    const r = pairedRuns(baseModel(PATCH), withPolicy(PATCH, 'discharge-to-assess', { share: 1, interimCapacity: 100_000 }), 3, WINDOW);
    for (const s of r.scenario) expect(metric(s, 'delayedBedDaysByReason.assessment')).toBe(0);
    for (const b of r.base) expect(metric(b, 'delayedBedDaysByReason.assessment')).toBeGreaterThan(0);
  });

  it('with no interim places, everyone discharged to assess waits in hospital for one (awaitingDischargeToAssess)', () => {
    const r = pairedRuns(baseModel(PATCH), withPolicy(PATCH, 'discharge-to-assess', { share: 1, interimCapacity: 0 }), 2, WINDOW);
    for (const s of r.scenario) {
      expect(metric(s, 'delayedBedDaysByReason.awaitingDischargeToAssess')).toBeGreaterThan(0);
      expect(metric(s, 'placements.dischargeToAssess')).toBe(0);
      for (const setting of ['reablement', 'stepDown', 'careHome']) expect(metric(s, `placements.${setting}`)).toBe(0);
    }
    // And so the delay goes up, not down.
    expectDirection(r.diff('delayedBedDays'), 'up', 'delayedBedDays');
  });

  it('on pathway P3 only, leaves P1 and P2 as they were', () => {
    const r = pairedRuns(baseModel(PATCH), withPolicy(PATCH, 'discharge-to-assess', { pathways: 'P3' }), 5, WINDOW);
    for (const d of r.diffs('delayedBedDaysByPathway.P1')) expect(d).toBe(0);
    for (const d of r.diffs('delayedBedDaysByPathway.P2')) expect(d).toBe(0);
    expectDirection(r.diff('delayedBedDaysByPathway.P3'), 'down', 'delayedBedDaysByPathway.P3');
  });
});
