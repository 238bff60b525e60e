/**
 * Experiments and their scenarios: load an experiment file and its model, and resolve each
 * scenario, exactly once, into a {@link ResolvedModel}: the base model with the scenario's
 * overrides written in, parsed again, then resolved (references checked, the model's and the
 * scenario's policies applied).
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { ConfigError, lineOfPath, readConfigFile, readableIssueMessage } from '../model/config-file.js';
import { readModelFile, resolveInFile } from '../model/load-model.js';
import { isKnownMetric } from '../model/metrics/members.js';
import { ModelProblem } from '../model/model-problem.js';
import { resolveModel, type ResolvedModel } from '../model/resolve/resolve-model.js';
import { modelSchema, type ModelConfig } from '../model/schema.js';
import type { SensitivityDescription, SweepDescription } from './sweep-description.js';
import { experimentSchema, type ExperimentConfig, type ScenarioConfig } from './schema.js';

/** One `--set path=value`: the value given and the model's value before it. */
export interface CommandLineSetting {
  /** The model path, e.g. `settings.acute.capacity`. */
  path: string;
  /** The value given on the command line. */
  value: unknown;
  /** The model's value before it (absent when the model left the path unset). */
  was?: unknown;
}

/** An experiment file, its model, and every scenario resolved into a model. */
export interface LoadedExperiment {
  /** Path of the experiment file as given. */
  file: string;
  /** The experiment, validated, defaults filled in. */
  config: ExperimentConfig;
  /** Path of the model file, resolved against the experiment file's folder. */
  modelFile: string;
  /** The base model as parsed: what scenario overrides, `--set` and sweep points are written into. */
  model: ModelConfig;
  /** Each scenario with its resolved model, in file order. */
  scenarios: ResolvedScenario[];
  /** Set when the experiment is a sweep: what was varied, and each point's values. */
  sweep?: SweepDescription;
  /** Set when the experiment is a one-way sensitivity analysis: each input's range and scenarios. */
  sensitivity?: SensitivityDescription;
  /** Model values changed for every scenario on the command line (`run --set`), with what they were. */
  set?: CommandLineSetting[];
}

/** A scenario and the model it runs. */
export interface ResolvedScenario {
  name: string;
  description: string;
  overrides: Record<string, unknown>;
  /** The scenario's own policies (the model's are in `model.policies` too). */
  policies: ScenarioConfig['policies'];
  /** The model the scenario runs, resolved. */
  model: ResolvedModel;
}

/** Loads an experiment file and its model and resolves every scenario. Throws ConfigError. */
export function loadExperiment(file: string): LoadedExperiment {
  const config = readConfigFile(file, experimentSchema);
  const modelFile = resolve(dirname(file), config.model);
  const model = readModelFile(modelFile);
  // The base model on its own: its problems are reported at its own lines.
  const base = resolveInFile(model, modelFile, (path) => lineOfPath(modelFile, path));
  // An unknown precision metric would have no values and be skipped, so the target would look met.
  config.precision?.metrics.forEach((metric, i) => {
    if (isKnownMetric(metric, base)) return;
    const field = ['precision', 'metrics', i];
    throw new ConfigError(file, `unknown metric "${metric}" for model ${model.name}; see careflow list metrics`, { line: lineOfPath(file, field), field: field.join('.') });
  });
  const scenarios = config.scenarios.map((s, i) => resolveScenario(file, model, s, i));
  return { file, config, modelFile, model, scenarios };
}

/** A scenario as resolveScenario takes it: policies may be left out. */
export type ScenarioInput = Omit<ScenarioConfig, 'policies'> & { policies?: ScenarioConfig['policies'] };

/** Applies a scenario's overrides and policies to the base model, parses and resolves the result. */
export function resolveScenario(file: string, base: ModelConfig, scenario: ScenarioInput, index: number): ResolvedScenario {
  const policies = scenario.policies ?? [];
  const model = structuredClone(base) as unknown as Record<string, unknown>;
  for (const [path, value] of Object.entries(scenario.overrides)) {
    const field = ['scenarios', index, 'overrides', path];
    try {
      setPath(model, path, value);
    } catch (err) {
      throw new ConfigError(file, (err as Error).message, { line: lineOfPath(file, field), field: field.join('.') });
    }
  }
  const own = base.policies.length;
  model.policies = [...base.policies, ...policies];
  const checked = modelSchema.safeParse(model, { error: readableIssueMessage });
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw scenarioProblem(file, scenario.name, index, own, issue.path as (string | number)[], issue.message);
  }
  try {
    return { name: scenario.name, description: scenario.description, overrides: scenario.overrides, policies, model: resolveModel(checked.data) };
  } catch (err) {
    if (!(err instanceof ModelProblem)) throw err;
    throw scenarioProblem(file, scenario.name, index, own, err.path, err.message);
  }
}

/**
 * A problem at `path` of a scenario's model, placed in the experiment file: in one of the
 * scenario's own policy entries (the model has the first `own`), or else in its overrides.
 */
function scenarioProblem(file: string, name: string, index: number, own: number, path: (string | number)[], message: string): ConfigError {
  const [head, item, ...rest] = path;
  if (head === 'policies' && typeof item === 'number' && item >= own) {
    const field = ['scenarios', index, 'policies', item - own, ...rest];
    return new ConfigError(file, message, { line: lineOfPath(file, field), field: field.join('.') });
  }
  const field = ['scenarios', index, 'overrides'];
  return new ConfigError(file, `scenario "${name}" makes the model invalid at ${path.join('.')}: ${message}`, { line: lineOfPath(file, field), field: field.join('.') });
}

/**
 * Sets `value` at a dotted path that must already exist in the model (array items by index),
 * so that a misspelt path is an error rather than a new, ignored field.
 */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node: unknown = target;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, key)) {
      const present = typeof node === 'object' && node !== null ? Object.keys(node) : [];
      const known = present.length > 0 ? present.join(', ') : path.startsWith('policies') ? 'nothing: to vary a policy, use policy.<name>.<field> (sweep --vary)' : 'nothing';
      throw new Error(`unknown model path "${path}": "${keys.slice(0, i + 1).join('.')}" does not exist (there: ${known})`);
    }
    if (i === keys.length - 1) (node as Record<string, unknown>)[key] = value;
    else node = (node as Record<string, unknown>)[key];
  }
}

/** A short, stable hash of any JSON-able value (sorted keys), for manifests and job ids. */
export function hashOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 16);
}

/** JSON with object keys sorted, so that equal values always give the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
