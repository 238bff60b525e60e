/**
 * The normal distribution, optionally truncated, and the lognormal.
 *
 * A truncated normal reports the exact moments of the truncated distribution, computed in a way
 * that loses nothing to cancellation for narrow intervals or for truncations far in a tail, and
 * is sampled by rejection or by inversion of log tail probabilities, whichever suits the mass
 * kept. Each has its spec and declaration here too (see declaration.ts).
 *
 * @module
 */
import { FINITE, POSITIVE, maxAboveMin, numbers, type DistributionDeclaration, type SpecIssue } from './declaration.js';
import { fail, fmt, requireFinite, requirePositive, type Distribution } from './distribution.js';
import { INV_SQRT_2PI, logUpperTail, scaledUpperTail, standardNormal, upperTail, upperTailQuantileFromLog } from './special-functions.js';
import type { UniformSource } from './stream.js';

/** Moments and mass of a standard normal truncated to [a, b]. */
interface TruncatedMoments {
  /** P(a <= Z <= b); may underflow to 0 in a far tail. */
  mass: number;
  mean: number;
  variance: number;
}

// Five-point Gauss-Legendre rule on [-1, 1], from the closed forms of its nodes and weights.
const GL_NODES = [
  -Math.sqrt(5 + 2 * Math.sqrt(10 / 7)) / 3,
  -Math.sqrt(5 - 2 * Math.sqrt(10 / 7)) / 3,
  0,
  Math.sqrt(5 - 2 * Math.sqrt(10 / 7)) / 3,
  Math.sqrt(5 + 2 * Math.sqrt(10 / 7)) / 3,
];
const GL_WEIGHTS = [(322 - 13 * Math.sqrt(70)) / 900, (322 + 13 * Math.sqrt(70)) / 900, 128 / 225, (322 + 13 * Math.sqrt(70)) / 900, (322 - 13 * Math.sqrt(70)) / 900];

/**
 * Exact moments of the standard normal truncated to [a, b] (a < b, either may be infinite).
 *
 * Closed forms lose everything to cancellation when the interval is narrow on the scale over
 * which the density changes: the variance (about width^2/12) is then a difference of O(1)
 * terms. Such intervals are integrated numerically instead (composite Gauss-Legendre, which
 * on a smooth, nearly flat integrand is exact to rounding). Elsewhere the closed forms are
 * evaluated with exp(-a^2/2) factored out, so a truncation far in a tail loses nothing either.
 */
function truncatedStandardMoments(a: number, b: number): TruncatedMoments {
  if (b <= 0) {
    const m = truncatedStandardMoments(-b, -a);
    return { mass: m.mass, mean: -m.mean, variance: m.variance };
  }
  const spread = (b - a) * (1 + Math.max(Math.abs(a), Math.abs(b)));
  if (spread <= 2) return truncatedMomentsByQuadrature(a, b);
  if (a >= 0) {
    // Every quantity below is multiplied by exp(a^2/2); the factor cancels in the ratios.
    const s = b === Infinity ? 0 : Math.exp(-0.5 * (b - a) * (b + a));
    const massScaled = scaledUpperTail(a) - (b === Infinity ? 0 : scaledUpperTail(b) * s);
    const phiA = INV_SQRT_2PI;
    const phiB = INV_SQRT_2PI * s;
    const mean = (phiA - phiB) / massScaled;
    // Var = 1 + (a phi(a) - b phi(b))/Z - m^2, rearranged as below to avoid subtracting two
    // numbers near a^2 when a is large.
    const bTerm = b === Infinity ? 0 : ((b - a) * phiB) / massScaled;
    const variance = 1 - mean * (mean - a) - bTerm;
    return { mass: massScaled * Math.exp(-0.5 * a * a), mean, variance };
  }
  // a < 0 < b: the mass is not small here (the spread test above excluded narrow intervals).
  const below = upperTail(-a);
  const above = upperTail(b);
  const mass = 1 - below - above;
  const phiA = a === -Infinity ? 0 : INV_SQRT_2PI * Math.exp(-0.5 * a * a);
  const phiB = b === Infinity ? 0 : INV_SQRT_2PI * Math.exp(-0.5 * b * b);
  const aPhiA = a === -Infinity ? 0 : a * phiA;
  const bPhiB = b === Infinity ? 0 : b * phiB;
  const mean = (phiA - phiB) / mass;
  const variance = 1 + (aPhiA - bPhiB) / mass - mean * mean;
  return { mass, mean, variance };
}

