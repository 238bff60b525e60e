/**
 * Sweeps: a grid of variants of one scenario, each combination of the varied values run as a
 * scenario of its own, with the unvaried scenario kept as the baseline.
 *
 * @module
 */
import { UsageProblem } from './problems.js';
import { z } from 'zod';
import { closest, ConfigError, parseConfigText, readableIssueMessage } from '../model/config-file.js';
import { ModelProblem } from '../model/model-problem.js';
import { resolveModel } from '../model/resolve/resolve-model.js';
import { policyByName, POLICY_NAMES } from '../model/policies/registry.js';
import { modelSchema, type ModelConfig } from '../model/schema.js';
import { hashOf, resolveScenario, setPath, type CommandLineSetting, type LoadedExperiment, type ResolvedScenario, type ScenarioInput } from './scenario.js';
import type { SweepDescription, Variation } from './sweep-description.js';

/**
 * Parses `path=v1,v2,...`: numbers, true/false, null, text, or a YAML flow list or mapping
 * (`[0, 1, 2]`, `{type: fixed, value: 1}`), whose own commas do not separate values.
 */
export function parseVariation(text: string, flag = '--vary'): Variation {
  const eq = text.indexOf('=');
  if (eq <= 0 || eq === text.length - 1) throw new UsageProblem(`${flag}: expected ${flag === '--vary' ? 'path=v1,v2,...' : 'path=value'} (e.g. settings.acute.capacity=900), got "${text}"`);
  const path = text.slice(0, eq).trim();
  const values = splitTopLevel(text.slice(eq + 1)).map((v) => v.trim());
  if (values.some((v) => v === '')) throw new UsageProblem(`${flag} ${path}: empty value in "${text}"`);
  return {
    path,
    values: values.map((v) => {
      try {
        return parseValue(v);
      } catch (err) {
        const reason = err instanceof ConfigError ? err.reason : (err as Error).message.split('\n')[0];
        throw new UsageProblem(`${flag} ${path}: "${v}" is not a valid YAML list or mapping: ${reason}`);
      }
    }),
  };
}

// Commas inside [...] or {...} belong to the list or mapping.
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '[' || c === '{') depth++;
    else if ((c === ']' || c === '}') && depth > 0) depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function parseValue(v: string): unknown {
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(v)) return Number(v);
  if (v === 'true' || v === 'false') return v === 'true';
  if (v === 'null') return null;
  // Through the file reader, so that a value given here has the files' limits (nesting, `__proto__` keys).
  if (v.startsWith('[') || v.startsWith('{')) return parseConfigText(v, 'value', z.unknown(), 'yaml');
  return v;
}

const POLICY_PATH = /^policy\.([^.]+)\.([^.]+)$/;
const ENTRY_FIELDS = new Set(['start', 'rampDays', 'runningCostPerYear']);

type PolicyEntry = ModelConfig['policies'][number];

/** The policy and field a `policy.<name>.<field>` path names, or null for a model path. */
function policyPath(path: string): { policy: string; field: string } | null {
  const m = POLICY_PATH.exec(path);
  return m ? { policy: m[1], field: m[2] } : null;
}

/** A copy of the entries with `field` of the entry for `policy` set to `value` (null if there is no such entry). */
function withPolicyValue(entries: readonly PolicyEntry[], policy: string, field: string, value: unknown): PolicyEntry[] | null {
  const index = entries.findIndex((e) => e.policy === policy);
  if (index < 0) return null;
  const copy = structuredClone(entries) as PolicyEntry[];
  const entry = copy[index] as unknown as Record<string, unknown>;
  if (ENTRY_FIELDS.has(field)) entry[field] = value;
  else entry.parameters = { ...(entry.parameters as Record<string, unknown>), [field]: value };
  return copy;
}

/**
 * The base scenario (its overrides, its policies and the model under it) with one grid point's
 * values applied: model paths as overrides, policy paths on the scenario's entry of that policy,
 * else on the model's.
 */
