/**
 * Distribution specs: the plain objects that configuration files (YAML or JSON) use to name a
 * distribution, such as `{ type: lognormal, mean: 6, sd: 5 }`, their zod schema, and the
 * factory that turns a spec into a {@link Distribution}.
 *
 * The schema rejects everything the constructors would (a negative sd, probabilities that do
 * not sum to 1, a lognormal median above its mean, ...) and reports each problem as a zod issue
 * whose path leads to the offending field, so a config loader can say
 * "file.yaml: scenarios.0.los.sd: must be > 0, got -1" instead of throwing from deep inside a
 * run.
 *
 * @module
 */
import { z } from 'zod';
import { Exponential, Fixed, Triangular, Uniform, Weibull } from './continuous.js';
import { Bernoulli, DiscreteChoice, POISSON_MAX_MEAN, PROBABILITY_SUM_TOLERANCE, Poisson } from './discrete.js';
import type { Distribution } from './distribution.js';
import { Empirical } from './empirical.js';
import { Erlang, Gamma } from './gamma-family.js';
import { Mixture } from './mixture.js';
import { LogNormal, Normal } from './normal-family.js';
import { DISTRIBUTION_SPEC_FORMS, formsText, type DistributionSpec, type DistributionType } from './distribution-spec-types.js';

// ---------------------------------------------------------------------------------------------
// Schema

function show(input: unknown): string {
  return typeof input === 'string' ? JSON.stringify(input) : String(input);
}

const finiteNumber = z.number({
  error: (iss) => (iss.input === undefined ? 'is required' : `must be a finite number, got ${show(iss.input)}`),
});
const positive = finiteNumber.gt(0, { error: (iss) => `must be > 0, got ${show(iss.input)}` });
const nonNegative = finiteNumber.gte(0, { error: (iss) => `must be >= 0, got ${show(iss.input)}` });
const probability = nonNegative.lte(1, { error: (iss) => `must be <= 1, got ${show(iss.input)}` });

/** Reports unknown keys together with the keys the type does accept. */
function strictParams<T extends z.core.$ZodLooseShape>(type: DistributionType, shape: T) {
  return z.strictObject(shape, {
    error: (iss) =>
      iss.code === 'unrecognized_keys'
        ? `unknown ${iss.keys.length === 1 ? 'key' : 'keys'} ` +
          `${iss.keys.map((k) => `"${k}"`).join(', ')} ` +
          `for a ${type} distribution (it takes ${formsText(DISTRIBUTION_SPEC_FORMS[type])})`
        : undefined,
  });
}

type RefinementContext = z.core.$RefinementCtx<Record<string, unknown>>;

/** Adds an issue at `path` unless the object has exactly the keys of one of its type's forms. */
function checkOneForm(type: DistributionType, optional: readonly string[]) {
  const forms = DISTRIBUTION_SPEC_FORMS[type];
  return (value: Record<string, unknown>, ctx: RefinementContext): void => {
    const given = Object.keys(value).filter((k) => k !== 'type' && !optional.includes(k) && value[k] !== undefined);
    const matches = forms.some((f) => f.length === given.length && f.every((k) => given.includes(k)));
    if (!matches) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: `a ${type} distribution takes exactly one of ${formsText(forms)}; ` + `got ${given.length === 0 ? 'no parameters' : `{${given.join(', ')}}`}`,
      });
    }
  };
}

/** True when every named field is a finite number (so cross-field checks are meaningful). */
function numbers(value: Record<string, unknown>, ...keys: string[]): boolean {
  return keys.every((k) => typeof value[k] === 'number' && Number.isFinite(value[k]));
}

const exponentialSchema = strictParams('exponential', {
  type: z.literal('exponential'),
  rate: positive.optional(),
  mean: positive.optional(),
}).superRefine(checkOneForm('exponential', []));

const uniformSchema = strictParams('uniform', {
  type: z.literal('uniform'),
  min: finiteNumber,
  max: finiteNumber,
}).superRefine((v, ctx) => {
  if (numbers(v, 'min', 'max') && !(v.max > v.min)) {
    ctx.addIssue({ code: 'custom', path: ['max'], message: `must be > min (${v.min}), got ${v.max}` });
  }
});

