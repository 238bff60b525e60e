/**
 * Seven-day services: for a share of people, discharges and assessments go on at weekends.
 *
 * Every number in these models is a test value chosen to exercise the mechanism.
 */
import { describe, expect, it } from 'vitest';
import { baseModel, metric, Z } from '../support.js';
import { expectDirection, pairedRuns, sharedPolicyTests, withPolicy } from './support.js';

/** Discharges take 2 hours of weekday working time (Monday to Friday, 8:00-18:00). */
const WEEKDAYS = { startHour: 8, endHour: 18, days: [0, 1, 2, 3, 4] };
const PATCH = { discharge: { process: { type: 'fixed', value: 2 / 24 }, window: WEEKDAYS } };
const WINDOW = { horizonDays: 100, warmupDays: 20 };

sharedPolicyTests('seven-day-services', PATCH);

describe('seven-day-services: direction', () => {
  const runs = pairedRuns(baseModel(PATCH), withPolicy(PATCH, 'seven-day-services'), 10, WINDOW);

  it('moves the same-day discharge share up and the time from fit to discharge down', () => {
    expectDirection(runs.diff('sameDayDischargeShare'), 'up', 'sameDayDischargeShare');
    expectDirection(runs.diff('meanFitToDischargeDays'), 'down', 'meanFitToDischargeDays');
  });

  it('gains about weekendShare of what full seven-day working gains', () => {
    // Whether a person is on seven-day working is an independent draw with chance 0.3, so of the
    // people who gain a same-day discharge under full seven-day working, a binomial 30% gain it
    // under the policy (everything else about them is the same).
    const full = pairedRuns(baseModel(PATCH), withPolicy(PATCH, 'seven-day-services', { weekendShare: 1 }), 10, WINDOW);
    const gained = (r: typeof runs): number =>
      r.scenario.reduce((a, s, i) => a + (metric(s, 'sameDayDischargeShare') - metric(r.base[i], 'sameDayDischargeShare')) * metric(s, 'medicallyOptimised'), 0);
    const n = gained(full);
    expect(n).toBeGreaterThan(100);
    const ratio = gained(runs) / n;
    // A little slack for the discharge counts of the two runs differing at the window's ends.
    expect(Math.abs(ratio - 0.3)).toBeLessThan(Z * Math.sqrt((0.3 * 0.7) / n) + 0.02);
  });
});