function applyPoint(model: ModelConfig, scenario: ScenarioInput, combo: Record<string, unknown>): { model: ModelConfig; scenario: ScenarioInput } {
  let policies = scenario.policies ?? [];
  const overrides = { ...scenario.overrides };
  for (const [path, value] of Object.entries(combo)) {
    const target = policyPath(path);
    if (target === null) {
      overrides[path] = value;
      continue;
    }
    const own = withPolicyValue(policies, target.policy, target.field, value);
    if (own !== null) policies = own;
    else model = { ...model, policies: withPolicyValue(model.policies, target.policy, target.field, value) as PolicyEntry[] };
  }
  return { model, scenario: { ...scenario, overrides, policies } };
}

/**
 * Rejects a policy path that cannot be varied: an unknown policy, one that neither the base
 * scenario nor the model has, an unknown field, or a field with no single-value form.
 */
function checkPolicyPath(path: string, model: ModelConfig, scenario: ScenarioInput): void {
  const target = policyPath(path);
  if (target === null) {
    if (path.startsWith('policy.')) throw new UsageProblem(`--vary ${path}: expected policy.<policy>.<field> (e.g. policy.discharge-to-assess.share)`);
    return;
  }
  const definition = policyByName(target.policy);
  if (definition === undefined) {
    const guess = closest(target.policy, POLICY_NAMES);
    throw new UsageProblem(`--vary ${path}: unknown policy "${target.policy}"${guess ? ` (did you mean "${guess}"?)` : ''}; see careflow list policies`);
  }
  const present = [...(scenario.policies ?? []), ...model.policies].map((e) => e.policy);
  if (!present.includes(target.policy)) {
    const listed = present.length > 0 ? `it has ${[...new Set(present)].join(', ')}` : 'it has none';
    throw new UsageProblem(`--vary ${path}: scenario "${scenario.name}" has no policy "${target.policy}" to vary (${listed}); add it to the scenario's policies first`);
  }
  if (target.field === 'payers') throw new UsageProblem(`--vary ${path}: payers is a split between payers and cannot be varied on the command line; write one scenario per split`);
  if (ENTRY_FIELDS.has(target.field)) return;
  const parameter = definition.parameters[target.field];
  if (parameter === undefined) {
    const fields = [...ENTRY_FIELDS, ...Object.keys(definition.parameters)];
    const guess = closest(target.field, fields);
    throw new UsageProblem(`--vary ${path}: unknown field "${target.field}" of ${target.policy}${guess ? ` (did you mean "${guess}"?)` : ''}; expected ${fields.join(', ')}`);
  }
  if (parameter.kind === 'groups') throw new UsageProblem(`--vary ${path}: ${target.field} is a list of groups and cannot be varied on the command line; write one scenario per value`);
}

/** Rejects a path given in two --vary flags, and a value given twice for one path. */
function checkRepeats(variations: Variation[]): void {
  const paths = new Set<string>();
  for (const v of variations) {
    if (paths.has(v.path)) throw new UsageProblem(`--vary ${v.path}: given twice; give all its values in one --vary`);
    paths.add(v.path);
    const seen = new Set<string>();
    for (const value of v.values) {
      const key = String(value);
      if (seen.has(key)) throw new UsageProblem(`--vary ${v.path}: the value ${key} is given twice`);
      seen.add(key);
    }
  }
}

/** Rejects two grid points that make the same model (a start as a day and as the same date, say). */
function rejectSameModels(points: ResolvedScenario[]): void {
  const seen = new Map<string, string>();
  for (const point of points) {
    // Policies as they act: a start given as a date counts as its day number.
    const { policies: _entries, ...model } = point.model.config;
    const hash = hashOf({ model, policies: point.model.policies.map(({ start: _given, ...acting }) => acting) });
    const other = seen.get(hash);
    if (other !== undefined) throw new UsageProblem(`--vary ${point.name}: runs the same model as ${other}; give each value once`);
    seen.set(hash, point.name);
  }
}

/** Every combination of the variations, in order (the first path varies slowest). */
export function grid(variations: Variation[]): Record<string, unknown>[] {
  let combos: Record<string, unknown>[] = [{}];
  for (const v of variations) combos = combos.flatMap((c) => v.values.map((value) => ({ ...c, [v.path]: value })));
  return combos;
}

