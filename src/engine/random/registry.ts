/**
 * The registry of distribution types: the declarations of every type a configuration file may
 * name (each written beside its class, see declaration.ts), the spec union they make, and what
 * is done with a spec through its declaration: build it ({@link createDistribution}), give its
 * theory ({@link theoreticalMoments}), tell whether it can be negative ({@link canBeNegative}),
 * and the rules and messages that every type shares (exactly one parameter form, unknown keys,
 * unknown types), which a schema adapter above the engine turns into its schema
 * (`src/model/distribution-schema.ts`).
 *
 * A new type is a class, its spec and its declaration in a family module, plus one entry in
 * {@link DISTRIBUTION_DECLARATIONS} and in {@link DistributionSpec}.
 *
 * @module
 */
import { exponentialDeclaration, fixedDeclaration, triangularDeclaration, uniformDeclaration, weibullDeclaration } from './continuous.js';
import type { ExponentialSpec, FixedSpec, TriangularSpec, UniformSpec, WeibullSpec } from './continuous.js';
import { show, type DistributionDeclaration, type Moments, type NestedSpecs, type SpecBase, type SpecIssue } from './declaration.js';
import { bernoulliDeclaration, choiceDeclaration, poissonDeclaration, type BernoulliSpec, type ChoiceSpec, type PoissonSpec } from './discrete.js';
import type { Distribution } from './distribution.js';
import { empiricalDeclaration, type EmpiricalSpec } from './empirical.js';
import { erlangDeclaration, gammaDeclaration, type ErlangSpec, type GammaSpec } from './gamma-family.js';
import { mixtureDeclaration, type MixtureSpec } from './mixture.js';
import { logNormalDeclaration, normalDeclaration, type LogNormalSpec, type NormalSpec } from './normal-family.js';

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
  | MixtureSpec<DistributionSpec>
  | FixedSpec;

/** The `type` names a distribution spec may have. */
export type DistributionType = DistributionSpec['type'];

const DECLARATIONS = [
  exponentialDeclaration,
  uniformDeclaration,
  triangularDeclaration,
  normalDeclaration,
  logNormalDeclaration,
  gammaDeclaration,
  erlangDeclaration,
  weibullDeclaration,
  poissonDeclaration,
  bernoulliDeclaration,
  choiceDeclaration,
  empiricalDeclaration,
  mixtureDeclaration,
  fixedDeclaration,
] as const;

// Fails to compile unless the declarations and the spec union name the same types.
type DeclaredType = (typeof DECLARATIONS)[number]['type'];
const _sameTypes: [DeclaredType] extends [DistributionType] ? ([DistributionType] extends [DeclaredType] ? true : never) : never = true;

/**
 * Every declaration, in the order the types are listed in help and in messages. Typed loosely
 * (each declaration takes its own spec type), as the registry dispatches on `type`.
 */
export const DISTRIBUTION_DECLARATIONS: readonly DistributionDeclaration<SpecBase>[] = DECLARATIONS;

/** The type names, in declaration order. */
export const DISTRIBUTION_TYPES: readonly DistributionType[] = DECLARATIONS.map((d) => d.type);

const BY_TYPE: ReadonlyMap<string, DistributionDeclaration<SpecBase>> = new Map(DISTRIBUTION_DECLARATIONS.map((d) => [d.type, d]));

/** The declaration of a type name, or undefined if no type has that name. */
export function distributionDeclaration(type: string): DistributionDeclaration<SpecBase> | undefined {
  return BY_TYPE.get(type);
}

function declared(spec: SpecBase): DistributionDeclaration<SpecBase> {
  const declaration = BY_TYPE.get(spec.type);
  if (declaration === undefined) throw new RangeError(`unknown distribution type ${show((spec as { type: unknown }).type)}`);
  return declaration;
}

// What a declaration uses for the specs inside its own; one object, made once.
const NESTED: NestedSpecs = {
  create: (spec) => declared(spec).create(spec, NESTED),
  moments: (spec) => declared(spec).moments(spec, NESTED),
  canBeNegative: (spec) => declared(spec).canBeNegative(spec, NESTED),
};

