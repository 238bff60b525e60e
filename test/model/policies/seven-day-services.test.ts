/**
 * Seven-day services: for a share of people, discharges and assessments go on at weekends.
 *
 * Every number in these models is a test value chosen to exercise the mechanism.
 */
import { describe, expect, it } from 'vitest';
import { baseModel } from '../support.js';
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
    // Whether a person is on seven-day working is an independent draw with chance 0.3, so the
    // policy's gain in same-day discharges is 0.3 of the gain with weekendShare 1, up to the
    // binomial noise of who is drawn: about 2,400 P0 discharges per run, of which the weekend
    // fits are some 2/7.
    const full = pairedRuns(baseModel(PATCH), withPolicy(PATCH, 'seven-day-services', { weekendShare: 1 }), 10, WINDOW);
    const gain = runs.diff('sameDayDischargeShare').mean;
    const fullGain = full.diff('sameDayDischargeShare').mean;
    expect(fullGain).toBeGreaterThan(0);
    expect(Math.abs(gain / fullGain - 0.3)).toBeLessThan(0.05);
  });
});
