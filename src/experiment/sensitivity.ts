/**
 * One-way sensitivity analysis: each named input set to a low and a high value in turn, every
 * other input as in the base scenario, so that a tornado chart can rank the inputs by how far
 * they move a result. A range is absolute (`path=800,960`) or relative to the model's value
 * (`path=-10%,+10%`; capacities, counted in whole places, are rounded).
 *
 * Built from one-path sweeps (src/experiment/sweep.ts), so a path is checked, applied and named
 * exactly as `careflow sweep` does it.
 *
 * @module
 */
import { UsageProblem } from './problems.js';
import { setPath, type LoadedExperiment, type ResolvedScenario } from './scenario.js';
import type { SensitivityInput, Variation } from './sweep-description.js';
import { parseVariation, sweepExperiment } from './sweep.js';

/** Fields counted in whole places, whose relative ends are rounded. */
const WHOLE_FIELDS = new Set(['capacity', 'block', 'marketSize', 'initial']);

const RELATIVE = /^([+-]?\d+(?:\.\d+)?)%$/;

/** Parses `--input path=low,high` (two values, absolute or relative in per cent). */
export function parseRange(text: string): Variation {
  const v = parseVariation(text, '--input');
  if (v.values.length !== 2) throw new UsageProblem(`--input ${v.path}: expected two values, low and high (e.g. ${v.path}=-10%,+10%), got ${v.values.length}`);
  return v;
}

/** The experiment of a one-way sensitivity analysis around one scenario (default: the baseline). */
export function sensitivityExperiment(experiment: LoadedExperiment, ranges: Variation[], base?: string): LoadedExperiment {
  if (ranges.length === 0) throw new UsageProblem('sensitivity needs at least one --input path=low,high');
  const paths = new Set<string>();
  const inputs: SensitivityInput[] = [];
  const scenarios: ResolvedScenario[] = [];
  let baseName = '';
  for (const range of ranges) {
    if (paths.has(range.path)) throw new UsageProblem(`--input ${range.path}: given twice; give each input once`);
    paths.add(range.path);
    const baseValue = range.path.startsWith('policy.') ? undefined : modelValue(experiment, range.path, base);
    const [low, high] = range.values.map((v) => absolute(experiment, range.path, v, baseValue));
    const sweep = sweepExperiment(experiment, [{ path: range.path, values: [low, high] }], base);
    baseName = sweep.config.baseline as string;
    if (scenarios.length === 0) scenarios.push(sweep.scenarios[0]);
    scenarios.push(...sweep.scenarios.slice(1));
    const [lowPoint, highPoint] = sweep.sweep?.points ?? [];
    inputs.push({ path: range.path, ...(baseValue !== undefined ? { baseValue } : {}), low, high, lowScenario: lowPoint.scenario, highScenario: highPoint.scenario });
  }
  return {
    ...experiment,
    scenarios,
    sweep: undefined,
    sensitivity: { base: baseName, inputs },
    config: {
      ...experiment.config,
      name: `${experiment.config.name}-sensitivity`,
      baseline: baseName,
      scenarios: scenarios.map((s) => ({ name: s.name, description: s.description, overrides: s.overrides, policies: s.policies })),
    },
  };
}

/** The model's value at a path in the base scenario (its own override, else the model's). */
function modelValue(experiment: LoadedExperiment, path: string, base?: string): unknown {
  const name = base ?? experiment.config.baseline ?? experiment.scenarios[0].name;
  const scenario = experiment.scenarios.find((s) => s.name === name);
  if (scenario && path in scenario.overrides) return scenario.overrides[path];
  return path.split('.').reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), experiment.model);
}

/** A range end as a value: relative ends ("-10%") applied to the base value. */
function absolute(experiment: LoadedExperiment, path: string, value: unknown, baseValue: unknown): unknown {
  const m = typeof value === 'string' ? RELATIVE.exec(value) : null;
  if (m === null) return value;
  if (baseValue === undefined) {
    // Most likely a misspelt path: say so as sweep and run do.
    try {
      setPath(structuredClone(experiment.model) as unknown as Record<string, unknown>, path, 0);
    } catch (err) {
      throw new UsageProblem(`--input ${path}: ${(err as Error).message}`);
    }
  }
  if (typeof baseValue !== 'number')
    throw new UsageProblem(`--input ${path}: ${String(value)} is relative, but the model's value there is not a number (${JSON.stringify(baseValue)}); give absolute values`);
  const x = baseValue * (1 + Number(m[1]) / 100);
  // Places come whole; a rate or a share does not.
  return WHOLE_FIELDS.has(path.split('.').at(-1) ?? '') ? Math.round(x) : x;
}