/**
 * The distribution a spec describes. The spec is expected to have passed the schema (or to have
 * been typed in code); the constructors still check every parameter and throw a RangeError
 * naming it. Looks the type up once, when the distribution is made, never when it is sampled.
 */
export function createDistribution(spec: DistributionSpec): Distribution {
  return NESTED.create(spec);
}

/** The theoretical mean and variance of a valid spec, from its declaration (for tests). */
export function theoreticalMoments(spec: DistributionSpec): Moments {
  return NESTED.moments(spec);
}

/** Whether a valid spec can give a value below 0 (a duration must not). */
export function canBeNegative(spec: DistributionSpec): boolean {
  return NESTED.canBeNegative(spec);
}

// ---------------------------------------------------------------------------------------------
// Rules and messages every type shares

/** Forms written for messages: `{mean, sd} or {mean, median}`. */
export function formsText(forms: readonly (readonly string[])[]): string {
  return forms.map((f) => `{${f.join(', ')}}`).join(' or ');
}

/** One line per type listing its accepted forms, for help texts and error messages. */
export function describeDistributionSpecForms(): string {
  return DISTRIBUTION_DECLARATIONS.map((d) => {
    const optional = d.optional && d.optional.length > 0 ? `, optionally ${d.optional.join(' and/or ')}` : '';
    return `${d.type}: ${formsText(d.forms)}${optional}`;
  }).join('\n');
}

/**
 * Whether a parameter may be left out by itself: one that some form lacks, or one of the
 * declaration's optional keys. Whether the keys given make a form is {@link specIssues}' rule.
 */
export function isOptionalParam(declaration: DistributionDeclaration<SpecBase>, key: string): boolean {
  return (declaration.optional ?? []).includes(key) || !declaration.forms.every((f) => f.includes(key));
}

/**
 * The rules across a spec's fields, after each field's own: for a type with several forms,
 * that the keys given are exactly one form's; then the declaration's own rules.
 */
export function specIssues(declaration: DistributionDeclaration<SpecBase>, value: Readonly<Record<string, unknown>>): SpecIssue[] {
  const issues: SpecIssue[] = declaration.forms.length > 1 ? oneFormIssues(declaration, value) : [];
  if (declaration.check) issues.push(...declaration.check(value));
  return issues;
}

function oneFormIssues(declaration: DistributionDeclaration<SpecBase>, value: Readonly<Record<string, unknown>>): SpecIssue[] {
  const { type, forms } = declaration;
  const optional = declaration.optional ?? [];
  const given = Object.keys(value).filter((k) => k !== 'type' && !optional.includes(k) && value[k] !== undefined);
  if (forms.some((f) => f.length === given.length && f.every((k) => given.includes(k)))) return [];
  const got = given.length === 0 ? 'no parameters' : `{${given.join(', ')}}`;
  return [{ path: [], message: `a ${type} distribution takes exactly one of ${formsText(forms)}; got ${got}` }];
}

/** The messages about a spec as a whole: its type and its keys. */
export const SPEC_MESSAGES = {
  /** Keys the type does not take, with the forms it does. */
  unknownKeys: (type: string, keys: readonly string[]): string =>
    `unknown ${keys.length === 1 ? 'key' : 'keys'} ${keys.map((k) => `"${k}"`).join(', ')} for a ${type} distribution (it takes ${formsText(distributionDeclaration(type)?.forms ?? [])})`,
  /** No `type` given. */
  missingType: (): string => `is required (one of: ${DISTRIBUTION_TYPES.join(', ')})`,
  /** A `type` no declaration has. */
  unknownType: (type: unknown): string => `must be one of: ${DISTRIBUTION_TYPES.join(', ')}; got ${show(type)}`,
  /** Not an object at all. */
  notASpec: (input: unknown): string => `must be a distribution object such as {type: exponential, mean: 2}, got ${show(input)}`,
};
