/**
 * Warm start: a run with a `warmStart` snapshot begins with the settings filled as the snapshot
 * says, and with the patients waiting in acute beds already delayed.
 *
 * Every number in these models is a test value chosen to exercise a mechanism.
 */
import { describe, expect, it } from 'vitest';
import { baseModel, dailyValue, metric, run, type Patch } from './support.js';

// Clinical stays of 4 days; half the patients go home, half to (unlimited) reablement; the care
// home (20 places, stays of 60 days) is full at the start, with 7 patients waiting for it in
// acute beds.
const SNAPSHOT: Patch = {
  caseMix: [{ name: 'everyone', share: 1, acuteLengthOfStay: { type: 'fixed', value: 4 }, pathways: { P0: 0.5, P1: 0.5, P2: 0, P3: 0 } }],
  settings: { acute: { capacity: 100 }, careHome: { capacity: 20 } },
  warmStart: {
    acute: { occupied: 60 },
    careHome: { occupied: 20, waiting: 7 },
    stepDown: { occupied: 5 },
    reablement: { occupied: 3 },
  },
};

describe('warm start', () => {
  it('day 0 of the daily series is the snapshot', () => {
    const r = run(baseModel(SNAPSHOT), { horizonDays: 30, warmupDays: 0, seed: 3 });
    // The patients waiting for a care home hold acute beds: "occupied" counts the others.
    expect(dailyValue(r, 'acute', 'occupancy', 0)).toBe(60 + 7);
    expect(dailyValue(r, 'acute', 'delayed', 0)).toBe(7);
    expect(dailyValue(r, 'acute', 'queue', 0)).toBe(0);
    expect(dailyValue(r, 'careHome', 'occupancy', 0)).toBe(20);
    expect(dailyValue(r, 'careHome', 'queue', 0)).toBe(7);
    expect(dailyValue(r, 'stepDown', 'occupancy', 0)).toBe(5);
    expect(dailyValue(r, 'reablement', 'occupancy', 0)).toBe(3);
    // The waiting patients are delayed from time 0, awaiting a care home.
    expect(metric(r, 'delayedBedDaysByReason.awaitingCareHome')).toBeGreaterThanOrEqual(7 * 30 - 1e-9);
  });

  it('the snapshot drains as it should when nobody new arrives', () => {
    const r = run(baseModel(SNAPSHOT, { arrivals: { emergency: { perDay: 0 } } }), { horizonDays: 70, warmupDays: 0, seed: 3 });
    // Every acute patient of the snapshot is part-way through a stay of at most 4 days.
    for (let d = 4; d < 60; d++) {
      expect(dailyValue(r, 'acute', 'occupancy', d), `day ${d}`).toBe(7);
      expect(dailyValue(r, 'acute', 'delayed', d), `day ${d}`).toBe(7);
    }
    // The care home's residents have at most their 60-day stay left; then the 7 move in.
    expect(dailyValue(r, 'acute', 'occupancy', 61)).toBe(0);
    expect(dailyValue(r, 'acute', 'delayed', 61)).toBe(0);
    expect(dailyValue(r, 'careHome', 'occupancy', 61)).toBe(7);
    // Only the 7 are placements: the snapshot's residents were placed before the run began.
    expect(metric(r, 'placements.careHome')).toBe(7);
    expect(metric(r, 'newCareHomePlacementsFromHospital')).toBe(7);
  });

  it('without a snapshot the system starts empty', () => {
    const r = run(baseModel({ ...SNAPSHOT, warmStart: undefined }), { horizonDays: 10, warmupDays: 0, seed: 3 });
    for (const s of ['acute', 'reablement', 'stepDown', 'careHome']) expect(dailyValue(r, s, 'occupancy', 0), s).toBe(0);
  });

  it('a snapshot that overfills the acute beds is refused', () => {
    const tooMany = baseModel(SNAPSHOT, { warmStart: { acute: { occupied: 95 } } });
    expect(() => run(tooMany, { horizonDays: 10, warmupDays: 0, seed: 3 })).toThrow(/warmStart/);
  });
});
