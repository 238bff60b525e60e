/**
 * Trusted assessor: the care home accepts the hospital's assessment, so the wait for its own
 * pre-admission assessment (spent in the acute bed as awaitingCareHome) shrinks.
 *
 * Every number in these models is a test value chosen to exercise the mechanism.
 */
import { describe, expect, it } from 'vitest';
import { baseModel, metric } from '../support.js';
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

  it('shortens every wait by the same factor: the policy run waits about (1 - reduction) as long', () => {
    // Each person's provider assessment is the same draw times 0.25, so (apart from the few waits
    // cut by the window's ends) the waiting bed days scale by 0.25. With 2 P3 discharges a day of
    // mean wait 3, about 6 bed days a day wait in the baseline: the ends add at most a few
    // days' worth, so a 10% band is generous.
    for (let i = 0; i < runs.base.length; i++) {
      const b = metric(runs.base[i], 'delayedBedDaysByReason.awaitingCareHome');
      const s = metric(runs.scenario[i], 'delayedBedDaysByReason.awaitingCareHome');
      expect(b).toBeGreaterThan(0);
      expect(Math.abs(s / b - 0.25)).toBeLessThan(0.025);
    }
  });

  it('with reduction 1 no bed day awaits the care home (no other capacity limit)', () => {
    const r = pairedRuns(baseModel(PATCH), withPolicy(PATCH, 'trusted-assessor', { reduction: 1 }), 2, WINDOW);
    for (const s of r.scenario) expect(metric(s, 'delayedBedDaysByReason.awaitingCareHome')).toBe(0);
  });
});
