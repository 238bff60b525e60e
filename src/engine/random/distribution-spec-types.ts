/**
 * Distribution specs: the plain objects that configuration files (YAML or JSON) use to name a
 * distribution, such as `{ type: lognormal, mean: 6, sd: 5 }`, their types and the forms
 * (parameterisations) each type accepts. The schema and the factory are in distribution-spec.ts.
 *
 * @module
 */

// ---------------------------------------------------------------------------------------------
// Spec types

/** `{type: 'exponential', rate}` or `{type: 'exponential', mean}`. */
export type ExponentialSpec = { type: 'exponential'; rate: number } | { type: 'exponential'; mean: number };

/** `{type: 'uniform', min, max}` with min < max. */
export interface UniformSpec {
  /** Discriminator. */
  type: 'uniform';
  /** Lower end. */
  min: number;
  /** Upper end, > min. */
  max: number;
}

/** `{type: 'triangular', min, mode, max}` with min <= mode <= max and min < max. */
export interface TriangularSpec {
  /** Discriminator. */
  type: 'triangular';
  /** Lower end. */
  min: number;
  /** Most likely value. */
  mode: number;
  /** Upper end. */
  max: number;
}

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

/** A lognormal by `{mean, sd}`, by `{mean, median}` (mean > median) or by log-scale `{mu, sigma}`. */
export type LogNormalSpec = { type: 'lognormal'; mean: number; sd: number } | { type: 'lognormal'; mean: number; median: number } | { type: 'lognormal'; mu: number; sigma: number };

/** A gamma by `{shape, scale}`, `{shape, rate}` or `{mean, sd}`. */
export type GammaSpec = { type: 'gamma'; shape: number; scale: number } | { type: 'gamma'; shape: number; rate: number } | { type: 'gamma'; mean: number; sd: number };

/** An Erlang by `{k, rate}` (rate of each phase) or `{k, mean}` (mean of the total). */
export type ErlangSpec = { type: 'erlang'; k: number; rate: number } | { type: 'erlang'; k: number; mean: number };

/** `{type: 'weibull', shape, scale}`. */
export interface WeibullSpec {
  /** Discriminator. */
  type: 'weibull';
  /** Shape k, > 0. */
  shape: number;
  /** Scale lambda, > 0. */
  scale: number;
}

/** `{type: 'poisson', mean}`. */
export interface PoissonSpec {
  /** Discriminator. */
  type: 'poisson';
  /** Mean, >= 0. */
  mean: number;
}

/** `{type: 'bernoulli', p}`: 1 with probability p, else 0. */
export interface BernoulliSpec {
  /** Discriminator. */
  type: 'bernoulli';
  /** Probability of a 1, in [0, 1]. */
  p: number;
}

/** `{type: 'choice', values, probabilities}`: one value, chosen with the given probabilities. */
export interface ChoiceSpec {
  /** Discriminator. */
  type: 'choice';
  /** The possible values. */
  values: readonly number[];
  /** One probability per value, summing to 1. */
  probabilities: readonly number[];
}

/** `{type: 'empirical', values}`: interpolated resampling of observed values. */
export interface EmpiricalSpec {
  /** Discriminator. */
  type: 'empirical';
  /** The observations, at least 2. */
  values: readonly number[];
}

/** One weighted component of a {@link MixtureSpec}. */
export interface MixtureComponentSpec {
  /** Relative weight, > 0. */
  weight: number;
  /** The component's own spec. */
  distribution: DistributionSpec;
}

/** `{type: 'mixture', components: [{weight, distribution}, ...]}`. */
export interface MixtureSpec {
  /** Discriminator. */
  type: 'mixture';
  /** The components, at least one. */
  components: readonly MixtureComponentSpec[];
}

/** `{type: 'fixed', value}`: a constant. */
export interface FixedSpec {
  /** Discriminator. */
  type: 'fixed';
  /** The constant value. */
  value: number;
}

/** Any distribution spec, as written in a configuration file. */
export type DistributionSpec =
  | ExponentialSpec
  | UniformSpec
  | TriangularSpec
  | NormalSpec
  | LogNormalSpec
  | GammaSpec
  | ErlangSpec
  | WeibullSpec
  | PoissonSpec
  | BernoulliSpec
  | ChoiceSpec
  | EmpiricalSpec
  | MixtureSpec
  | FixedSpec;

/** The `type` names a distribution spec may have. */
export type DistributionType = DistributionSpec['type'];

/** One accepted parameter set: the keys a spec of that form must have. */
export type DistributionSpecForm = readonly string[];

/**
 * The accepted parameter sets of every type, each a list of required keys (a normal's optional
 * `min` and `max` are not listed). Used both to validate and to explain.
 */
export const DISTRIBUTION_SPEC_FORMS: Readonly<Record<DistributionType, readonly DistributionSpecForm[]>> = {
  exponential: [['rate'], ['mean']],
  uniform: [['min', 'max']],
  triangular: [['min', 'mode', 'max']],
  normal: [['mean', 'sd']],
  lognormal: [
    ['mean', 'sd'],
    ['mean', 'median'],
    ['mu', 'sigma'],
  ],
  gamma: [
    ['shape', 'scale'],
    ['shape', 'rate'],
    ['mean', 'sd'],
  ],
  erlang: [
    ['k', 'rate'],
    ['k', 'mean'],
  ],
  weibull: [['shape', 'scale']],
  poisson: [['mean']],
  bernoulli: [['p']],
  choice: [['values', 'probabilities']],
  empirical: [['values']],
  mixture: [['components']],
  fixed: [['value']],
};

/** One line per type listing its accepted forms, for help texts and error messages. */
export function describeDistributionSpecForms(): string {
  return Object.entries(DISTRIBUTION_SPEC_FORMS)
    .map(([type, forms]) => {
      const optional = type === 'normal' ? ', optionally min and/or max' : '';
      return `${type}: ${formsText(forms)}${optional}`;
    })
    .join('\n');
}

export function formsText(forms: readonly DistributionSpecForm[]): string {
  return forms.map((f) => `{${f.join(', ')}}`).join(' or ');
}
