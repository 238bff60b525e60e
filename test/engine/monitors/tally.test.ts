import * as ss from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { Tally } from '../../../src/engine/monitors/tally.js';
import { RandomStream } from '../../../src/engine/random/stream.js';

/** `n` values `offset + scale * u`, u uniform on (0, 1), from a fixed-seed stream. */
function data(seed: string, n: number, offset: number, scale: number): number[] {
  const rng = new RandomStream(seed);
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(offset + scale * rng.uniform());
  return out;
}

function tallyOf(values: readonly number[], keepValues = true): Tally {
  const t = new Tally({ keepValues });
  for (const x of values) t.add(x);
  return t;
}

/** |actual - expected| <= tol * |expected|. */
function expectRelative(actual: number, expected: number, tol: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.abs(expected));
}

const PROBS = [0, 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 1];

describe('Tally', () => {
  it('computes a small example by hand', () => {
    const t = tallyOf([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(t.count).toBe(8);
    expect(t.sum).toBe(40);
    expect(t.mean()).toBe(5);
    // Sum of squared deviations 32, over n - 1 = 7.
    expect(t.variance()).toBeCloseTo(32 / 7, 14);
    expect(t.sd()).toBeCloseTo(Math.sqrt(32 / 7), 14);
    expect(t.min()).toBe(2);
    expect(t.max()).toBe(9);
    expect(t.quantile(0.5)).toBe(4.5); // even count: mean of the 4th and 5th values
  });

  // Relative tolerances: the shifted sums lose only a few ulps per operation relative to the
  // spread of the data, so 1e-10 leaves a wide margin; a naive sum of squares at offset 1e9 has
  // terms near 1e18, whose rounding (about 100) swamps a variance near 0.08 entirely.
  const cases = [
    { name: 'data near zero', offset: 0, scale: 10, n: 10_001 },
    { name: 'data with a negative offset', offset: -500, scale: 3, n: 5_000 },
    { name: '1e9 + small noise', offset: 1e9, scale: 1, n: 20_000 },
  ];
  for (const { name, offset, scale, n } of cases) {
    it(`matches simple-statistics on ${name}`, () => {
      const xs = data(`tally/${name}`, n, offset, scale);
      const t = tallyOf(xs);
      expect(t.count).toBe(n);
      // The mean is within a few ulps of the offset-sized mean.
      const ulp = Math.max(Math.abs(offset), scale) * Number.EPSILON;
      expect(Math.abs(t.mean() - ss.mean(xs))).toBeLessThanOrEqual(8 * ulp);
      expectRelative(t.sum, ss.sum(xs), 1e-12);
      expectRelative(t.variance(), ss.sampleVariance(xs), 1e-10);
      expectRelative(t.sd(), ss.sampleStandardDeviation(xs), 1e-10);
      // The data's own variance is scale^2/12 up to sampling error; this guards against the
      // tally and simple-statistics agreeing on something wrong.
      expectRelative(t.variance(), (scale * scale) / 12, 0.05);
      expect(t.min()).toBe(ss.min(xs));
      expect(t.max()).toBe(ss.max(xs));
    });
  }

  it('keeps the variance accurate at offset 1e12, where a two-pass reference is not', () => {
    // At 1e12 a double's spacing is 1.2e-4, so even the rounded mean used by simple-statistics'
    // two-pass variance is off by up to 6e-5, which biases a variance of 8e-6 by about 4e-4
    // relative. The reference is therefore taken on the data minus its first value: the
    // variance does not change under a shift, and the subtraction is exact (the values share a
    // binade and are multiples of the same spacing).
    const xs = data('tally/1e12', 20_000, 1e12, 0.01);
    const t = tallyOf(xs);
    const shifted = xs.map((x) => x - xs[0]);
    expectRelative(t.variance(), ss.sampleVariance(shifted), 1e-10);
    expectRelative(t.variance(), 0.01 ** 2 / 12, 0.05);
    expect(Math.abs(t.mean() - (xs[0] + ss.mean(shifted)))).toBeLessThanOrEqual(4 * 1e12 * Number.EPSILON);
  });

  describe('quantiles', () => {
    for (const n of [1, 2, 7, 1_000, 1_001]) {
      it(`equal simple-statistics quantile exactly (n = ${n})`, () => {
        const xs = data(`quantile/${n}`, n, 100, 50);
        const t = tallyOf(xs);
        for (const p of PROBS) expect(t.quantile(p)).toBe(ss.quantile(xs, p));
      });
    }

    it('stay exact when values are added after a quantile was asked', () => {
      const xs = data('quantile/more', 500, 0, 1);
      const t = tallyOf(xs.slice(0, 300));
      expect(t.quantile(0.5)).toBe(ss.quantile(xs.slice(0, 300), 0.5));
      for (const x of xs.slice(300)) t.add(x);
      for (const p of PROBS) expect(t.quantile(p)).toBe(ss.quantile(xs, p));
      // Growing past the initial 256-value buffer kept every value.
      expect(Array.from(t.observations()).sort((a, b) => a - b)).toEqual(xs.slice().sort((a, b) => a - b));
    });

    it('reject p outside [0, 1]', () => {
      const t = tallyOf([1, 2, 3]);
      expect(() => t.quantile(-0.1)).toThrow(RangeError);
      expect(() => t.quantile(1.5)).toThrow(RangeError);
      expect(() => t.quantile(NaN)).toThrow(RangeError);
    });

    it('throw when the tally keeps no values, while the moments still work', () => {
      const xs = data('no-values', 1_000, 5, 2);
      const t = tallyOf(xs, false);
      expect(() => t.quantile(0.5)).toThrow(/keepValues/);
      expect(() => t.observations()).toThrow(/keepValues/);
      expectRelative(t.mean(), ss.mean(xs), 1e-12);
      expectRelative(t.variance(), ss.sampleVariance(xs), 1e-10);
      expect(t.max()).toBe(ss.max(xs));
    });
  });

  it('returns observations in the order recorded', () => {
    const t = tallyOf([3, 1, 2]);
    expect(Array.from(t.observations())).toEqual([3, 1, 2]);
  });

  it('gives NaN for an empty tally, and for the variance of a single value', () => {
    const t = new Tally();
    expect(t.count).toBe(0);
    expect(t.sum).toBe(0);
    expect(t.mean()).toBeNaN();
    expect(t.variance()).toBeNaN();
    expect(t.sd()).toBeNaN();
    expect(t.min()).toBeNaN();
    expect(t.max()).toBeNaN();
    expect(t.quantile(0.5)).toBeNaN();
    t.add(4);
    expect(t.mean()).toBe(4);
    expect(t.variance()).toBeNaN();
    expect(t.min()).toBe(4);
    expect(t.max()).toBe(4);
    expect(t.quantile(0.9)).toBe(4);
  });

  it('forgets everything on reset and then tallies only new values', () => {
    const before = data('reset/before', 400, 1e6, 100);
    const after = data('reset/after', 300, -20, 5);
    const t = tallyOf(before);
    t.quantile(0.5); // leaves the kept values sorted
    t.reset();
    expect(t.count).toBe(0);
    expect(t.sum).toBe(0);
    expect(t.mean()).toBeNaN();
    expect(t.min()).toBeNaN();
    expect(t.max()).toBeNaN();
    expect(t.quantile(0.5)).toBeNaN();
    expect(t.observations().length).toBe(0);
    for (const x of after) t.add(x);
    expect(t.count).toBe(300);
    expectRelative(t.mean(), ss.mean(after), 1e-12);
    expectRelative(t.variance(), ss.sampleVariance(after), 1e-10);
    expect(t.min()).toBe(ss.min(after));
    expect(t.max()).toBe(ss.max(after));
    for (const p of PROBS) expect(t.quantile(p)).toBe(ss.quantile(after, p));
  });
});
