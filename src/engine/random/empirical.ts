/**
 * The empirical distribution: sampling by interpolating between observed values; and its spec
 * and declaration (see declaration.ts).
 *
 * @module
 */
import { FINITE, type DistributionDeclaration, type Moments } from './declaration.js';
import { fail, fmt, requireFinite, type Distribution } from './distribution.js';
import type { UniformSource } from './stream.js';

/**
 * The continuous distribution of observed values: the inverse of the piecewise-linear empirical
 * CDF through the sorted observations (as a type 7 quantile: x(i) at probability i/(n-1)).
 *
 * Its mean and variance are the exact moments of that piecewise-linear distribution, an equal
 * mixture of uniforms on [x(i), x(i+1)]; they differ from the sample moments of the data (the
 * variance is smaller, as interpolation pulls mass in between the observations).
 */
export class Empirical implements Distribution {
  /** @inheritDoc */
  readonly kind = 'empirical';
  /** The observations, sorted ascending. */
  readonly sortedValues: readonly number[];
  /** @inheritDoc */
  readonly mean: number;
  /** @inheritDoc */
  readonly variance: number;
  private readonly segments: number;
  private readonly sorted: Float64Array;

  /** @param values observed values: at least 2, all finite */
  constructor(values: readonly number[]) {
    if (values.length < 2) {
      fail('empirical', `values must have at least 2 entries, got ${values.length}`);
    }
    for (let i = 0; i < values.length; i++) requireFinite('empirical', `values[${i}]`, values[i]);
    const x = Float64Array.from(values).sort();
    this.sorted = x;
    this.sortedValues = Object.freeze(Array.from(x));
    this.segments = x.length - 1;
    const { mean, variance } = interpolatedMoments(x);
    this.mean = mean;
    this.variance = variance;
  }

  /** @inheritDoc */
  sample(rng: UniformSource): number {
    const h = rng.uniform() * this.segments;
    const i = Math.floor(h); // <= segments - 1, since u < 1
    const lo = this.sorted[i];
    return lo + (h - i) * (this.sorted[i + 1] - lo);
  }

  /** @inheritDoc */
  describe(): string {
    const x = this.sorted;
    return `empirical(${x.length} values, ${fmt(x[0])} to ${fmt(x[x.length - 1])})`;
  }
}

/**
 * The exact mean and variance of the piecewise-linear distribution through sorted values x (at
 * least 2): an equal mixture of uniforms on [x(i), x(i+1)].
 */
function interpolatedMoments(x: Float64Array): Moments {
  const segments = x.length - 1;
  let sum = 0;
  for (let i = 0; i < segments; i++) sum += 0.5 * (x[i] + x[i + 1]);
  const mean = sum / segments;
  // Second moment of each uniform segment about the mean, (p^2 + pq + q^2)/3 with p, q its
  // ends relative to the mean; the correction term removes the rounding left in the mean.
  let m1 = 0;
  let m2 = 0;
  for (let i = 0; i < segments; i++) {
    const p = x[i] - mean;
    const q = x[i + 1] - mean;
    m1 += 0.5 * (p + q);
    m2 += (p * p + p * q + q * q) / 3;
  }
  m1 /= segments;
  return { mean, variance: Math.max(0, m2 / segments - m1 * m1) };
}

// ---------------------------------------------------------------------------------------------
// Spec and declaration

/** `{type: 'empirical', values}`: interpolated resampling of observed values. */
export interface EmpiricalSpec {
  /** Discriminator. */
  type: 'empirical';
  /** The observations, at least 2. */
  values: readonly number[];
}

/** The empirical distribution of observed values. */
export const empiricalDeclaration: DistributionDeclaration<EmpiricalSpec> = {
  type: 'empirical',
  forms: [['values']],
  params: { values: { kind: 'numbers', each: FINITE, minItems: 2, tooFew: (count) => `must have at least 2 values, got ${count}` } },
  create: (spec) => new Empirical(spec.values),
  // The moments of the interpolated distribution, not of the data (see the class).
  moments: (spec) => interpolatedMoments(Float64Array.from(spec.values).sort()),
  canBeNegative: (spec) => spec.values.some((v) => v < 0),
  examples: [{ type: 'empirical', values: [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9] }],
};
