/**
 * Discrete distributions: Poisson counts, Bernoulli trials, and a choice among given values
 * with given probabilities; and each one's spec and declaration (see declaration.ts).
 *
 * @module
 */
import { FINITE, NON_NEGATIVE, PROBABILITY, type DistributionDeclaration, type SpecIssue } from './declaration.js';
import { cumulativeTable, fail, fmt, requireFinite, searchCumulative, type Distribution } from './distribution.js';
import { logFactorial } from './special-functions.js';
import type { UniformSource } from './stream.js';

/** Below this mean, Poisson draws multiply uniforms (Knuth); at or above it, PTRS. */
const POISSON_PTRS_MIN_MEAN = 10;
/**
 * Largest Poisson mean accepted: beyond it the terms of the PTRS acceptance test (about
 * mean * log(mean)) are so large that their rounding would bias the draws.
 */
export const POISSON_MAX_MEAN = 1e9;

/**
 * The Poisson distribution. Means below 10 use Knuth's multiplication of uniforms (about
 * mean + 1 uniforms a draw); larger means use W. Hörmann's PTRS transformed rejection,
 * "The transformed rejection method for generating Poisson random variables", Insurance:
 * Mathematics and Economics 12 (1993) 39-45, which takes about 2.3 uniforms a draw whatever
 * the mean.
 */
export class Poisson implements Distribution {
  /** @inheritDoc */
  readonly kind = 'poisson';
  /** @inheritDoc */
  readonly mean: number;
  /** @inheritDoc */
  readonly variance: number;
  private readonly expNegMean: number;
  private readonly ptrs: boolean;
  private readonly logMean: number;
  private readonly a: number;
  private readonly b: number;
  private readonly logInvAlpha: number;
  private readonly vr: number;

  /** @param mean >= 0 and <= {@link POISSON_MAX_MEAN} */
  constructor(mean: number) {
    if (!(mean >= 0)) fail('poisson', `mean must be >= 0, got ${mean}`);
    if (!(mean <= POISSON_MAX_MEAN)) fail('poisson', `mean must be <= ${POISSON_MAX_MEAN}, got ${mean}`);
    this.mean = mean;
    this.variance = mean;
    this.expNegMean = Math.exp(-mean);
    this.ptrs = mean >= POISSON_PTRS_MIN_MEAN;
    this.logMean = Math.log(mean);
    this.b = 0.931 + 2.53 * Math.sqrt(mean);
    this.a = -0.059 + 0.02483 * this.b;
    this.logInvAlpha = Math.log(1.1239 + 1.1328 / (this.b - 3.4));
    this.vr = 0.9277 - 3.6224 / (this.b - 2);
  }

  /** @inheritDoc */
  sample(rng: UniformSource): number {
    if (!this.ptrs) {
      let k = 0;
      let p = rng.uniform();
      while (p > this.expNegMean) {
        k++;
        p *= rng.uniform();
      }
      return k;
    }
    const lambda = this.mean;
    const a = this.a;
    const b = this.b;
    for (;;) {
      const u = rng.uniform() - 0.5;
      const v = rng.uniform();
      const us = 0.5 - Math.abs(u); // > 0, as uniforms are never 0 or 1
      const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
      if (us >= 0.07 && v <= this.vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      const logAcceptance = Math.log(v) + this.logInvAlpha - Math.log(a / (us * us) + b);
      if (logAcceptance <= -lambda + k * this.logMean - logFactorial(k)) return k;
    }
  }

  /** @inheritDoc */
  describe(): string {
    return `poisson(mean ${fmt(this.mean)})`;
  }
}

/** The Bernoulli distribution: 1 with probability p, otherwise 0. */
export class Bernoulli implements Distribution {
  /** @inheritDoc */
  readonly kind = 'bernoulli';
  /** Probability of a 1. */
  readonly p: number;
  /** @inheritDoc */
  readonly mean: number;
  /** @inheritDoc */
  readonly variance: number;

  /** @param p probability of a 1, in [0, 1] */
  constructor(p: number) {
    if (!(p >= 0 && p <= 1)) fail('bernoulli', `p must be between 0 and 1, got ${p}`);
    this.p = p;
    this.mean = p;
    this.variance = p * (1 - p);
  }

  /** @inheritDoc */
  sample(rng: UniformSource): number {
    return rng.uniform() < this.p ? 1 : 0;
  }

  /** @inheritDoc */
  describe(): string {
    return `bernoulli(p ${fmt(this.p)})`;
  }
}

/** Tolerance on the sum of probabilities given to {@link DiscreteChoice}. */
export const PROBABILITY_SUM_TOLERANCE = 1e-9;

/** A choice among given numbers with given probabilities (a general discrete distribution). */
export class DiscreteChoice implements Distribution {
  /** @inheritDoc */
  readonly kind = 'choice';
  /** The possible values. */
  readonly values: readonly number[];
  /** The probability of each value (as given). */
  readonly probabilities: readonly number[];
  /** @inheritDoc */
  readonly mean: number;
  /** @inheritDoc */
  readonly variance: number;
  private readonly table: Float64Array;
  private readonly outcomes: Float64Array;