const triangularSchema = strictParams('triangular', {
  type: z.literal('triangular'),
  min: finiteNumber,
  mode: finiteNumber,
  max: finiteNumber,
}).superRefine((v, ctx) => {
  if (!numbers(v, 'min', 'mode', 'max')) return;
  if (!(v.max > v.min)) {
    ctx.addIssue({ code: 'custom', path: ['max'], message: `must be > min (${v.min}), got ${v.max}` });
  } else if (!(v.mode >= v.min && v.mode <= v.max)) {
    ctx.addIssue({
      code: 'custom',
      path: ['mode'],
      message: `must be between min (${v.min}) and max (${v.max}), got ${v.mode}`,
    });
  }
});

const normalSchema = strictParams('normal', {
  type: z.literal('normal'),
  mean: finiteNumber,
  sd: positive,
  min: finiteNumber.optional(),
  max: finiteNumber.optional(),
}).superRefine((v, ctx) => {
  if (numbers(v, 'min', 'max') && !(v.max! > v.min!)) {
    ctx.addIssue({ code: 'custom', path: ['max'], message: `must be > min (${v.min}), got ${v.max}` });
  }
});

const logNormalSchema = strictParams('lognormal', {
  type: z.literal('lognormal'),
  mean: positive.optional(),
  sd: positive.optional(),
  median: positive.optional(),
  mu: finiteNumber.optional(),
  sigma: positive.optional(),
})
  .superRefine(checkOneForm('lognormal', []))
  .superRefine((v, ctx) => {
    if (numbers(v, 'mean', 'median') && v.mean! > 0 && v.median! > 0 && !(v.median! < v.mean!)) {
      ctx.addIssue({
        code: 'custom',
        path: ['median'],
        message: `must be < mean (${v.mean}), as a lognormal's mean always exceeds its median; ` + `got ${v.median}`,
      });
    }
  });

const gammaSchema = strictParams('gamma', {
  type: z.literal('gamma'),
  shape: positive.optional(),
  scale: positive.optional(),
  rate: positive.optional(),
  mean: positive.optional(),
  sd: positive.optional(),
}).superRefine(checkOneForm('gamma', []));

const erlangSchema = strictParams('erlang', {
  type: z.literal('erlang'),
  k: finiteNumber.int({ error: (iss) => `must be a whole number, got ${show(iss.input)}` }).gte(1, { error: (iss) => `must be >= 1, got ${show(iss.input)}` }),
  rate: positive.optional(),
  mean: positive.optional(),
}).superRefine(checkOneForm('erlang', []));

const weibullSchema = strictParams('weibull', {
  type: z.literal('weibull'),
  shape: positive,
  scale: positive,
});

const poissonSchema = strictParams('poisson', {
  type: z.literal('poisson'),
  mean: nonNegative.lte(POISSON_MAX_MEAN, {
    error: (iss) => `must be <= ${POISSON_MAX_MEAN}, got ${show(iss.input)}`,
  }),
});

const bernoulliSchema = strictParams('bernoulli', {
  type: z.literal('bernoulli'),
  p: probability,
});

const choiceSchema = strictParams('choice', {
  type: z.literal('choice'),
  values: z.array(finiteNumber).min(1, { error: 'must have at least one value' }),
  probabilities: z.array(probability).min(1, { error: 'must have at least one probability' }),
}).superRefine((v, ctx) => {
  if (!Array.isArray(v.values) || !Array.isArray(v.probabilities)) return;
  if (v.probabilities.length !== v.values.length) {
    ctx.addIssue({
      code: 'custom',
      path: ['probabilities'],
      message: `must have one entry per value (${v.values.length}), got ${v.probabilities.length}`,
    });
    return;
  }
  let sum = 0;
  for (const p of v.probabilities) sum += p;
  // A NaN sum means an element was invalid, which has its own issue already.
  if (!Number.isNaN(sum) && !(Math.abs(sum - 1) <= PROBABILITY_SUM_TOLERANCE)) {
    ctx.addIssue({
      code: 'custom',
      path: ['probabilities'],
      message: `must sum to 1 (within ${PROBABILITY_SUM_TOLERANCE}), got ${sum}`,
    });
  }
});

const empiricalSchema = strictParams('empirical', {
  type: z.literal('empirical'),
  values: z.array(finiteNumber).min(2, {
    error: (iss) => `must have at least 2 values, got ${(iss.input as unknown[]).length}`,
  }),
});

const fixedSchema = strictParams('fixed', {
  type: z.literal('fixed'),
  value: finiteNumber,
});

