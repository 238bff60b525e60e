/**
 * Experiments and their scenarios: load an experiment file and its model, and resolve each
 * scenario into a complete, validated model (the base model with the scenario's overrides).
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { ConfigError, lineOfPath, readConfigFile, readableIssueMessage } from '../model/config-file.js';
import { loadModel } from '../model/load-model.js';
import { isKnownMetric } from '../model/metric-descriptions.js';
import { modelSchema, type ModelConfig } from '../model/schema.js';
import type { SweepDescription } from './sweep.js';
import { experimentSchema, type ExperimentConfig, type ScenarioConfig } from './schema.js';

/** An experiment file, its model, and every scenario resolved into a model. */
export interface LoadedExperiment {
  /** Path of the experiment file as given. */
  file: string;
  /** The experiment, validated, defaults filled in. */
  config: ExperimentConfig;
  /** Path of the model file, resolved against the experiment file's folder. */
  modelFile: string;
  /** The base model, validated. */
  model: ModelConfig;
  /** Each scenario with its resolved model, in file order. */
  scenarios: ResolvedScenario[];
  /** Set when the experiment is a sweep: what was varied, and each point's values. */
  sweep?: SweepDescription;
}

/** A scenario and the model it runs. */
export interface ResolvedScenario {
  name: string;
  description: string;
  overrides: Record<string, unknown>;
  /** The scenario's own policies (the model's are in `model.policies` too). */
  policies: ScenarioConfig['policies'];
  model: ModelConfig;
}

/** Loads an experiment file and its model and resolves every scenario. Throws ConfigError. */
export function loadExperiment(file: string): LoadedExperiment {
  const config = readConfigFile(file, experimentSchema);
  const modelFile = resolve(dirname(file), config.model);
  const model = loadModel(modelFile);
  // An unknown precision metric would have no values and be skipped, so the target would look met.
  config.precision?.metrics.forEach((metric, i) => {
    if (isKnownMetric(metric, Object.keys(model.settings))) return;
    const field = ['precision', 'metrics', i];
    throw new ConfigError(file, `unknown metric "${metric}" for model ${model.name}; see careflow list metrics`, { line: lineOfPath(file, field), field: field.join('.') });
  });
  const scenarios = config.scenarios.map((s, i) => resolveScenario(file, model, s, i));
  return { file, config, modelFile, model, scenarios };
}

/** A scenario as resolveScenario takes it: policies may be left out. */
export type ScenarioInput = Omit<ScenarioConfig, 'policies'> & { policies?: ScenarioConfig['policies'] };

/** Applies a scenario's overrides and policies to the base model and validates the result. */
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
    const [head, item, ...rest] = issue.path as (string | number)[];
    if (head === 'policies' && typeof item === 'number' && item >= own) {
      // A problem in one of this scenario's policies: point at it in the experiment file.
      const field = ['scenarios', index, 'policies', item - own, ...rest];
      throw new ConfigError(file, issue.message, { line: lineOfPath(file, field), field: field.join('.') });
    }
    const field = ['scenarios', index, 'overrides'];
    throw new ConfigError(file, `scenario "${scenario.name}" makes the model invalid at ${issue.path.join('.')}: ${issue.message}`, {
      line: lineOfPath(file, field),
      field: field.join('.'),
    });
  }
  return { name: scenario.name, description: scenario.description, overrides: scenario.overrides, policies, model: checked.data };
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
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
