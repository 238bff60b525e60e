/**
 * Finite mixtures of distributions, for populations made of distinct groups (short and long
 * stays, say) that no single family fits; and the mixture's spec and declaration (see
 * declaration.ts).
 *
 * @module
 */
import { POSITIVE, type DistributionDeclaration, type SpecBase } from './declaration.js';
import { cumulativeTable, fail, fmt, searchCumulative, type Distribution } from './distribution.js';
import type { UniformSource } from './stream.js';

/** One weighted component of a {@link Mixture}. */
export interface MixtureComponent {
  /** Relative weight, > 0 (weights are normalised to sum to 1). */
  readonly weight: number;
  /** The component distribution. */
  readonly distribution: Distribution;
}

/**
 * A finite mixture: with probability proportional to its weight, a draw from one component.
 * The variance follows the law of total variance: the mean of the component variances plus the
 * variance of the component means.
 */
export class Mixture implements Distribution {
  /** @inheritDoc */
  readonly kind = 'mixture';
  /** The components, with weights as given. */
  readonly components: readonly MixtureComponent[];
  /** The weights normalised to sum to 1, in component order. */
  readonly probabilities: readonly number[];
  /** @inheritDoc */
  readonly mean: number;
  /** @inheritDoc */
  readonly variance: number;
  private readonly table: Float64Array;
  private readonly parts: readonly Distribution[];

  /** @param components at least one, each with weight > 0 */
  constructor(components: readonly MixtureComponent[]) {
    if (components.length === 0) fail('mixture', 'components must not be empty');
    let total = 0;
    for (let i = 0; i < components.length; i++) {
      const w = components[i].weight;
      if (!(w > 0) || w === Infinity) {
        fail('mixture', `components[${i}].weight must be a finite number > 0, got ${w}`);
      }
      total += w;
    }
    this.components = Object.freeze(components.map((c) => ({ weight: c.weight, distribution: c.distribution })));
    const weights = components.map((c) => c.weight);
    this.probabilities = Object.freeze(weights.map((w) => w / total));
    this.table = cumulativeTable(weights, total);
    this.parts = Object.freeze(components.map((c) => c.distribution));
    let mean = 0;
    for (let i = 0; i < components.length; i++) mean += this.probabilities[i] * this.parts[i].mean;
    let variance = 0;
    for (let i = 0; i < components.length; i++) {
      const d = this.parts[i].mean - mean;
      variance += this.probabilities[i] * (this.parts[i].variance + d * d);
    }
    this.mean = mean;
    this.variance = variance;
  }

  /** @inheritDoc */
  sample(rng: UniformSource): number {
    return this.parts[searchCumulative(this.table, rng.uniform())].sample(rng);
  }

  /** @inheritDoc */
  describe(): string {
    const parts = this.parts.map((d, i) => `${fmt(this.probabilities[i])} ${d.describe()}`);
    return `mixture(${parts.join(', ')})`;
  }
}

// ---------------------------------------------------------------------------------------------
// Spec and declaration

/**
 * One weighted component of a {@link MixtureSpec}. `Inner` is the spec type of the component's
 * distribution (any registered spec: the registry closes the union, which this module cannot
 * name without importing the registry back).
 */
export interface MixtureComponentSpec<Inner extends SpecBase = SpecBase> {
  /** Relative weight, > 0. */
  weight: number;
  /** The component's own spec. */
  distribution: Inner;
}

/** `{type: 'mixture', components: [{weight, distribution}, ...]}`. */
export interface MixtureSpec<Inner extends SpecBase = SpecBase> {
  /** Discriminator. */
  type: 'mixture';
  /** The components, at least one. */
  components: readonly MixtureComponentSpec<Inner>[];
}

// Written apart from the example below, where a literal would be checked against SpecBase alone.
const shortStays = { type: 'exponential', mean: 2 };
const longStays = { type: 'lognormal', mean: 6, sd: 5 };

/** A finite mixture of any registered distributions. */
export const mixtureDeclaration: DistributionDeclaration<MixtureSpec> = {
  type: 'mixture',
  forms: [['components']],
  params: { components: { kind: 'components', weight: POSITIVE, minItems: 1, tooFew: () => 'must have at least one component' } },
  create: (spec, nested) => new Mixture(spec.components.map((c) => ({ weight: c.weight, distribution: nested.create(c.distribution) }))),
  moments: (spec, nested) => {
    // The law of total variance: the mean of the component variances plus the variance of the means.
    const total = spec.components.reduce((sum, c) => sum + c.weight, 0);
    const parts = spec.components.map((c) => ({ p: c.weight / total, ...nested.moments(c.distribution) }));
    const mean = parts.reduce((sum, c) => sum + c.p * c.mean, 0);
    return { mean, variance: parts.reduce((sum, c) => sum + c.p * (c.variance + (c.mean - mean) ** 2), 0) };
  },
  canBeNegative: (spec, nested) => spec.components.some((c) => nested.canBeNegative(c.distribution)),
  examples: [
    {
      type: 'mixture',
      components: [
        { weight: 3, distribution: shortStays },
        { weight: 7, distribution: longStays },
      ],
    },
  ],
};