  /**
   * @param values the possible values (at least one, finite)
   * @param probabilities one per value, each >= 0, summing to 1 within 1e-9
   */
  constructor(values: readonly number[], probabilities: readonly number[]) {
    if (values.length === 0) fail('choice', 'values must not be empty');
    if (probabilities.length !== values.length) {
      fail('choice', `probabilities must have one entry per value (${values.length}), got ${probabilities.length}`);
    }
    let total = 0;
    for (let i = 0; i < values.length; i++) {
      requireFinite('choice', `values[${i}]`, values[i]);
      const p = probabilities[i];
      if (!(p >= 0 && p <= 1)) fail('choice', `probabilities[${i}] must be between 0 and 1, got ${p}`);
      total += p;
    }
    if (!(Math.abs(total - 1) <= PROBABILITY_SUM_TOLERANCE)) {
      fail('choice', `probabilities must sum to 1 (within ${PROBABILITY_SUM_TOLERANCE}), got ${total}`);
    }
    this.values = Object.freeze(values.slice());
    this.probabilities = Object.freeze(probabilities.slice());
    this.outcomes = Float64Array.from(values);
    this.table = cumulativeTable(probabilities, total);
    let mean = 0;
    for (let i = 0; i < values.length; i++) mean += (probabilities[i] / total) * values[i];
    let variance = 0;
    for (let i = 0; i < values.length; i++) {
      const d = values[i] - mean;
      variance += (probabilities[i] / total) * d * d;
    }
    this.mean = mean;
    this.variance = variance;
  }

  /** @inheritDoc */
  sample(rng: UniformSource): number {
    return this.outcomes[searchCumulative(this.table, rng.uniform())];
  }

  /** @inheritDoc */
  describe(): string {
    const n = this.values.length;
    if (n > 6) return `choice(${n} values, mean ${fmt(this.mean)})`;
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(`${fmt(this.values[i])}: ${fmt(this.probabilities[i])}`);
    return `choice(${parts.join(', ')})`;
  }
}

// ---------------------------------------------------------------------------------------------
// Specs and declarations

/** `{type: 'poisson', mean}`. */
export interface PoissonSpec {
  /** Discriminator. */
  type: 'poisson';
  /** Mean, >= 0. */
  mean: number;
}

/** The Poisson by its mean. */
export const poissonDeclaration: DistributionDeclaration<PoissonSpec> = {
  type: 'poisson',
  forms: [['mean']],
  params: { mean: { ...NON_NEGATIVE, atMost: POISSON_MAX_MEAN } },
  create: (spec) => new Poisson(spec.mean),
  moments: (spec) => ({ mean: spec.mean, variance: spec.mean }),
  canBeNegative: () => false,
  examples: [
    { type: 'poisson', mean: 3 },
    { type: 'poisson', mean: 80 },
  ],
};

/** `{type: 'bernoulli', p}`: 1 with probability p, else 0. */
export interface BernoulliSpec {
  /** Discriminator. */
  type: 'bernoulli';
  /** Probability of a 1, in [0, 1]. */
  p: number;
}

/** The Bernoulli by its probability of a 1. */
export const bernoulliDeclaration: DistributionDeclaration<BernoulliSpec> = {
  type: 'bernoulli',
  forms: [['p']],
  params: { p: PROBABILITY },
  create: (spec) => new Bernoulli(spec.p),
  moments: ({ p }) => ({ mean: p, variance: p * (1 - p) }),
  canBeNegative: () => false,
  examples: [{ type: 'bernoulli', p: 0.3 }],
};

/** `{type: 'choice', values, probabilities}`: one value, chosen with the given probabilities. */
export interface ChoiceSpec {
  /** Discriminator. */
  type: 'choice';
  /** The possible values. */
  values: readonly number[];
  /** One probability per value, summing to 1. */
  probabilities: readonly number[];
}

/** A choice among values with given probabilities. */
export const choiceDeclaration: DistributionDeclaration<ChoiceSpec> = {
  type: 'choice',
  forms: [['values', 'probabilities']],
  params: {
    values: { kind: 'numbers', each: FINITE, minItems: 1, tooFew: () => 'must have at least one value' },
    probabilities: { kind: 'numbers', each: PROBABILITY, minItems: 1, tooFew: () => 'must have at least one probability' },
  },
  check: (v): SpecIssue[] => {
    const { values, probabilities } = v as { values: unknown; probabilities: unknown };
    if (!Array.isArray(values) || !Array.isArray(probabilities)) return [];
    if (probabilities.length !== values.length) {
      return [{ path: ['probabilities'], message: `must have one entry per value (${values.length}), got ${probabilities.length}` }];
    }
    let sum = 0;
    for (const p of probabilities as number[]) sum += p;
    // A NaN sum means an element was invalid, which has its own issue already.
    if (!Number.isNaN(sum) && !(Math.abs(sum - 1) <= PROBABILITY_SUM_TOLERANCE)) {
      return [{ path: ['probabilities'], message: `must sum to 1 (within ${PROBABILITY_SUM_TOLERANCE}), got ${sum}` }];
    }
    return [];
  },
  create: (spec) => new DiscreteChoice(spec.values, spec.probabilities),
  moments: ({ values, probabilities }) => {
    let mean = 0;
    let second = 0;
    values.forEach((x, i) => {
      mean += probabilities[i] * x;
      second += probabilities[i] * x * x;
    });
    return { mean, variance: second - mean * mean };
  },
  canBeNegative: (spec) => spec.values.some((v) => v < 0),
  examples: [
    { type: 'choice', values: [1, 2, 5, 10], probabilities: [0.1, 0.4, 0.3, 0.2] },
    { type: 'choice', values: Array.from({ length: 40 }, (_, i) => i), probabilities: Array<number>(40).fill(1 / 40) },
  ],
};
