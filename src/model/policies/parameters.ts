/**
 * A policy's parameters, declared once: the declaration gives the validation schema, the
 * defaults, the units and the text that `careflow explain` prints.
 *
 * @module
 */
import { z } from 'zod';

/** A number parameter. */
export interface NumberParameter {
  kind: 'number';
  default: number;
  /** The value at which the policy does nothing (for neutrality tests and the docs). */
  neutral: number;
  unit: string;
  description: string;
  min?: number;
  max?: number;
  integer?: boolean;
}

/** A parameter naming a setting of the model (or, with `optional`, possibly none). */
export interface SettingParameter {
  kind: 'setting';
  /** Default setting name; null means "found from the model" (see the description). */
  default: string | null;
  description: string;
}

/** A parameter naming case-mix groups (an empty list means every group). */
export interface GroupsParameter {
  kind: 'groups';
  default: string[];
  description: string;
}

/** A parameter choosing one of a few words. */
export interface ChoiceParameter {
  kind: 'choice';
  options: string[];
  default: string;
  description: string;
}

/** Any parameter. */
export type ParameterSpec = NumberParameter | SettingParameter | GroupsParameter | ChoiceParameter;

/** Parameter values after defaults are filled in. */
export type ParameterValues = Record<string, number | string | string[] | null>;

/** The zod schema of a policy's `parameters` object: strict, every field optional. */
export function parametersSchema(specs: Record<string, ParameterSpec>): z.ZodType<Record<string, unknown>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, spec] of Object.entries(specs)) shape[name] = fieldSchema(spec).optional();
  return z.strictObject(shape) as unknown as z.ZodType<Record<string, unknown>>;
}

function fieldSchema(spec: ParameterSpec): z.ZodType {
  switch (spec.kind) {
    case 'number': {
      let n = spec.integer ? z.number().int() : z.number();
      if (spec.min !== undefined) n = n.min(spec.min);
      if (spec.max !== undefined) n = n.max(spec.max);
      return n;
    }
    case 'setting':
      return z.string().min(1);
    case 'groups':
      return z.array(z.string().min(1));
    case 'choice':
      return z.enum(spec.options as [string, ...string[]]);
  }
}

/** The given parameters with every missing one set to its default. */
export function withDefaults(specs: Record<string, ParameterSpec>, given: Record<string, unknown>): ParameterValues {
  const out: ParameterValues = {};
  for (const [name, spec] of Object.entries(specs)) out[name] = (given[name] as ParameterValues[string] | undefined) ?? spec.default;
  return out;
}

/** The parameters at which the policy does nothing (numbers at their neutral value). */
export function neutralParameters(specs: Record<string, ParameterSpec>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, spec] of Object.entries(specs)) if (spec.kind === 'number') out[name] = spec.neutral;
  return out;
}
