/**
 * Trusted assessor: the care home accepts the hospital's assessment, so the wait for its own
 * pre-admission assessment (spent in the acute bed as awaitingCareHome) shrinks.
 *
 * Every number in these models is a test value chosen to exercise the mechanism.
 */
import { describe, expect, it } from 'vitest';
import { baseModel, metric, Z } from '../support.js';
import { expectDirection, pairedRuns, sharedPolicyTests, withPolicy } from './support.js';

/** The care home assesses everyone itself first: exponential, mean 3 days, spent in hospital. */
const PATCH = { settings: { careHome: { providerAssessment: { type: 'exponential', mean: 3 } } } };
const WINDOW = { horizonDays: 100, warmupDays: 20 };

sharedPolicyTests('trusted-assessor', PATCH);

describe('trusted-assessor: direction', () => {
  const runs = pairedRuns(baseModel(PATCH), withPolicy(PATCH, 'trusted-assessor'), 10, WINDOW);

  it('moves delayed bed days awaiting a care home (and in all) down', () => {
    expectDirection(runs.diff('delayedBedDaysByReason.awaitingCareHome'), 'down', 'awaitingCareHome');
    expectDirection(runs.diff('delayedBedDays'), 'down', 'delayedBedDays');
  });

  it('the waiting bed days are those of an M/G/inf queue: 2 P3 fits a day, each waiting 3 days, or a quarter of that', () => {
    // P3 fits are Poisson at 20 x 0.1 = 2 a day; each waits an exponential provider assessment
    // (mean 3 days; 0.75 days with the policy) and nothing else. By Little's law the expected
    // waiting bed days over the 80-day window are 2 x mean x 80; the integral of an M/G/inf count
    // over T has variance about T x rate x E[S^2] (E[S^2] = 2 mean^2 for an exponential).
    const T = WINDOW.horizonDays - WINDOW.warmupDays;
    const check = (results: typeof runs.base, mean: number): void => {
      const avg = results.reduce((a, r) => a + metric(r, 'delayedBedDaysByReason.awaitingCareHome'), 0) / results.length;
      const sd = Math.sqrt((T * 2 * 2 * mean ** 2) / results.length);
      expect(Math.abs(avg - 2 * mean * T)).toBeLessThan(Z * sd);
    };
    check(runs.base, 3);
    check(runs.scenario, 0.75);
  });

  it('with reduction 1 no bed day awaits the care home (no other capacity limit)', () => {
    const r = pairedRuns(baseModel(PATCH), withPolicy(PATCH, 'trusted-assessor', { reduction: 1 }), 2, WINDOW);
    for (const s of r.scenario) expect(metric(s, 'delayedBedDaysByReason.awaitingCareHome')).toBe(0);
  });
});
