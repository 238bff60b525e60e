/**
 * Tallies of observations (waiting times, lengths of stay): count, mean, variance, extremes and
 * quantiles.
 *
 * Mean and variance use sums of values shifted by the first observation (the "shifted data"
 * algorithm), which is as accurate as Welford's update for data near that value and needs no
 * division per observation, so it costs little on the hot path.
 * Quantiles are exact: the values are kept in a growing typed array (8 bytes each) and sorted
 * only when asked. A tally created with `keepValues: false` keeps memory constant and
 * reports no quantiles.
 *
 * @module
 */
import { quantileSorted } from 'simple-statistics';

/** Options for a {@link Tally}. */
export interface TallyOptions {
  /** Keep every value so that quantiles can be computed (default true). */
  keepValues?: boolean;
}

/** Count, mean, variance, minimum, maximum and quantiles of a stream of observations. */
export class Tally {
  private n = 0;
  private shift = 0;
  private shiftedSum = 0;
  private shiftedSumSquares = 0;
  private lowest = Infinity;
  private highest = -Infinity;
  private values: Float64Array | null;
  private sorted = true;

  constructor(options: TallyOptions = {}) {
    this.values = options.keepValues === false ? null : new Float64Array(256);
  }

  /** Records one observation. */
  add(x: number): void {
    const n = ++this.n;
    if (n === 1) this.shift = x;
    const d = x - this.shift;
    this.shiftedSum += d;
    this.shiftedSumSquares += d * d;
    if (x < this.lowest) this.lowest = x;
    if (x > this.highest) this.highest = x;
    if (this.values !== null) this.keep(x, n - 1);
  }

  /** Forgets every observation (end of warm-up). */
  reset(): void {
    this.n = 0;
    this.shift = 0;
    this.shiftedSum = 0;
    this.shiftedSumSquares = 0;
    this.lowest = Infinity;
    this.highest = -Infinity;
    this.sorted = true;
  }

  /** Number of observations. */
  get count(): number {
    return this.n;
  }

  /** Sum of the observations. */
  get sum(): number {
    return this.shiftedSum + this.n * this.shift;
  }

  /** Mean of the observations (NaN when there are none). */
  mean(): number {
    return this.n > 0 ? this.shift + this.shiftedSum / this.n : NaN;
  }

  /** Sample variance (n - 1 denominator; NaN with fewer than two observations). */
  variance(): number {
    if (this.n < 2) return NaN;
    const n = this.n;
    return Math.max(0, (this.shiftedSumSquares - (this.shiftedSum * this.shiftedSum) / n) / (n - 1));
  }

  /** Sample standard deviation. */
  sd(): number {
    return Math.sqrt(this.variance());
  }

  /** Smallest observation (NaN when there are none). */
  min(): number {
    return this.n > 0 ? this.lowest : NaN;
  }

  /** Largest observation (NaN when there are none). */
  max(): number {
    return this.n > 0 ? this.highest : NaN;
  }

  /**
   * The p-quantile (0 <= p <= 1) of the observations, exact. NaN when there are none.
   * Throws if the tally was created with `keepValues: false`.
   */
  quantile(p: number): number {
    if (this.values === null) throw new Error('quantile needs a tally created with keepValues: true');
    if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile p must be in [0, 1], got ${p}`);
    if (this.n === 0) return NaN;
    const view = this.values.subarray(0, this.n);
    if (!this.sorted) {
      view.sort();
      this.sorted = true;
    }
    return quantileSorted(view as unknown as number[], p);
  }

  /** A copy of the kept observations in the order recorded, or sorted once a quantile was asked. */
  observations(): Float64Array {
    if (this.values === null) throw new Error('observations needs a tally created with keepValues: true');
    return this.values.slice(0, this.n);
  }

  private keep(x: number, index: number): void {
    let values = this.values as Float64Array;
    if (index === values.length) {
      const grown = new Float64Array(values.length * 2);
      grown.set(values);
      this.values = values = grown;
    }
    values[index] = x;
    this.sorted = false;
  }
}
