/**
 * What a distribution type declares about itself, once, beside its class: the `type` name a
 * configuration file writes, the parameter sets (forms) it accepts, the rule for each
 * parameter and the rules across parameters (with the messages a file's author sees), the
 * factory, its theoretical mean and variance, and whether it can give a negative value.
 * `registry.ts` collects the declarations.
 *
 * The rules are plain data and plain functions, not a schema library's objects, so that the
 * engine depends on no validation library: the model layer turns them into its schema
 * (`src/model/distribution-schema.ts`). The messages are written here so that the wording
 * travels with the rule.
 *
 * @module
 */
import type { Distribution } from './distribution.js';

/** What every distribution spec has: its `type` name. */
export interface SpecBase {
  /** The distribution type, e.g. `'lognormal'`. */
  readonly type: string;
}

/**
 * A number parameter: a finite number, optionally a whole one, optionally bounded. The checks
 * run in the order whole, lower bound, upper bound (each adds its own message).
 */
export interface NumberRule {
  /** Discriminator. */
  readonly kind: 'number';
  /** Must be a whole number. */
  readonly whole?: boolean;
  /** Exclusive lower bound: the value must be > this. */
  readonly above?: number;
  /** Inclusive lower bound: the value must be >= this. */
  readonly atLeast?: number;
  /** Inclusive upper bound: the value must be <= this. */
  readonly atMost?: number;
}

/** A list of numbers, each following `each`, with at least `minItems` entries. */
export interface NumberListRule {
  /** Discriminator. */
  readonly kind: 'numbers';
  /** The rule for every entry. */
  readonly each: NumberRule;
  /** Fewest entries accepted. */
  readonly minItems: number;
  /** The message for a list with fewer entries, given how many it has. */
  tooFew(count: number): string;
}

/** A mixture's list of `{weight, distribution}` components, at least `minItems` of them. */
export interface ComponentsRule {
  /** Discriminator. */
  readonly kind: 'components';
  /** The rule for each weight. */
  readonly weight: NumberRule;
  /** Fewest components accepted. */
  readonly minItems: number;
  /** The message for a list with fewer components. */
  tooFew(count: number): string;
}

/** The rule for one parameter of a spec. */
export type ParamRule = NumberRule | NumberListRule | ComponentsRule;

/** One problem with a spec: the path below the spec to the field, and what is wrong. */
export interface SpecIssue {
  /** Keys from the spec down to the field; empty for the spec as a whole. */
  readonly path: readonly (string | number)[];
  /** The reason, e.g. `must be > min (3), got 2`. */
  readonly message: string;
}

/** A theoretical mean and variance. */
export interface Moments {
  /** The mean. */
  readonly mean: number;
  /** The variance; `Infinity` where it is infinite. */
  readonly variance: number;
}

/** How a declaration reaches the specs nested inside its own (a mixture's components). */
export interface NestedSpecs {
  /** Builds the distribution of a nested spec. */
  create(spec: SpecBase): Distribution;
  /** The theoretical moments of a nested spec. */
  moments(spec: SpecBase): Moments;
  /** Whether a nested spec can give a negative value. */
  canBeNegative(spec: SpecBase): boolean;
}

/**
 * Everything about one distribution type, declared once. `S` is the spec type it accepts.
 *
 * A spec may have the keys of exactly one of `forms` (plus `optional`); a parameter named in
 * every form is required, one named in only some is optional in itself and the forms decide.
 * `params` lists every key with its rule, in the order the fields are checked (which decides
 * the order of the messages).
 */
export interface DistributionDeclaration<S extends SpecBase> {
  /** The `type` name. */
  readonly type: S['type'];
  /** The accepted parameter sets, each the keys a spec of that form must have. */
  readonly forms: readonly (readonly string[])[];
  /** Keys accepted beside any form (a normal's truncation points). */
  readonly optional?: readonly string[];
  /** Every parameter key with its rule, in checking order. */
  readonly params: Readonly<Record<string, ParamRule>>;
  /**
   * Rules across parameters (min < max, probabilities summing to 1), checked after the fields'
   * own rules. The value is the spec as parsed, whose fields may still be invalid: a rule reads
   * only fields it has checked are numbers.
   */
  check?(spec: Readonly<Record<string, unknown>>): readonly SpecIssue[];
  /** The distribution a valid spec describes. */
  create(spec: S, nested: NestedSpecs): Distribution;
  /** The theoretical mean and variance of a valid spec, from its parameters (for tests). */
  moments(spec: S, nested: NestedSpecs): Moments;
  /** Whether a valid spec can give a value below 0 (a duration must not). */
  canBeNegative(spec: S, nested: NestedSpecs): boolean;
  /** One valid spec per form at least, for tests that go through every type. */
  readonly examples: readonly S[];
}

// ---------------------------------------------------------------------------------------------
// Rules and messages shared by the declarations

/** A finite number. */
export const FINITE: NumberRule = { kind: 'number' };
/** A finite number > 0. */
export const POSITIVE: NumberRule = { kind: 'number', above: 0 };
/** A finite number >= 0. */
export const NON_NEGATIVE: NumberRule = { kind: 'number', atLeast: 0 };
/** A probability: a number in [0, 1]. */
export const PROBABILITY: NumberRule = { kind: 'number', atLeast: 0, atMost: 1 };

/** A value as a message quotes it: strings in quotes, everything else as String() writes it. */
export function show(input: unknown): string {
  return typeof input === 'string' ? JSON.stringify(input) : String(input);
}

/** The messages of the number rules, one per way a value can break them. */
export const NUMBER_MESSAGES = {
  /** No value given. */
  missing: 'is required',
  /** Not a number, or NaN or infinite. */
  notFinite: (input: unknown): string => `must be a finite number, got ${show(input)}`,
  /** Not a whole number. */
  notWhole: (input: unknown): string => `must be a whole number, got ${show(input)}`,
  /** Outside a bound (`op` as in the rule: `>`, `>=` or `<=`). */
  bound: (op: '>' | '>=' | '<=', bound: number, input: unknown): string => `must be ${op} ${bound}, got ${show(input)}`,
};

/** True when every named field is a finite number (so a rule across fields is meaningful). */
export function numbers(value: Readonly<Record<string, unknown>>, ...keys: string[]): boolean {
  return keys.every((k) => typeof value[k] === 'number' && Number.isFinite(value[k]));
}

/** The issue `max` gets when it is not above `min`, if it is not. */
export function maxAboveMin(value: Readonly<Record<string, unknown>>): SpecIssue[] {
  const { min, max } = value as { min: number; max: number };
  return numbers(value, 'min', 'max') && !(max > min) ? [{ path: ['max'], message: `must be > min (${min}), got ${max}` }] : [];
}
