/**
 * The gamma distribution and its whole-number-shape case, the Erlang; and each one's spec and
 * declaration (see declaration.ts).
 *
 * @module
 */
import { POSITIVE, type DistributionDeclaration } from './declaration.js';
import { fail, fmt, requirePositive, type Distribution } from './distribution.js';
import { standardNormal } from './special-functions.js';
import type { UniformSource } from './stream.js';

/**
 * The gamma distribution with a shape and a scale (mean shape * scale).
 *
 * Sampled by G. Marsaglia and W. W. Tsang, "A simple method for generating gamma variables",
 * ACM TOMS 26 (2000) 363-372; a shape below 1 samples shape + 1 and multiplies by
 * u^(1/shape), the boost given in the same paper.
 */
export class Gamma implements Distribution {
  /** @inheritDoc */
  readonly kind = 'gamma';
  /** Shape parameter (k, or alpha). */
  readonly shape: number;
  /** Scale parameter (theta = 1/rate). */
  readonly scale: number;
  /** @inheritDoc */
  readonly mean: number;
  /** @inheritDoc */
  readonly variance: number;
  private readonly d: number;
  private readonly c: number;
  private readonly boost: boolean;
  private readonly invShape: number;
  private text: string;

  /** @param shape > 0 @param scale > 0 */
  constructor(shape: number, scale: number) {
    requirePositive('gamma', 'shape', shape);
    requirePositive('gamma', 'scale', scale);
    this.shape = shape;
    this.scale = scale;
    this.mean = shape * scale;
    this.variance = shape * scale * scale;
    this.boost = shape < 1;
    this.invShape = 1 / shape;
    this.d = (this.boost ? shape + 1 : shape) - 1 / 3;
    this.c = 1 / Math.sqrt(9 * this.d);
    this.text = `gamma(shape ${fmt(shape)}, scale ${fmt(scale)})`;
  }

  /** The gamma with this shape and rate (scale 1/rate). */
  static fromShapeRate(shape: number, rate: number): Gamma {
    requirePositive('gamma', 'rate', rate);
    const g = new Gamma(shape, 1 / rate);
    g.text = `gamma(shape ${fmt(shape)}, rate ${fmt(rate)})`;
    return g;
  }

  /** The gamma with this mean and standard deviation (shape (mean/sd)^2, scale sd^2/mean). */
  static fromMeanSd(mean: number, sd: number): Gamma {
    requirePositive('gamma', 'mean', mean);
    requirePositive('gamma', 'sd', sd);
    const cv = sd / mean;
    const g = new Gamma(1 / (cv * cv), sd * cv);
    g.text = `gamma(mean ${fmt(mean)}, sd ${fmt(sd)})`;
    return g;
  }

  /** @inheritDoc */
  sample(rng: UniformSource): number {
    return sampleGammaUnitScale(rng, this.d, this.c, this.boost, this.invShape) * this.scale;
  }

  /** @inheritDoc */
  describe(): string {
    return this.text;
  }
}

/** Marsaglia-Tsang with precomputed d = alpha - 1/3, c = 1/sqrt(9d) (alpha boosted if < 1). */
function sampleGammaUnitScale(rng: UniformSource, d: number, c: number, boost: boolean, invShape: number): number {
  let result: number;
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.uniform();
    const x2 = x * x;
    // The squeeze accepts about 98% of the time without a logarithm.
    if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
      result = d * v;
      break;
    }
  }
  return boost ? result * Math.pow(rng.uniform(), invShape) : result;
}

/** Up to this many phases, an Erlang is sampled as a sum of exponentials (one log per draw). */
const ERLANG_PRODUCT_MAX_K = 12;

/** The Erlang distribution: the sum of k independent exponentials with the same rate. */
export class Erlang implements Distribution {
  /** @inheritDoc */
  readonly kind = 'erlang';
  /** Number of phases, a whole number >= 1. */
  readonly k: number;
  /** Rate of each phase. */
  readonly rate: number;
  /** @inheritDoc */
  readonly mean: number;
  /** @inheritDoc */
  readonly variance: number;
  private readonly invRate: number;
  private readonly gamma: Gamma | null;
  private byMean = false;

