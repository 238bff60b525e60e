import { describe, expect, it } from 'vitest';
import { TimeWeighted } from '../../../src/engine/monitors/time-weighted.js';

/**
 * The step function used by most tests, levels by interval:
 *   [0, 2) at 0, [2, 5) at 3, [5, 6) at 1, [6, 10) at 4.
 * By hand, over [0, 10]: integral 0*2 + 3*3 + 1*1 + 4*4 = 26, mean 2.6,
 * mean square (0 + 27 + 1 + 64)/10 = 9.2, variance 9.2 - 2.6^2 = 2.44,
 * time at levels 0..4: [2, 1, 0, 3, 4].
 */
function steps(trackLevels = true): TimeWeighted {
  const m = new TimeWeighted({ trackLevels });
  m.update(2, 3);
  m.update(5, 1);
  m.add(6, 3); // 1 + 3 = 4
  return m;
}

describe('TimeWeighted', () => {
  it('computes integral, mean and variance of a step function by hand', () => {
    const m = steps();
    expect(m.value).toBe(4);
    expect(m.integral(10)).toBeCloseTo(26, 12);
    expect(m.mean(10)).toBeCloseTo(2.6, 12);
    expect(m.variance(10)).toBeCloseTo(2.44, 12);
    expect(m.elapsed(10)).toBe(10);
    // Part-way through a step the open interval counts at the current level:
    // at t = 5.5, 3*3 + 1*0.5 = 9.5.
    const early = new TimeWeighted();
    early.update(2, 3);
    early.update(5, 1);
    expect(early.integral(5.5)).toBeCloseTo(9.5, 12);
    expect(early.mean(5.5)).toBeCloseTo(9.5 / 5.5, 12);
  });

  it('tracks the minimum and maximum level', () => {
    const m = new TimeWeighted({ initial: 2 });
    expect(m.min()).toBe(2);
    expect(m.max()).toBe(2);
    m.update(1, 5);
    m.update(2, -1);
    m.update(3, 3);
    expect(m.min()).toBe(-1);
    expect(m.max()).toBe(5);
  });

  it('records the time spent at each integer level', () => {
    const m = steps();
    expect(Array.from(m.timeAtLevels(10))).toEqual([2, 1, 0, 3, 4]);
    // The times add up to the window length when no level is negative.
    expect(m.timeAtLevels(10).reduce((a, b) => a + b, 0)).toBeCloseTo(m.elapsed(10), 12);
    // Asking does not disturb the monitor: later windows keep accumulating.
    expect(Array.from(m.timeAtLevels(12))).toEqual([2, 1, 0, 3, 6]);
  });

  it('floors fractional levels and ignores negative ones in timeAtLevels', () => {
    const m = new TimeWeighted({ trackLevels: true, initial: 1.5 });
    m.update(2, -1);
    m.update(3, 2.9);
    expect(Array.from(m.timeAtLevels(7))).toEqual([0, 2, 4]);
  });

  it('reports time at a level beyond the initial table, even one reached just now', () => {
    // The level table starts with 64 entries and grows only when time is spent at a level;
    // the time at a freshly reached high level used to be dropped.
    const m = new TimeWeighted({ trackLevels: true });
    m.update(1, 100);
    const levels = m.timeAtLevels(4);
    expect(levels.length).toBe(101);
    expect(levels[0]).toBe(1);
    expect(levels[100]).toBe(3);
    m.update(4, 200);
    m.update(6, 7);
    const later = m.timeAtLevels(10);
    expect(later.length).toBe(201);
    expect([later[0], later[7], later[100], later[200]]).toEqual([1, 4, 3, 2]);
    expect(later.reduce((a, b) => a + b, 0)).toBe(10);
  });

  it('throws on timeAtLevels without trackLevels', () => {
    expect(() => steps(false).timeAtLevels(10)).toThrow(/trackLevels/);
  });

  it('gives NaN mean and variance for an empty window', () => {
    const m = new TimeWeighted({ start: 3, initial: 5 });
    expect(m.mean(3)).toBeNaN();
    expect(m.variance(3)).toBeNaN();
    expect(m.integral(3)).toBe(0);
  });

  it('honours the start time and initial level', () => {
    // Level 2 from t = 5, then 6 from t = 7: over [5, 9] the integral is 2*2 + 6*2 = 16.
    const m = new TimeWeighted({ start: 5, initial: 2 });
    m.update(7, 6);
    expect(m.elapsed(9)).toBe(4);
    expect(m.integral(9)).toBeCloseTo(16, 12);
    expect(m.mean(9)).toBeCloseTo(4, 12);
    expect(m.variance(9)).toBeCloseTo(4, 12); // (4*2 + 36*2)/4 - 16
  });

  it('gives zero variance for a constant level', () => {
    const m = new TimeWeighted({ initial: 7 });
    m.update(3, 7);
    expect(m.mean(10)).toBe(7);
    expect(m.variance(10)).toBe(0);
  });

  it('ignores a change of level that lasts no time, except in min and max', () => {
    const m = new TimeWeighted();
    m.update(2, 10);
    m.update(2, 1); // level 10 for zero time
    expect(m.integral(4)).toBeCloseTo(2, 12);
    expect(m.max()).toBe(10);
  });

  describe('reset', () => {
    it('keeps the current level and measures a new window from the reset', () => {
      const m = steps();
      m.reset(6); // level 4 carries over
      expect(m.value).toBe(4);
      expect(m.min()).toBe(4);
      expect(m.max()).toBe(4);
      expect(m.elapsed(10)).toBe(4);
      m.update(8, 2);
      // Window [6, 10]: 4 for 2, then 2 for 2. Integral 12, mean 3,
      // mean square (16*2 + 4*2)/4 = 10, variance 10 - 9 = 1.
      expect(m.integral(10)).toBeCloseTo(12, 12);
      expect(m.mean(10)).toBeCloseTo(3, 12);
      expect(m.variance(10)).toBeCloseTo(1, 12);
      expect(m.min()).toBe(2);
      expect(m.max()).toBe(4);
      expect(Array.from(m.timeAtLevels(10))).toEqual([0, 0, 2, 0, 2]);
    });

    it('counts the level held since the last update only from the reset', () => {
      // Level 3 from t = 2; reset at 4 (mid-step); at 6 the window holds 3 for 2 time units.
      const m = new TimeWeighted({ trackLevels: true });
      m.update(2, 3);
      m.reset(4);
      expect(m.integral(6)).toBeCloseTo(6, 12);
      expect(m.mean(6)).toBeCloseTo(3, 12);
      expect(m.variance(6)).toBe(0);
      expect(Array.from(m.timeAtLevels(6))).toEqual([0, 0, 0, 2]);
      expect(m.mean(4)).toBeNaN();
    });
  });

  it('keeps the variance accurate for levels far from zero', () => {
    // Alternating 1000 and 1002 for equal times: mean 1001, variance exactly 1.
    const m = new TimeWeighted({ initial: 1000 });
    for (let i = 1; i <= 1000; i++) m.update(i, i % 2 === 1 ? 1002 : 1000);
    expect(m.mean(1000)).toBeCloseTo(1001, 9);
    expect(m.variance(1000)).toBeCloseTo(1, 6);
  });
});