// The mixture refers back to the whole union; z.lazy defers the lookup until parsing.
const lazySpecSchema: z.ZodType<DistributionSpec, DistributionSpec> = z.lazy(() => distributionSpecSchema);

const mixtureSchema = strictParams('mixture', {
  type: z.literal('mixture'),
  components: z
    .array(
      z.strictObject({
        weight: positive,
        distribution: lazySpecSchema,
      }),
    )
    .min(1, { error: 'must have at least one component' }),
});

const TYPES = Object.keys(DISTRIBUTION_SPEC_FORMS).join(', ');

const unionSchema = z.discriminatedUnion(
  'type',
  [
    exponentialSchema,
    uniformSchema,
    triangularSchema,
    normalSchema,
    logNormalSchema,
    gammaSchema,
    erlangSchema,
    weibullSchema,
    poissonSchema,
    bernoulliSchema,
    choiceSchema,
    empiricalSchema,
    mixtureSchema,
    fixedSchema,
  ],
  {
    error: (iss) => {
      if (iss.code === 'invalid_union') {
        const input = iss.input as { type?: unknown } | undefined;
        const type = input?.type;
        return type === undefined ? `is required (one of: ${TYPES})` : `must be one of: ${TYPES}; got ${show(type)}`;
      }
      if (iss.code === 'invalid_type') {
        return `must be a distribution object such as {type: exponential, mean: 2}, ` + `got ${show(iss.input)}`;
      }
      return undefined;
    },
  },
);

/**
 * The zod schema of a {@link DistributionSpec}: strict objects keyed by `type`, with every
 * impossible parameter reported as an issue whose path names the field.
 *
 * Typed as `ZodType<DistributionSpec>` because the refinements (exactly one parameter form per
 * type) guarantee the precise union, which zod's own inference, seeing only optional keys,
 * cannot express.
 */
export const distributionSpecSchema: z.ZodType<DistributionSpec, DistributionSpec> = unionSchema as unknown as z.ZodType<DistributionSpec, DistributionSpec>;

// ---------------------------------------------------------------------------------------------
// Factory

/**
 * The distribution a spec describes. The spec is expected to have passed
 * {@link distributionSpecSchema} (or to have been typed in code); the constructors still check
 * every parameter and throw a RangeError naming it.
 */
export function createDistribution(spec: DistributionSpec): Distribution {
  switch (spec.type) {
    case 'exponential':
      return 'rate' in spec ? new Exponential(spec.rate) : Exponential.fromMean(spec.mean);
    case 'uniform':
      return new Uniform(spec.min, spec.max);
    case 'triangular':
      return new Triangular(spec.min, spec.mode, spec.max);
    case 'normal':
      return new Normal(spec.mean, spec.sd, spec.min ?? -Infinity, spec.max ?? Infinity);
    case 'lognormal':
      if ('sd' in spec) return LogNormal.fromMeanSd(spec.mean, spec.sd);
      if ('median' in spec) return LogNormal.fromMeanMedian(spec.mean, spec.median);
      return LogNormal.fromMuSigma(spec.mu, spec.sigma);
    case 'gamma':
      if ('scale' in spec) return new Gamma(spec.shape, spec.scale);
      if ('rate' in spec) return Gamma.fromShapeRate(spec.shape, spec.rate);
      return Gamma.fromMeanSd(spec.mean, spec.sd);
    case 'erlang':
      return 'rate' in spec ? new Erlang(spec.k, spec.rate) : Erlang.fromMean(spec.k, spec.mean);
    case 'weibull':
      return new Weibull(spec.shape, spec.scale);
    case 'poisson':
      return new Poisson(spec.mean);
    case 'bernoulli':
      return new Bernoulli(spec.p);
    case 'choice':
      return new DiscreteChoice(spec.values, spec.probabilities);
    case 'empirical':
      return new Empirical(spec.values);
    case 'mixture':
      return new Mixture(
        spec.components.map((c) => ({
          weight: c.weight,
          distribution: createDistribution(c.distribution),
        })),
      );
    case 'fixed':
      return new Fixed(spec.value);
    default: {
      const unknown: never = spec;
      throw new RangeError(`unknown distribution type ${show((unknown as { type: unknown }).type)}`);
    }
  }
}

/**
 * Validates `input` against {@link distributionSpecSchema} and builds the distribution; throws
 * the zod error (with paths) if the spec is invalid.
 */
export function parseDistribution(input: unknown): Distribution {
  return createDistribution(distributionSpecSchema.parse(input));
}
