/**
 * The zod schema of a distribution spec, built from the engine's registry of declarations
 * (`src/engine/random/registry.ts`): the engine declares each type's forms, parameter rules,
 * rules across parameters and their messages as plain data, and this adapter, above the engine,
 * turns them into zod, so the engine imports no validation library.
 *
 * The schema rejects everything the constructors would (a negative sd, probabilities that do
 * not sum to 1, a lognormal median above its mean, ...) and reports each problem as a zod issue
 * whose path leads to the offending field, so the config loader can say
 * "file.yaml:12: scenarios.0.los.sd: must be > 0, got -1" instead of throwing from deep inside a
 * run.
 *
 * @module
 */
import { z } from 'zod';
import {
  DISTRIBUTION_DECLARATIONS,
  NUMBER_MESSAGES,
  SPEC_MESSAGES,
  createDistribution,
  isOptionalParam,
  specIssues,
  type Distribution,
  type DistributionDeclaration,
  type DistributionSpec,
  type NumberRule,
  type ParamRule,
  type SpecBase,
} from '../engine/random/distributions.js';

/** A number rule as zod: the type check, then whole, lower and upper bound, each with its message. */
function numberSchema(rule: NumberRule): z.ZodNumber {
  const { whole, above, atLeast, atMost } = rule;
  let schema = z.number({ error: (iss) => (iss.input === undefined ? NUMBER_MESSAGES.missing : NUMBER_MESSAGES.notFinite(iss.input)) });
  if (whole) schema = schema.int({ error: (iss) => NUMBER_MESSAGES.notWhole(iss.input) });
  if (above !== undefined) schema = schema.gt(above, { error: (iss) => NUMBER_MESSAGES.bound('>', above, iss.input) });
  if (atLeast !== undefined) schema = schema.gte(atLeast, { error: (iss) => NUMBER_MESSAGES.bound('>=', atLeast, iss.input) });
  if (atMost !== undefined) schema = schema.lte(atMost, { error: (iss) => NUMBER_MESSAGES.bound('<=', atMost, iss.input) });
  return schema;
}

/** How many entries a list that failed its minimum length has (zod passes the list as the input). */
function lengthOf(input: unknown): number {
  return (input as unknown[]).length;
}

function paramSchema(rule: ParamRule): z.ZodType {
  switch (rule.kind) {
    case 'number':
      return numberSchema(rule);
    case 'numbers':
      return z.array(numberSchema(rule.each)).min(rule.minItems, { error: (iss) => rule.tooFew(lengthOf(iss.input)) });
    case 'components':
      return z.array(z.strictObject({ weight: numberSchema(rule.weight), distribution: lazySpecSchema })).min(rule.minItems, { error: (iss) => rule.tooFew(lengthOf(iss.input)) });
  }
}

/** One type's schema: a strict object of its parameters, then the rules across them. */
function typeSchema(declaration: DistributionDeclaration<SpecBase>) {
  const shape: Record<string, z.ZodType> = { type: z.literal(declaration.type) };
  for (const [key, rule] of Object.entries(declaration.params)) {
    const schema = paramSchema(rule);
    shape[key] = isOptionalParam(declaration, key) ? schema.optional() : schema;
  }
  return z
    .strictObject(shape, {
      error: (iss) => (iss.code === 'unrecognized_keys' ? SPEC_MESSAGES.unknownKeys(declaration.type, iss.keys) : undefined),
    })
    .superRefine((value, ctx) => {
      for (const issue of specIssues(declaration, value)) ctx.addIssue({ code: 'custom', path: [...issue.path], message: issue.message });
    });
}

// The mixture refers back to the whole union; z.lazy defers the lookup until parsing.
const lazySpecSchema: z.ZodType<DistributionSpec, DistributionSpec> = z.lazy(() => distributionSpecSchema);

const typeSchemas = DISTRIBUTION_DECLARATIONS.map(typeSchema);

const unionSchema = z.discriminatedUnion('type', typeSchemas as unknown as [ReturnType<typeof typeSchema>, ...ReturnType<typeof typeSchema>[]], {
  error: (iss) => {
    if (iss.code === 'invalid_union') {
      const type = (iss.input as { type?: unknown } | undefined)?.type;
      return type === undefined ? SPEC_MESSAGES.missingType() : SPEC_MESSAGES.unknownType(type);
    }
    if (iss.code === 'invalid_type') return SPEC_MESSAGES.notASpec(iss.input);
    return undefined;
  },
});

/**
 * The zod schema of a {@link DistributionSpec}: strict objects keyed by `type`, with every
 * impossible parameter reported as an issue whose path names the field.
 *
 * Typed as `ZodType<DistributionSpec>` because the rules across fields (exactly one parameter
 * form per type) guarantee the precise union, which zod's own inference, seeing only optional
 * keys, cannot express.
 */
export const distributionSpecSchema: z.ZodType<DistributionSpec, DistributionSpec> = unionSchema as unknown as z.ZodType<DistributionSpec, DistributionSpec>;

/**
 * Validates `input` against {@link distributionSpecSchema} and builds the distribution; throws
 * the zod error (with paths) if the spec is invalid.
 */
export function parseDistribution(input: unknown): Distribution {
  return createDistribution(distributionSpecSchema.parse(input));
}
