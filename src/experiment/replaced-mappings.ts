/**
 * Overrides that replace a whole mapping of the model with a plain value. A dotted path sets
 * what is at it, so `settings.reablement.capacity: 492` on a setting whose capacity is a provider
 * market drops the market (its block, its spot places, its search times) for a fixed number of
 * places found at once: valid, but rarely meant, and it changes far more than "20% more places".
 * It is said, not refused: a fixed capacity in place of a market is a legitimate question too.
 *
 * @module
 */
import type { LoadedExperiment } from './scenario.js';

/** Scenarios named at most in one warning; beyond that, how many. */
const MAX_NAMED = 4;

/**
 * One warning per model path where a scenario override, a sweep point or `--set` puts a plain
 * value in place of a mapping of the model, naming the scenarios it happens in.
 */
export function mappingsReplaced(experiment: LoadedExperiment): string[] {
  const fromSet = (experiment.set ?? [])
    .filter((s) => isMapping(s.was) && !isMapping(s.value))
    .map((s) => `--set (every scenario): ${replacement(s.path, s.was as Record<string, unknown>)}`);
  const scenariosOf = new Map<string, string[]>();
  for (const scenario of experiment.scenarios) {
    for (const [path, value] of Object.entries(scenario.overrides)) {
      const was = valueAt(experiment.model, path);
      if (!isMapping(was) || isMapping(value)) continue;
      const what = replacement(path, was);
      scenariosOf.set(what, [...(scenariosOf.get(what) ?? []), scenario.name]);
    }
  }
  return [...fromSet, ...[...scenariosOf].map(([what, names]) => `${scenarioList(names)}: ${what}`)];
}

function scenarioList(names: string[]): string {
  if (names.length === 1) return `scenario "${names[0]}"`;
  const shown = names.slice(0, MAX_NAMED).map((n) => `"${n}"`);
  return `scenarios ${shown.join(', ')}${names.length > MAX_NAMED ? ` and ${names.length - MAX_NAMED} more` : ''}`;
}

function replacement(path: string, was: Record<string, unknown>): string {
  const fields = Object.keys(was);
  const market = was.type === 'market' ? ' (a provider market becomes a fixed number of places, filled without a search or spot prices)' : '';
  const hint = fields
    .filter((f) => f !== 'type')
    .slice(0, 2)
    .map((f) => `${path}.${f}`)
    .join(' or ');
  return `${path}: a plain value replaces the model's whole mapping there {${fields.join(', ')}}${market}; to change one of its fields, set its own path${hint ? `, e.g. ${hint}` : ''}`;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valueAt(model: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (isMapping(node) || Array.isArray(node) ? (node as Record<string, unknown>)[key] : undefined), model);
}