/** Moments of the standard normal on a narrow finite [a, b] by composite Gauss-Legendre. */
function truncatedMomentsByQuadrature(a: number, b: number): TruncatedMoments {
  const c = a >= 0 ? a : b <= 0 ? b : 0; // the point of [a, b] nearest 0, where the density peaks
  const mid = 0.5 * (a + b);
  const panels = 8;
  const h = (b - a) / panels;
  let m0 = 0;
  let m1 = 0;
  let m2 = 0;
  for (let p = 0; p < panels; p++) {
    const centre = a + (p + 0.5) * h;
    for (let i = 0; i < 5; i++) {
      const x = centre + 0.5 * h * GL_NODES[i];
      const w = GL_WEIGHTS[i] * Math.exp(-0.5 * (x - c) * (x + c));
      const d = x - mid;
      m0 += w;
      m1 += w * d;
      m2 += w * d * d;
    }
  }
  const shift = m1 / m0;
  const mass = m0 * 0.5 * h * INV_SQRT_2PI * Math.exp(-0.5 * c * c);
  return { mass, mean: mid + shift, variance: m2 / m0 - shift * shift };
}

/** Above this probability mass of [min, max], truncation is by rejection; below, by inversion. */
const REJECTION_MIN_MASS = 0.25;

const NORMAL_PLAIN = 0;
const NORMAL_REJECT = 1;
const NORMAL_INVERT_TAIL = 2;
const NORMAL_INVERT_STRADDLE = 3;

/**
 * The normal distribution, optionally truncated to [min, max].
 *
 * `mean` and `variance` are those of the distribution actually sampled: for a truncated normal
 * they are the exact truncated-normal moments, not the `mean` and `sd` parameters (which are
 * kept as {@link Normal.mu} and {@link Normal.sigma}). A truncation that keeps at least a
 * quarter of the probability is sampled by rejection; a tighter one by inverting the CDF,
 * working with log tail probabilities so that even a truncation 50 sd from the mean is accurate.
 */
export class Normal implements Distribution {
  /** @inheritDoc */
  readonly kind = 'normal';
  /** Mean of the underlying untruncated normal. */
  readonly mu: number;
  /** Standard deviation of the underlying untruncated normal. */
  readonly sigma: number;
  /** Lower truncation point (-Infinity if none). */
  readonly min: number;
  /** Upper truncation point (Infinity if none). */
  readonly max: number;
  /** Probability that the untruncated normal falls in [min, max] (1 when untruncated). */
  readonly truncationMass: number;
  /** @inheritDoc */
  readonly mean: number;
  /** @inheritDoc */
  readonly variance: number;

  private readonly method: number;
  // Standardised bounds, mirrored so that the inversion always works in the upper tail.
  private readonly lo: number;
  private readonly hi: number;
  private readonly direction: number;
  private readonly logTailLo: number;
  private readonly tailFraction: number;
  private readonly belowLo: number;
  private readonly aboveHi: number;
  private readonly straddleMass: number;

  /**
   * @param mean mean of the untruncated normal
   * @param sd standard deviation of the untruncated normal, > 0
   * @param min lower truncation point (default none)
   * @param max upper truncation point (default none), > min
   */
  constructor(mean: number, sd: number, min = -Infinity, max = Infinity) {
    requireFinite('normal', 'mean', mean);
    requirePositive('normal', 'sd', sd);
    if (Number.isNaN(min) || min === Infinity) fail('normal', `min must be below Infinity, got ${min}`);
    if (Number.isNaN(max) || max === -Infinity) fail('normal', `max must be above -Infinity, got ${max}`);
    if (!(min < max)) fail('normal', `min must be < max, got min ${min}, max ${max}`);
    this.mu = mean;
    this.sigma = sd;
    this.min = min;
    this.max = max;
    const a = (min - mean) / sd;
    const b = (max - mean) / sd;
    this.lo = a;
    this.hi = b;
    this.direction = 1;
    this.logTailLo = 0;
    this.tailFraction = 0;
    this.belowLo = 0;
    this.aboveHi = 0;
    this.straddleMass = 0;

    if (a === -Infinity && b === Infinity) {
      this.method = NORMAL_PLAIN;
      this.truncationMass = 1;
      this.mean = mean;
      this.variance = sd * sd;
      return;
    }
    const m = truncatedStandardMoments(a, b);
    this.truncationMass = m.mass;
    this.mean = Math.min(max, Math.max(min, mean + sd * m.mean));
    this.variance = sd * sd * Math.max(0, m.variance);
    if (m.mass >= REJECTION_MIN_MASS) {
      this.method = NORMAL_REJECT;
    } else if (a < 0 && b > 0) {
      this.method = NORMAL_INVERT_STRADDLE;
      this.belowLo = upperTail(-a);
      this.aboveHi = upperTail(b);
      this.straddleMass = 1 - this.belowLo - this.aboveHi;
    } else {
      this.method = NORMAL_INVERT_TAIL;
      if (b <= 0) {
        this.direction = -1;
        this.lo = -b;
        this.hi = -a;
      }
      this.logTailLo = logUpperTail(this.lo);
      this.tailFraction = this.hi === Infinity ? 1 : -Math.expm1(logUpperTail(this.hi) - this.logTailLo);
    }
  }

