/**
 * Finite mixtures of distributions, for populations made of distinct groups (short and long
 * stays, say) that no single family fits.
 *
 * @module
 */
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
