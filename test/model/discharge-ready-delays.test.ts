import { describe, expect, it } from 'vitest';
import { DischargeReadyDelays } from '../../src/model/discharge-ready-delays.js';
import { DISCHARGE_READY_BANDS } from '../../src/model/metrics/delay-bands.js';

describe('DischargeReadyDelays', () => {
  it('bands discharges by whole calendar days, not by elapsed time', () => {
    const d = new DischargeReadyDelays(0);
    d.discharged(10.9, 10.1); // same calendar day
    d.discharged(11.1, 10.9); // 0.2 days later but the next calendar day: day1
    d.discharged(13.5, 10.2); // 3 days: days2to3
    d.discharged(40.5, 10.5); // 30 days: days21plus
    const m: Record<string, number> = {};
    d.addMetrics(m);
    expect(m['dischargeReadyDelayShare.sameDay']).toBe(0.25);
    expect(m['dischargeReadyDelayShare.day1']).toBe(0.25);
    expect(m['dischargeReadyDelayShare.days2to3']).toBe(0.25);
    expect(m['dischargeReadyDelayShare.days21plus']).toBe(0.25);
    expect(m['dischargeReadyDelayShare.days4to6']).toBe(0);
    // Whole delay days 0 + 1 + 3 + 30 = 34; the delayed three average 34 / 3.
    expect(m['dischargeReadyDelayBedDaysShare.days21plus']).toBeCloseTo(30 / 34, 12);
    expect(m['dischargeReadyDelayBedDaysShare.sameDay']).toBe(0);
    expect(m.meanDelayOfDelayedDays).toBeCloseTo(34 / 3, 12);
    const sum = DISCHARGE_READY_BANDS.reduce((a, b) => a + m[`dischargeReadyDelayShare.${b.name}`], 0);
    expect(sum).toBeCloseTo(1, 12);
  });

  it('the situation-report ratio counts the midnight stock and those of it discharged the next day', () => {
    const d = new DischargeReadyDelays(5);
    d.snapshot(5, 99, 10); // the window's start: no day of it follows in full yet
    d.snapshot(6, 4, 10);
    d.snapshot(7, 6, 10);
    d.snapshot(10, 50, 10); // the horizon: nothing after it is simulated
    d.discharged(6.5, 5.5); // in the snapshot at 6
    d.discharged(6.6, 6.2); // ready after the snapshot: not in it
    d.discharged(7.5, 2); // in the snapshot at 7
    const m: Record<string, number> = {};
    d.addMetrics(m);
    expect(m.sitrepDischargedShare).toBeCloseTo(2 / 10, 12);
  });

  it('startWindow forgets the warm-up', () => {
    const d = new DischargeReadyDelays(0);
    d.discharged(3.5, 0.5);
    d.startWindow(10);
    d.discharged(12.5, 12.4);
    const m: Record<string, number> = {};
    d.addMetrics(m);
    expect(m['dischargeReadyDelayShare.sameDay']).toBe(1);
    expect(m.meanDelayOfDelayedDays).toBe(0);
  });
});
