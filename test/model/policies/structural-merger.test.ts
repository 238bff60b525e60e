/**
 * Structural merger: processes take longer during the dip; the running cost is paid then.
 *
 * Every number in these models is a test value chosen to exercise the mechanism.
 */
import { describe, expect, it } from 'vitest';
import { baseModel, metric, Z } from '../support.js';
import { expectDirection, pairedRuns, sharedPolicyTests, withPolicy } from './support.js';

/** P0 has a discharge process; P1-P3 a referral and an assessment. No capacity limits. */
const PATCH = {
  discharge: { process: { type: 'exponential', mean: 0.5 } },
  pathways: { P1: { to: 'reablement', assessment: true }, P2: { to: 'stepDown', assessment: true }, P3: { to: 'careHome', assessment: true } },
  assessment: { referralDelay: { type: 'exponential', mean: 2 }, duration: { type: 'fixed', value: 0.5 } },
};
const WINDOW = { horizonDays: 100, warmupDays: 20 };

// The running cost is the reorganisation's: nothing before the start, all of it during the dip.
sharedPolicyTests('structural-merger', PATCH, { costIgnoresRamp: true });

describe('structural-merger: direction', () => {
  const runs = pairedRuns(baseModel(PATCH), withPolicy(PATCH, 'structural-merger'), 10, WINDOW);

  it('moves delayed bed days and the time from fit to discharge up during the dip', () => {
    expectDirection(runs.diff('delayedBedDays'), 'up', 'delayedBedDays');
    expectDirection(runs.diff('meanFitToDischargeDays'), 'up', 'meanFitToDischargeDays');
  });

  it("every delay is dipFactor times as long: mean fit-to-discharge is 1.15 x the baseline's 1.7 days", () => {
    // Fit to discharge: P0 (0.4) an exponential discharge process of mean 0.5; P1-P3 (0.6) an
    // exponential referral of mean 2 plus a fixed half-day assessment: mean 0.4 x 0.5 + 0.6 x 2.5
    // = 1.7, variance 0.4 x 0.5 + 0.6 x (4 + 6.25) - 1.7^2 = 3.46. The merger multiplies every
    // part by 1.15 (mean x 1.15, variance x 1.3225). About 1,600 discharges a run, 10 runs.
    const check = (results: typeof runs.base, factor: number): void => {
      const avg = results.reduce((a, r) => a + metric(r, 'meanFitToDischargeDays'), 0) / results.length;
      const n = results.reduce((a, r) => a + metric(r, 'medicallyOptimised'), 0);
      expect(Math.abs(avg - 1.7 * factor)).toBeLessThan(Z * Math.sqrt((3.46 * factor ** 2) / n));
    };
    check(runs.base, 1);
    check(runs.scenario, 1.15);
  });

  it('pays its running cost during the dip only, whatever the ramp', () => {
    // dipMonths 1 (30.44 days) from the start on day 10: the ramp (10 days) is inside the dip,
    // which ends on day 40.44, after which the cost stops. (Once booked from day 0, and once
    // with the ramp added to the dip.)
    const r = pairedRuns(baseModel(PATCH), withPolicy(PATCH, 'structural-merger', { dipMonths: 1 }, { start: 10, rampDays: 10, runningCostPerYear: 365_250 }), 1, {
      horizonDays: 100,
      warmupDays: 0,
    });
    expect(metric(r.scenario[0], 'costByPolicy.structural-merger')).toBeCloseTo(1000 * 30.44, 6);
  });
});