  /** @inheritDoc */
  sample(rng: UniformSource): number {
    let x: number;
    switch (this.method) {
      case NORMAL_PLAIN:
        return this.mu + this.sigma * standardNormal(rng);
      case NORMAL_REJECT: {
        let z = standardNormal(rng);
        while (z < this.lo || z > this.hi) z = standardNormal(rng);
        x = this.mu + this.sigma * z;
        break;
      }
      case NORMAL_INVERT_TAIL: {
        const u = rng.uniform();
        const z = upperTailQuantileFromLog(this.logTailLo + Math.log1p(-u * this.tailFraction));
        x = this.mu + this.sigma * this.direction * z;
        break;
      }
      default: {
        const u = rng.uniform();
        const mass = this.straddleMass;
        const p = this.belowLo + u * mass;
        // Invert whichever tail probability is the smaller, so it keeps full relative precision.
        const z = p <= 0.5 ? -upperTailQuantileFromLog(Math.log(p)) : upperTailQuantileFromLog(Math.log(this.aboveHi + (1 - u) * mass));
        x = this.mu + this.sigma * z;
      }
    }
    // Rounding in mu + sigma * z (or in the quantile) must not step outside the bounds.
    return x < this.min ? this.min : x > this.max ? this.max : x;
  }

  /** @inheritDoc */
  describe(): string {
    let text = `normal(mean ${fmt(this.mu)}, sd ${fmt(this.sigma)}`;
    if (this.min !== -Infinity) text += `, min ${fmt(this.min)}`;
    if (this.max !== Infinity) text += `, max ${fmt(this.max)}`;
    return text + ')';
  }
}

/**
 * The lognormal distribution: exp(X) for X normal with mean mu and standard deviation sigma.
 *
 * Three parameterisations are offered because data come in all three: (mu, sigma) from a fit
 * on the log scale, (mean, sd) from reported summary statistics, (mean, median) from skewed
 * length-of-stay reports. They describe different shapes for the same mean: from (6, sd 5) the
 * median is 4.6, from (6, median 4) the sd is 5.8.
 */
export class LogNormal implements Distribution {
  /** @inheritDoc */
  readonly kind = 'lognormal';
  /** Mean of the logarithm. */
  readonly mu: number;
  /** Standard deviation of the logarithm. */
  readonly sigma: number;
  /** @inheritDoc */
  readonly mean: number;
  /** @inheritDoc */
  readonly variance: number;
  /** The median, exp(mu). */
  readonly median: number;
  private text: string;

  /** @param mu mean of log X @param sigma standard deviation of log X, > 0 */
  constructor(mu: number, sigma: number) {
    requireFinite('lognormal', 'mu', mu);
    requirePositive('lognormal', 'sigma', sigma);
    this.mu = mu;
    this.sigma = sigma;
    const s2 = sigma * sigma;
    this.mean = Math.exp(mu + 0.5 * s2);
    this.variance = Math.expm1(s2) * Math.exp(2 * mu + s2);
    this.median = Math.exp(mu);
    this.text = `lognormal(mu ${fmt(mu)}, sigma ${fmt(sigma)})`;
  }

  /** The lognormal with these log-scale parameters (same as the constructor). */
  static fromMuSigma(mu: number, sigma: number): LogNormal {
    return new LogNormal(mu, sigma);
  }

  /** The lognormal with this mean and standard deviation. */
  static fromMeanSd(mean: number, sd: number): LogNormal {
    requirePositive('lognormal', 'mean', mean);
    requirePositive('lognormal', 'sd', sd);
    const cv = sd / mean;
    const s2 = Math.log1p(cv * cv);
    const d = new LogNormal(Math.log(mean) - 0.5 * s2, Math.sqrt(s2));
    d.text = `lognormal(mean ${fmt(mean)}, sd ${fmt(sd)})`;
    return d;
  }

  /** The lognormal with this mean and median (needs mean > median > 0). */
  static fromMeanMedian(mean: number, median: number): LogNormal {
    requirePositive('lognormal', 'mean', mean);
    requirePositive('lognormal', 'median', median);
    if (!(mean > median)) {
      fail('lognormal', `median must be < mean (a lognormal's mean exceeds its median), got median ${median}, mean ${mean}`);
    }
    // mean = median * exp(sigma^2 / 2)
    const d = new LogNormal(Math.log(median), Math.sqrt(2 * Math.log(mean / median)));
    d.text = `lognormal(mean ${fmt(mean)}, median ${fmt(median)})`;
    return d;
  }

