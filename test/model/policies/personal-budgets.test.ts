/**
 * Personal budgets: a share of the people who need home care arrange their own, outside the
 * commissioned capacity, after a start delay.
 *
 * Every number in these models is a test value chosen to exercise the mechanism.
 */
import { describe, expect, it } from 'vitest';
import { baseModel, binomialHalfWidth, metric } from '../support.js';
import { expectDirection, pairedRuns, sharedPolicyTests, withPolicy } from './support.js';

/**
 * P1 goes to commissioned home care: 6 a day staying 10 days need 60 packages; there are 55, so
 * its queue grows. With a fifth taking personal budgets 48 are needed.
 */
const PATCH = {
  pathways: { P1: { to: 'homeCare', assessment: false } },
  settings: {
    homeCare: { kind: 'home', capacity: 55, lengthOfStay: { type: 'fixed', value: 10 }, costPerDay: 50, payers: { council: 1 }, next: [{ to: 'home', probability: 1 }] },
  },
};
const WINDOW = { horizonDays: 120, warmupDays: 20 };

sharedPolicyTests('personal-budgets', PATCH);

describe('personal-budgets: direction', () => {
  const runs = pairedRuns(baseModel(PATCH), withPolicy(PATCH, 'personal-budgets'), 10, WINDOW);

  it('moves the wait for commissioned home care down and uses personal budgets', () => {
    expectDirection(runs.diff('meanWaitDays.homeCare'), 'down', 'meanWaitDays.homeCare');
    expectDirection(runs.diff('delayedBedDaysByReason.awaitingHomeCare'), 'down', 'awaitingHomeCare');
    for (const r of runs.scenario) expect(metric(r, 'placements.personalBudget')).toBeGreaterThan(0);
  });

  it('a fifth of home-care starts are personal budgets, costed at 0.9 of a home-care day to the council', () => {
    for (const r of runs.scenario) {
      const pb = metric(r, 'placements.personalBudget');
      const n = pb + metric(r, 'placements.homeCare');
      // Redirection is an independent draw per person (share 0.2); the window's ends shift a
      // few starts either way (at most a week's worth of the 7-day start delay: about 8).
      expect(Math.abs(pb / n - 0.2)).toBeLessThan(binomialHalfWidth(0.2, n) + 10 / n);
      expect(metric(r, 'costBySetting.personalBudget')).toBeCloseTo(0.9 * 50 * metric(r, 'bedDays.personalBudget'), 6);
    }
  });

  it('spends the start delay where the person is, as awaitingPersonalBudget', () => {
    for (const r of runs.scenario) expect(metric(r, 'delayedBedDaysByReason.awaitingPersonalBudget')).toBeGreaterThan(0);
    const instant = pairedRuns(baseModel(PATCH), withPolicy(PATCH, 'personal-budgets', { startDelayDays: 0 }), 2, WINDOW);
    for (const r of instant.scenario) expect(metric(r, 'delayedBedDaysByReason.awaitingPersonalBudget')).toBe(0);
  });
});
