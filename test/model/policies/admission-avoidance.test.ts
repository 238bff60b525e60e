/**
 * Admission avoidance: a community rapid-response service takes a share of would-be emergency
 * admissions when it has room.
 *
 * Every number in these models is a test value chosen to exercise the mechanism.
 */
import { describe, expect, it } from 'vitest';
import { baseModel, metric, type Patch } from '../support.js';
import { expectDirection, pairedRuns, sharedPolicyTests, withPolicy } from './support.js';

/** The base model as it is: 20 arrivals a day, unlimited acute beds. */
const PATCH: Patch = {};
const WINDOW = { horizonDays: 100, warmupDays: 20 };

sharedPolicyTests('admission-avoidance', PATCH);

describe('admission-avoidance: direction', () => {
  const runs = pairedRuns(baseModel(PATCH), withPolicy(PATCH, 'admission-avoidance'), 10, WINDOW);

  it('moves admissions down and uses the rapid-response service', () => {
    expectDirection(runs.diff('admissions'), 'down', 'admissions');
    for (const r of runs.scenario) expect(metric(r, 'occupancy.rapidResponse')).toBeGreaterThan(0);
  });

  it('rapid response holds about share x arrivals x mean stay = 0.1 x 20 x 4 = 8 people (Little), far below its 40 places', () => {
    const mean = runs.scenario.reduce((a, r) => a + metric(r, 'occupancy.rapidResponse'), 0) / runs.scenario.length;
    // Over 10 runs of 80 days the time-average of an M/G/inf occupancy of mean 8 is within a few
    // tenths of 8; 1 is a wide band.
    expect(Math.abs(mean - 8)).toBeLessThan(1);
  });

  it('avoids admissions only where there is room: with no places, nothing changes', () => {
    const r = pairedRuns(baseModel(PATCH), withPolicy(PATCH, 'admission-avoidance', { capacity: 0 }), 3, WINDOW);
    for (let i = 0; i < 3; i++) {
      expect(metric(r.scenario[i], 'admissions')).toBe(metric(r.base[i], 'admissions'));
      expect(metric(r.scenario[i], 'placements.rapidResponse')).toBe(0);
    }
  });
});
