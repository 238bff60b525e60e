/**
 * Sweeps: a grid of variants of one scenario, each combination of the varied values run as a
 * scenario of its own, with the unvaried scenario kept as the baseline.
 *
 * @module
 */
import { UsageProblem } from './problems.js';
import { ConfigError, readableIssueMessage } from '../model/config-file.js';
import { modelSchema } from '../model/schema.js';
import { resolveScenario, setPath, type LoadedExperiment, type ResolvedScenario } from './scenario.js';

/** One varied model path and the values it takes. */
export interface Variation {
  path: string;
  values: unknown[];
}

/** What a sweep varied, recorded in manifest.json so that a report can draw each point against its values. */
export interface SweepDescription {
  /** The scenario that was varied; it is kept, unvaried, as the baseline. */
  base: string;
  /** The varied model paths and their values, in the order given. */
  variations: Variation[];
  /** Each grid scenario and the value of every varied path in it. */
  points: { scenario: string; values: Record<string, unknown> }[];
}

/** Parses `path=v1,v2,...` (numbers, true/false, or text). */
export function parseVariation(text: string, flag = '--vary'): Variation {
  const eq = text.indexOf('=');
  if (eq <= 0 || eq === text.length - 1) throw new UsageProblem(`${flag}: expected ${flag === '--vary' ? 'path=v1,v2,...' : 'path=value'} (e.g. settings.acute.capacity=900), got "${text}"`);
  const path = text.slice(0, eq).trim();
  const values = text
    .slice(eq + 1)
    .split(',')
    .map((v) => v.trim());
  if (values.some((v) => v === '')) throw new UsageProblem(`${flag} ${path}: empty value in "${text}"`);
  return { path, values: values.map(parseValue) };
}

function parseValue(v: string): unknown {
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(v)) return Number(v);
  if (v === 'true' || v === 'false') return v === 'true';
  return v;
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
  const baseName = base ?? experiment.config.baseline ?? experiment.scenarios[0].name;
  const baseIndex = experiment.config.scenarios.findIndex((s) => s.name === baseName);
  if (baseIndex < 0) throw new UsageProblem(`--base: unknown scenario "${baseName}"; expected one of ${experiment.config.scenarios.map((s) => s.name).join(', ')}`);
  const baseScenario = experiment.config.scenarios[baseIndex];
  for (const v of variations) {
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
    const overrides = { ...baseScenario.overrides, ...combo };
    try {
      scenarios.push(resolveScenario(experiment.file, experiment.model, { ...baseScenario, name, description: `${baseName} with ${name}`, overrides }, baseIndex));
    } catch (err) {
      // A bad value given on the command line is not a problem of the experiment file's lines.
      const reason = err instanceof ConfigError ? err.reason : (err as Error).message;
      throw new UsageProblem(`--vary: ${name}: ${reason}`);
    }
  }
  return {
    ...experiment,
    scenarios,
    sweep: { base: baseName, variations, points },
    config: { ...experiment.config, name: `${experiment.config.name}-sweep`, baseline: baseName, scenarios: scenarios.map((s) => ({ name: s.name, description: s.description, overrides: s.overrides, policies: s.policies })) },
  };
}

/**
 * The experiment with model values changed for every scenario (`run --set path=value`): the
 * base model is changed, then each scenario's own overrides are applied on top of it.
 */
export function withSettings(experiment: LoadedExperiment, settings: string[]): LoadedExperiment {
  if (settings.length === 0) return experiment;
  const model = structuredClone(experiment.model) as unknown as Record<string, unknown>;
  for (const text of settings) {
    const v = parseVariation(text, '--set');
    if (v.values.length !== 1) throw new UsageProblem(`--set ${v.path}: expected one value, got ${v.values.length}`);
    try {
      setPath(model, v.path, v.values[0]);
    } catch (err) {
      throw new UsageProblem(`--set ${v.path}: ${(err as Error).message}`);
    }
  }
  const checked = modelSchema.safeParse(model, { error: readableIssueMessage });
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new UsageProblem(`--set makes the model invalid at ${issue.path.join('.')}: ${issue.message}`);
  }
  const scenarios = experiment.config.scenarios.map((s, i) => resolveScenario(experiment.file, checked.data, s, i));
  return { ...experiment, model: checked.data, scenarios: experiment.scenarios.filter((s) => scenarios.some((r) => r.name === s.name)).map((s) => scenarios.find((r) => r.name === s.name) as ResolvedScenario) };
}
