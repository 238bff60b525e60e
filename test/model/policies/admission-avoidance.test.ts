/**
 * Admission avoidance: a community rapid-response service takes a share of would-be emergency
 * admissions when it has room.
 *
 * Every number in these models is a test value chosen to exercise the mechanism.
 */
import { describe, expect, it } from 'vitest';
import { baseModel, metric, Z, type Patch } from '../support.js';
import { expectDirection, pairedRuns, sharedPolicyTests, withPolicy } from './support.js';

/** The base model as it is: 20 arrivals a day, unlimited acute beds. */
const PATCH: Patch = {};
const WINDOW = { horizonDays: 100, warmupDays: 20 };
/** Every stay here is 4 days: above the default 3-day limit, so the tests raise it. */
const ACTIVE = { maxAcuteStayDays: 10 };

sharedPolicyTests('admission-avoidance', PATCH, { active: ACTIVE });

describe('admission-avoidance: direction', () => {
  const runs = pairedRuns(baseModel(PATCH), withPolicy(PATCH, 'admission-avoidance', ACTIVE), 10, WINDOW);

  it('moves admissions down and uses the rapid-response service', () => {
    expectDirection(runs.diff('admissions'), 'down', 'admissions');
    for (const r of runs.scenario) expect(metric(r, 'occupancy.rapidResponse')).toBeGreaterThan(0);
  });

  it('rapid response holds about share x arrivals x mean stay = 0.1 x 20 x 4 = 8 people (Little), far below its 40 places', () => {
    const mean = runs.scenario.reduce((a, r) => a + metric(r, 'occupancy.rapidResponse'), 0) / runs.scenario.length;
    // An M/G/inf occupancy (the 40 places are hardly ever all taken): arrivals 2 a day, stays
    // lognormal with mean 4 and sd 4 (E[S^2] = 32). Its time-average over T days has variance
    // about rate x E[S^2] / T; over 10 runs, a tenth of that.
    const T = WINDOW.horizonDays - WINDOW.warmupDays;
    expect(Math.abs(mean - 8)).toBeLessThan(Z * Math.sqrt((2 * 32) / T / runs.scenario.length));
  });

  it('avoids admissions only where there is room: with no places, nothing changes', () => {
    const r = pairedRuns(baseModel(PATCH), withPolicy(PATCH, 'admission-avoidance', { ...ACTIVE, capacity: 0 }), 3, WINDOW);
    for (let i = 0; i < 3; i++) {
      expect(metric(r.scenario[i], 'admissions')).toBe(metric(r.base[i], 'admissions'));
      expect(metric(r.scenario[i], 'placements.rapidResponse')).toBe(0);
    }
  });

  it('takes only people whose hospital stay would have been short: with 4-day stays and a 3-day limit, nobody', () => {
    const r = pairedRuns(baseModel(PATCH), withPolicy(PATCH, 'admission-avoidance', { maxAcuteStayDays: 3 }), 3, WINDOW);
    for (let i = 0; i < 3; i++) {
      expect(metric(r.scenario[i], 'admissions')).toBe(metric(r.base[i], 'admissions'));
      expect(metric(r.scenario[i], 'placements.rapidResponse')).toBe(0);
    }
  });

  it('a share of those cared for at home die (deathShare), within a binomial band', () => {
    const r = pairedRuns(baseModel(PATCH), withPolicy(PATCH, 'admission-avoidance', { ...ACTIVE, share: 1, capacity: 100_000, deathShare: 0.2, admittedAfterAll: 0 }), 3, {
      horizonDays: 200,
      warmupDays: 20,
    });
    for (let i = 0; i < 3; i++) {
      // Everyone avoids admission; deaths are 20% of those who finished their stay in the window,
      // which differs from those placed by the change in the number in service (an M/G/inf
      // population of mean 20 x 4 = 80 at each end: Poisson, so the change has sd sqrt(160)).
      expect(metric(r.scenario[i], 'admissions')).toBe(0);
      const placed = metric(r.scenario[i], 'placements.rapidResponse');
      const deaths = metric(r.scenario[i], 'deaths');
      expect(Math.abs(deaths - 0.2 * placed)).toBeLessThan(Z * Math.sqrt(placed * 0.2 * 0.8 + 0.2 ** 2 * 160));
    }
  });
});
