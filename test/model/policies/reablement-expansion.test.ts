/**
 * Reablement expansion: more reablement places, and more of the reabled leave independent
 * instead of going on to long-term home care.
 *
 * Every number in these models is a test value chosen to exercise the mechanism.
 */
import { describe, expect, it } from 'vitest';
import { baseModel, binomialHalfWidth, metric } from '../support.js';
import { expectDirection, pairedRuns, sharedPolicyTests, withPolicy } from './support.js';

/** After reablement 40% go on to long-term home care (unlimited), 60% home. */
const PATCH = {
  settings: {
    reablement: {
      next: [
        { to: 'homeCare', probability: 0.4 },
        { to: 'home', probability: 0.6 },
      ],
    },
    homeCare: { kind: 'home', capacity: 1_000_000, lengthOfStay: { type: 'fixed', value: 30 }, next: [{ to: 'home', probability: 1 }] },
  },
};
const WINDOW = { horizonDays: 100, warmupDays: 20 };

sharedPolicyTests('reablement-expansion', PATCH);

describe('reablement-expansion: direction', () => {
  const runs = pairedRuns(baseModel(PATCH), withPolicy(PATCH, 'reablement-expansion'), 10, WINDOW);

  it('moves independence after reablement up and long-term home care placements down', () => {
    expectDirection(runs.diff('independenceAfterReablement'), 'up', 'independenceAfterReablement');
    expectDirection(runs.diff('placements.homeCare'), 'down', 'placements.homeCare');
    // Only people bound for home care are moved, by one extra draw each: never more placements.
    for (const d of runs.diffs('placements.homeCare')) expect(d).toBeLessThanOrEqual(0);
  });

  it('independence becomes 0.6 + 0.4 x 0.15 = 0.66, within binomial noise', () => {
    for (const r of runs.scenario) {
      // About 6 people a day leave reablement over the 80-day window; a third of that as n keeps the band conservative.
      const n = metric(r, 'placements.reablement') / 3;
      expect(Math.abs(metric(r, 'independenceAfterReablement') - 0.66)).toBeLessThan(binomialHalfWidth(0.66, n));
    }
  });

  it('with reablement short of places, the extra capacity moves its placements up and its waits down', () => {
    // 6 a day for 10 days need 60 places; 50 become 60 with the default 20% more.
    const short = { settings: { ...PATCH.settings, reablement: { ...PATCH.settings.reablement, capacity: 50 } } };
    const r = pairedRuns(baseModel(short), withPolicy(short, 'reablement-expansion', { independenceGain: 0 }), 10, WINDOW);
    expectDirection(r.diff('placements.reablement'), 'up', 'placements.reablement');
    expectDirection(r.diff('meanWaitDays.reablement'), 'down', 'meanWaitDays.reablement');
  });
});