/** The experiment turned into a sweep around scenario `base` (default: its baseline). */
export function sweepExperiment(experiment: LoadedExperiment, variations: Variation[], base?: string): LoadedExperiment {
  if (variations.length === 0) throw new UsageProblem('sweep needs at least one --vary path=v1,v2,...');
  checkRepeats(variations);
  const baseName = base ?? experiment.config.baseline ?? experiment.scenarios[0].name;
  const baseIndex = experiment.config.scenarios.findIndex((s) => s.name === baseName);
  if (baseIndex < 0) throw new UsageProblem(`--base: unknown scenario "${baseName}"; expected one of ${experiment.config.scenarios.map((s) => s.name).join(', ')}`);
  const baseScenario = experiment.config.scenarios[baseIndex];
  for (const v of variations) {
    checkPolicyPath(v.path, experiment.model, baseScenario);
    if (policyPath(v.path) !== null) continue;
    try {
      setPath(structuredClone(experiment.model) as unknown as Record<string, unknown>, v.path, v.values[0]);
    } catch (err) {
      throw new UsageProblem(`--vary ${v.path}: ${(err as Error).message}`);
    }
  }
  const scenarios: ResolvedScenario[] = [experiment.scenarios[baseIndex]];
  const points: SweepDescription['points'] = [];
  for (const combo of grid(variations)) {
    const name = Object.entries(combo)
      .map(([path, value]) => `${path}=${String(value)}`)
      .join(' ');
    points.push({ scenario: name, values: combo });
    const point = applyPoint(experiment.model, { ...baseScenario, name, description: `${baseName} with ${name}` }, combo);
    try {
      scenarios.push(resolveScenario(experiment.file, point.model, point.scenario, baseIndex));
    } catch (err) {
      // A bad value given on the command line is not a problem of the experiment file's lines.
      const reason = err instanceof ConfigError ? err.reason : (err as Error).message;
      throw new UsageProblem(`--vary ${name}: ${reason}`);
    }
  }
  rejectSameModels(scenarios.slice(1));
  return {
    ...experiment,
    scenarios,
    sweep: { base: baseName, variations, points },
    config: {
      ...experiment.config,
      name: `${experiment.config.name}-sweep`,
      baseline: baseName,
      scenarios: scenarios.map((s) => ({ name: s.name, description: s.description, overrides: s.overrides, policies: s.policies })),
    },
  };
}

/**
 * The experiment with model values changed for every scenario (`run --set path=value`): the
 * base model is changed, then each scenario's own overrides are applied on top of it.
 */
export function withSettings(experiment: LoadedExperiment, settings: string[]): LoadedExperiment {
  if (settings.length === 0) return experiment;
  const model = structuredClone(experiment.model) as unknown as Record<string, unknown>;
  const given = new Set<string>();
  const set: CommandLineSetting[] = [];
  for (const text of settings) {
    const v = parseVariation(text, '--set');
    if (v.values.length !== 1) throw new UsageProblem(`--set ${v.path}: expected one value, got ${v.values.length}`);
    if (given.has(v.path)) throw new UsageProblem(`--set ${v.path}: given twice; give each path once`);
    given.add(v.path);
    try {
      const was = v.path.split('.').reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), model);
      setPath(model, v.path, v.values[0]);
      set.push({ path: v.path, value: v.values[0], was: structuredClone(was) });
    } catch (err) {
      throw new UsageProblem(`--set ${v.path}: ${(err as Error).message}`);
    }
  }
  const checked = modelSchema.safeParse(model, { error: readableIssueMessage });
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new UsageProblem(`--set makes the model invalid at ${issue.path.join('.')}: ${issue.message}`);
  }
  try {
    resolveModel(checked.data);
  } catch (err) {
    if (!(err instanceof ModelProblem)) throw err;
    throw new UsageProblem(`--set makes the model invalid at ${err.path.join('.')}: ${err.message}`);
  }
  const scenarios = experiment.config.scenarios.map((s, i) => resolveScenario(experiment.file, checked.data, s, i));
  return {
    ...experiment,
    set,
    model: checked.data,
    scenarios: experiment.scenarios.filter((s) => scenarios.some((r) => r.name === s.name)).map((s) => scenarios.find((r) => r.name === s.name) as ResolvedScenario),
  };
}