  /** @inheritDoc */
  sample(rng: UniformSource): number {
    return Math.exp(this.mu + this.sigma * standardNormal(rng));
  }

  /** @inheritDoc */
  describe(): string {
    return this.text;
  }
}

// ---------------------------------------------------------------------------------------------
// Specs and declarations

/** `{type: 'normal', mean, sd}`, optionally truncated to `[min, max]`. */
export interface NormalSpec {
  /** Discriminator. */
  type: 'normal';
  /** Mean of the untruncated normal. */
  mean: number;
  /** Standard deviation of the untruncated normal, > 0. */
  sd: number;
  /** Lower truncation point. */
  min?: number;
  /** Upper truncation point. */
  max?: number;
}

/** The normal by mean and sd, optionally truncated. */
export const normalDeclaration: DistributionDeclaration<NormalSpec> = {
  type: 'normal',
  forms: [['mean', 'sd']],
  optional: ['min', 'max'],
  params: { mean: FINITE, sd: POSITIVE, min: FINITE, max: FINITE },
  check: maxAboveMin,
  create: (spec) => new Normal(spec.mean, spec.sd, spec.min ?? -Infinity, spec.max ?? Infinity),
  moments: ({ mean, sd, min = -Infinity, max = Infinity }) => {
    if (min === -Infinity && max === Infinity) return { mean, variance: sd * sd };
    const m = truncatedStandardMoments((min - mean) / sd, (max - mean) / sd);
    return { mean: mean + sd * m.mean, variance: sd * sd * m.variance };
  },
  canBeNegative: (spec) => !(spec.min !== undefined && spec.min >= 0),
  examples: [
    { type: 'normal', mean: 10, sd: 3 },
    { type: 'normal', mean: 10, sd: 3, min: 2 },
    { type: 'normal', mean: 10, sd: 3, min: 6, max: 15 },
    { type: 'normal', mean: 0, sd: 1, max: -3 },
  ],
};

/** A lognormal by `{mean, sd}`, by `{mean, median}` (mean > median) or by log-scale `{mu, sigma}`. */
export type LogNormalSpec = { type: 'lognormal'; mean: number; sd: number } | { type: 'lognormal'; mean: number; median: number } | { type: 'lognormal'; mu: number; sigma: number };

/** The lognormal: by mean and sd, mean and median, or log-scale mu and sigma. */
export const logNormalDeclaration: DistributionDeclaration<LogNormalSpec> = {
  type: 'lognormal',
  forms: [
    ['mean', 'sd'],
    ['mean', 'median'],
    ['mu', 'sigma'],
  ],
  params: { mean: POSITIVE, sd: POSITIVE, median: POSITIVE, mu: FINITE, sigma: POSITIVE },
  check: (v): SpecIssue[] => {
    const { mean, median } = v as { mean: number; median: number };
    // Positive values only: a non-positive one has its own issue, and the comparison would mislead.
    if (numbers(v, 'mean', 'median') && mean > 0 && median > 0 && !(median < mean)) {
      return [{ path: ['median'], message: `must be < mean (${mean}), as a lognormal's mean always exceeds its median; got ${median}` }];
    }
    return [];
  },
  create: (spec) => {
    if ('sd' in spec) return LogNormal.fromMeanSd(spec.mean, spec.sd);
    if ('median' in spec) return LogNormal.fromMeanMedian(spec.mean, spec.median);
    return LogNormal.fromMuSigma(spec.mu, spec.sigma);
  },
  moments: (spec) => {
    if ('sd' in spec) return { mean: spec.mean, variance: spec.sd * spec.sd };
    if ('median' in spec) {
      // mean = median exp(sigma^2 / 2), variance = mean^2 (exp(sigma^2) - 1)
      const s2 = 2 * Math.log(spec.mean / spec.median);
      return { mean: spec.mean, variance: spec.mean * spec.mean * Math.expm1(s2) };
    }
    const s2 = spec.sigma * spec.sigma;
    return { mean: Math.exp(spec.mu + s2 / 2), variance: Math.expm1(s2) * Math.exp(2 * spec.mu + s2) };
  },
  canBeNegative: () => false,
  examples: [
    { type: 'lognormal', mean: 6, sd: 5 },
    { type: 'lognormal', mean: 6, median: 4 },
    { type: 'lognormal', mu: 1, sigma: 0.5 },
  ],
};
