/**
 * Home-based capacity counted in visits per day, with each client's visits tapering from an
 * initial to a final rate over their stay (the IPACS way of counting home care).
 *
 * Every number in these models is a test value chosen to exercise the mechanism.
 */
import { describe, expect, it } from 'vitest';
import { baseModel, dailyColumn, metric, run, Z, type Patch } from './support.js';

// Everyone goes to reablement (P1) after 2 days; reablement lasts exactly 30 days.
function reablementByVisits(capacity: number): Patch {
  return {
    arrivals: { emergency: { perDay: 10 } },
    caseMix: [{ name: 'everyone', share: 1, acuteLengthOfStay: { type: 'fixed', value: 2 }, pathways: { P0: 0, P1: 1, P2: 0, P3: 0 } }],
    settings: { reablement: { capacity, lengthOfStay: { type: 'fixed', value: 30 }, visitsPerDay: { initial: 4, final: 1 } } },
  };
}

const window = { horizonDays: 400, warmupDays: 100, seed: 9 };

describe('visits per day', () => {
  it('with room for all, uses arrivals x stay x the mean of the tapering rate', () => {
    const r = run(baseModel(reablementByVisits(100000)), window);
    // 10 clients a day for 30 days: 300 clients; the rate falls linearly from 4 to 1, but it is
    // set once a day, so over a 30-day stay the mean rate lies between the straight line's mean
    // (2.5) and that mean plus one day's step (3/30 = 0.1).
    const clients = metric(r, 'clients.reablement');
    const visits = metric(r, 'occupancy.reablement');
    expect(Math.abs(clients - 300)).toBeLessThan(Z * Math.sqrt((300 / (window.horizonDays - window.warmupDays)) * 30) + 1);
    expect(visits / clients).toBeGreaterThan(2.5 - 0.01);
    expect(visits / clients).toBeLessThan(2.6 + 0.01);
  });

  it('never uses more visits than there are, and makes people wait in hospital when short', () => {
    const r = run(baseModel(reablementByVisits(600)), window);
    for (const used of dailyColumn(r, 'reablement', 'occupancy')) expect(used).toBeLessThanOrEqual(600 + 1e-6);
    expect(metric(r, 'delayedBedDaysByReason.awaitingReablement')).toBeGreaterThan(0);
    // Tapering lets more clients in than 600 visits / 4 initial visits: about 600 / 2.55.
    expect(metric(r, 'clients.reablement')).toBeGreaterThan((600 / 4) * 1.3);
  });

  it('a warm start never fills more visits than there are: its clients ask for their initial visits as anyone does', () => {
    // 92 clients at 4 visits would need 368 of the 230 visits: 57 fit, the rest wait.
    const model = baseModel({ ...reablementByVisits(230), warmStart: { reablement: { occupied: 92, waiting: 39 } } });
    const r = run(model, { horizonDays: 60, warmupDays: 0, seed: 3 });
    const used = dailyColumn(r, 'reablement', 'occupancy');
    for (const [day, visits] of used.entries()) expect(visits, `day ${day}`).toBeLessThanOrEqual(230 + 1e-6);
    expect(used[0]).toBeGreaterThan(230 - 4); // as full as whole clients allow
  });

  it('is rejected for a bed-based setting', () => {
    expect(() => baseModel({ settings: { stepDown: { visitsPerDay: { initial: 2, final: 1 } } } })).toThrow(/visitsPerDay: visits per day are for kind: home settings only/);
  });
});