  /** @param k whole number of phases >= 1 @param rate rate of each phase, > 0 */
  constructor(k: number, rate: number) {
    if (!(Number.isInteger(k) && k >= 1)) fail('erlang', `k must be a whole number >= 1, got ${k}`);
    requirePositive('erlang', 'rate', rate);
    this.k = k;
    this.rate = rate;
    this.invRate = 1 / rate;
    this.mean = k / rate;
    this.variance = k / (rate * rate);
    // A product of more than a dozen uniforms risks underflow and costs more than one gamma draw.
    this.gamma = k > ERLANG_PRODUCT_MAX_K ? new Gamma(k, 1 / rate) : null;
  }

  /** The Erlang with k phases and this total mean (rate k/mean). */
  static fromMean(k: number, mean: number): Erlang {
    requirePositive('erlang', 'mean', mean);
    const e = new Erlang(k, k / mean);
    e.byMean = true;
    return e;
  }

  /** @inheritDoc */
  sample(rng: UniformSource): number {
    if (this.gamma !== null) return this.gamma.sample(rng);
    let product = rng.uniform();
    for (let i = 1; i < this.k; i++) product *= rng.uniform();
    return -Math.log(product) * this.invRate;
  }

  /** @inheritDoc */
  describe(): string {
    return this.byMean ? `erlang(k ${this.k}, mean ${fmt(this.mean)})` : `erlang(k ${this.k}, rate ${fmt(this.rate)})`;
  }
}

// ---------------------------------------------------------------------------------------------
// Specs and declarations

/** A gamma by `{shape, scale}`, `{shape, rate}` or `{mean, sd}`. */
export type GammaSpec = { type: 'gamma'; shape: number; scale: number } | { type: 'gamma'; shape: number; rate: number } | { type: 'gamma'; mean: number; sd: number };

/** The gamma: by shape and scale, shape and rate, or mean and sd. */
export const gammaDeclaration: DistributionDeclaration<GammaSpec> = {
  type: 'gamma',
  forms: [
    ['shape', 'scale'],
    ['shape', 'rate'],
    ['mean', 'sd'],
  ],
  params: { shape: POSITIVE, scale: POSITIVE, rate: POSITIVE, mean: POSITIVE, sd: POSITIVE },
  create: (spec) => {
    if ('scale' in spec) return new Gamma(spec.shape, spec.scale);
    if ('rate' in spec) return Gamma.fromShapeRate(spec.shape, spec.rate);
    return Gamma.fromMeanSd(spec.mean, spec.sd);
  },
  moments: (spec) => {
    if ('scale' in spec) return { mean: spec.shape * spec.scale, variance: spec.shape * spec.scale * spec.scale };
    if ('rate' in spec) return { mean: spec.shape / spec.rate, variance: spec.shape / (spec.rate * spec.rate) };
    return { mean: spec.mean, variance: spec.sd * spec.sd };
  },
  canBeNegative: () => false,
  examples: [
    { type: 'gamma', shape: 2.5, scale: 2 },
    { type: 'gamma', shape: 0.4, scale: 3 },
    { type: 'gamma', shape: 3, rate: 0.5 },
    { type: 'gamma', mean: 6, sd: 4 },
  ],
};

/** An Erlang by `{k, rate}` (rate of each phase) or `{k, mean}` (mean of the total). */
export type ErlangSpec = { type: 'erlang'; k: number; rate: number } | { type: 'erlang'; k: number; mean: number };

/** The Erlang: k phases, by the rate of each or by the mean of the total. */
export const erlangDeclaration: DistributionDeclaration<ErlangSpec> = {
  type: 'erlang',
  forms: [
    ['k', 'rate'],
    ['k', 'mean'],
  ],
  params: { k: { kind: 'number', whole: true, atLeast: 1 }, rate: POSITIVE, mean: POSITIVE },
  create: (spec) => ('rate' in spec ? new Erlang(spec.k, spec.rate) : Erlang.fromMean(spec.k, spec.mean)),
  moments: (spec) => ('rate' in spec ? { mean: spec.k / spec.rate, variance: spec.k / (spec.rate * spec.rate) } : { mean: spec.mean, variance: (spec.mean * spec.mean) / spec.k }),
  canBeNegative: () => false,
  examples: [
    { type: 'erlang', k: 3, rate: 0.5 },
    { type: 'erlang', k: 20, mean: 10 },
  ],
};
