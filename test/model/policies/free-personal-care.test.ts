/**
 * Free personal care: self-funders' care costs move to the council; community demand for
 * social care may rise.
 *
 * Every number in these models is a test value chosen to exercise the mechanism.
 */
import { describe, expect, it } from 'vitest';
import { baseModel, metric, run } from '../support.js';
import { expectClose, expectDirection, pairedRuns, sharedPolicyTests, withPolicy } from './support.js';

/**
 * Care homes cost 100 a day, 60% paid by self-funders; reablement 50 a day, 30% by
 * self-funders; step-down 80 a day, all NHS. The GP refers 10 people a day to care homes.
 */
const PATCH = {
  arrivals: { community: [{ name: 'gp', perDay: 10, to: 'careHome' }] },
  settings: {
    careHome: { costPerDay: 100, payers: { council: 0.4, selfFunder: 0.6 } },
    reablement: { costPerDay: 50, payers: { council: 0.7, selfFunder: 0.3 } },
    stepDown: { costPerDay: 80, payers: { nhs: 1 } },
  },
};
const NO_DEMAND = { demandIncrease: 0 };
const WINDOW = { horizonDays: 100, warmupDays: 20 };

// Active parameters without the demand rise: a community rate factor thins the stream (it draws
// candidates at the higher rate from day 0), so with it the community arrivals are not the
// baseline's even before the start.
sharedPolicyTests('free-personal-care', PATCH, { active: NO_DEMAND });

describe('free-personal-care: direction', () => {
  const runs = pairedRuns(baseModel(PATCH), withPolicy(PATCH, 'free-personal-care', NO_DEMAND), 10, WINDOW);

  it('moves council costs up and self-funder costs down by the same amount', () => {
    expectDirection(runs.diff('costByPayer.council'), 'up', 'costByPayer.council');
    expectDirection(runs.diff('costByPayer.selfFunder'), 'down', 'costByPayer.selfFunder');
    const council = runs.diffs('costByPayer.council');
    const selfFunder = runs.diffs('costByPayer.selfFunder');
    council.forEach((c, i) => expectClose(c, -selfFunder[i], 1e-6, 'council gain vs self-funder loss'));
    for (const d of runs.diffs('costByPayer.nhs')) expect(d).toBe(0);
    for (const d of runs.diffs('costTotal')) expect(Math.abs(d)).toBeLessThanOrEqual(1e-9 * metric(runs.base[0], 'costTotal'));
  });

  it('moves homeShare of home-based and careHomeShare of care-home self-funding (defaults 1 and 0.25)', () => {
    runs.scenario.forEach((r, i) => {
      const base = runs.base[i];
      // Nothing but payers changes, so the settings' costs are the baseline's (summed day by day
      // when payers change over time, hence equal up to rounding).
      expectClose(metric(r, 'costBySetting.careHome'), metric(base, 'costBySetting.careHome'), 1e-12, 'care-home cost');
      expectClose(metric(r, 'costBySetting.reablement'), metric(base, 'costBySetting.reablement'), 1e-12, 'reablement cost');
      const moved = 0.25 * 0.6 * metric(r, 'costBySetting.careHome') + 1 * 0.3 * metric(r, 'costBySetting.reablement');
      expectClose(runs.diffs('costByPayer.council')[i], moved, 1e-6, 'moved cost');
    });
  });

  it('phased in over 40 days from day 40, moves some but not all of what the policy in force from day 0 moves', () => {
    // The share moved each day is the ramp's level that day, between 0 and 1, on the same
    // (unchanged) daily costs, so the moved cost lies strictly between none and the full move.
    const ramped = pairedRuns(baseModel(PATCH), withPolicy(PATCH, 'free-personal-care', NO_DEMAND, { start: 40, rampDays: 40 }), 3, WINDOW);
    for (let i = 0; i < 3; i++) {
      const part = ramped.diffs('costByPayer.council')[i];
      const full = runs.diffs('costByPayer.council')[i];
      expect(part).toBeGreaterThan(0);
      expect(part).toBeLessThan(full);
    }
  });

  it('starting at midnight on day 40, moves exactly the self-funded share of the costs incurred from then on', () => {
    // Payers change at a midnight and costs are booked day by day, so the move is exact: the
    // costs before day 40 are those of the same seed run to day 40 (nothing differs before).
    const whole = { horizonDays: 100, warmupDays: 0, seed: 4 };
    const base = run(baseModel(PATCH), whole);
    const late = run(withPolicy(PATCH, 'free-personal-care', NO_DEMAND, { start: 40 }), whole);
    const first40 = run(baseModel(PATCH), { ...whole, horizonDays: 40 });
    const after = (name: string): number => metric(base, name) - metric(first40, name);
    const moved = 0.25 * 0.6 * after('costBySetting.careHome') + 0.3 * after('costBySetting.reablement');
    expect(moved).toBeGreaterThan(0);
    expectClose(metric(late, 'costByPayer.council') - metric(base, 'costByPayer.council'), moved, 1e-9, 'moved after day 40');
    expectClose(metric(base, 'costByPayer.selfFunder') - metric(late, 'costByPayer.selfFunder'), moved, 1e-9, 'self-funders after day 40');
  });

  it('with a demand rise, community referrals for social care go up', () => {
    const r = pairedRuns(baseModel(PATCH), withPolicy(PATCH, 'free-personal-care', { demandIncrease: 0.3 }), 10, WINDOW);
    expectDirection(r.diff('communityReferrals'), 'up', 'communityReferrals');
  });
});
