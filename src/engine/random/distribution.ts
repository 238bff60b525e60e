/**
 * The {@link Distribution} interface that every probability distribution implements, and the
 * helpers the family modules share: parameter checks, number formatting for `describe()`, and
 * the cumulative table used to pick one of several outcomes.
 *
 * Every distribution class validates its parameters once, in the constructor, and precomputes
 * what `sample` needs, because `sample` runs millions of times a replication: it allocates
 * nothing and creates no closures. Each class also carries its exact theoretical mean and
 * variance, so tests and reports can compare simulated output with theory.
 *
 * No sampler caches state between calls (in particular no spare normal deviate). A cached value
 * belongs to the stream that produced it; a distribution object shared by several streams (one
 * length-of-stay distribution sampled with one substream per patient, say) would hand one
 * stream's spare to another, so one stream's draws would depend on how the others had been
 * used, which is exactly what common random numbers forbid.
 *
 * Only {@link Distribution} is re-exported by the public barrel `distributions.ts`; the helpers
 * are exported for the family modules alone.
 *
 * @module
 */
import type { UniformSource } from './stream.js';

/** A probability distribution that can be sampled with any {@link UniformSource}. */
export interface Distribution {
  /** The family name, as used for `type` in a distribution spec (for example `'lognormal'`). */
  readonly kind: string;
  /** One draw, using as many uniforms from `rng` as the method needs. */
  sample(rng: UniformSource): number;
  /** The theoretical mean. */
  readonly mean: number;
  /** The theoretical variance; `Infinity` where it is infinite or overflows a double. */
  readonly variance: number;
  /** A short human description, for example `lognormal(mean 6, sd 5)`. */
  describe(): string;
}

// ---------------------------------------------------------------------------------------------
// Parameter checks and formatting

/** Throws the RangeError that every constructor uses, prefixed with the family name. */
export function fail(kind: string, message: string): never {
  throw new RangeError(`${kind}: ${message}`);
}

/** Rejects NaN and infinite values. */
export function requireFinite(kind: string, name: string, value: number): void {
  if (!Number.isFinite(value)) fail(kind, `${name} must be a finite number, got ${value}`);
}

/** Rejects NaN, zero, negative and infinite values. */
export function requirePositive(kind: string, name: string, value: number): void {
  // Written as !(value > 0) so that NaN is rejected too.
  if (!(value > 0)) fail(kind, `${name} must be > 0, got ${value}`);
  if (value === Infinity) fail(kind, `${name} must be finite, got ${value}`);
}

/** Numbers for describe(): integers as they are, others to 6 significant digits. */
export function fmt(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  return String(Number(x.toPrecision(6)));
}

// ---------------------------------------------------------------------------------------------
// Choosing one of several outcomes by a cumulative table

/** Above this many entries, a cumulative table is searched by bisection instead of a scan. */
const LINEAR_SEARCH_MAX = 16;

/**
 * Index of the first entry of `cumulative` above u. The table must end with entries of exactly
 * 1, so that the search ends for every u in (0, 1).
 */
export function searchCumulative(cumulative: Float64Array, u: number): number {
  const n = cumulative.length;
  if (n <= LINEAR_SEARCH_MAX) {
    let i = 0;
    while (u >= cumulative[i]) i++;
    return i;
  }
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (u < cumulative[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Cumulative probabilities of normalised weights, with every entry from the last positive
 * weight on set to exactly 1: rounding can then neither leave u beyond the end nor select a
 * trailing zero-weight entry.
 */
export function cumulativeTable(weights: ArrayLike<number>, total: number): Float64Array {
  const table = new Float64Array(weights.length);
  let lastPositive = 0;
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += weights[i];
    table[i] = sum / total;
    if (weights[i] > 0) lastPositive = i;
  }
  table.fill(1, lastPositive);
  return table;
}
