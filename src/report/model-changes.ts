/**
 * What a scenario changes, read from the models manifest.json holds: every value that differs
 * from the baseline scenario's model (old -> new), and the policies it has beyond the
 * baseline's. Read from the resolved models rather than the experiment's overrides, so that a
 * sweep point, a `--set` or an override all say what they changed in the same way.
 *
 * @module
 */
import type { ResultsFolder } from './load-results.js';

/** One model value that differs from the baseline's: `path` in the model file's dotted form. */
export interface ValueChange {
  path: string;
  /** The baseline's value (undefined when the baseline's model lacks the field). */
  from: unknown;
  to: unknown;
}

/** A policy a scenario has and the baseline has not, as summary.json resolves it. */
export interface PolicyChange {
  policy: string;
  start: unknown;
  rampDays: number;
  runningCostPerYear: number;
  parameters: Record<string, unknown>;
}

/** A scenario's changes against the baseline. */
export interface ScenarioChanges {
  values: ValueChange[];
  policies: PolicyChange[];
}

/** The changes of scenario `name` against the baseline of `r`. */
export function scenarioChanges(r: ResultsFolder, name: string): ScenarioChanges {
  const model = (scenario: string): Record<string, unknown> => {
    const found = r.manifest.scenarios.find((s) => s.name === scenario);
    return (found?.model ?? r.manifest.model ?? {}) as Record<string, unknown>;
  };
  const base = model(r.summary.baseline);
  const own = model(name);
  // Policies are said as policies (below), not as the list entries they are in the model.
  const values = valueChanges({ ...base, policies: undefined }, { ...own, policies: undefined }, '');
  const policiesOf = (scenario: string): PolicyChange[] => (r.summary.scenarios.find((s) => s.name === scenario)?.policies ?? []) as PolicyChange[];
  const baseline = new Set(policiesOf(r.summary.baseline).map((p) => JSON.stringify(p)));
  return { values, policies: policiesOf(name).filter((p) => !baseline.has(JSON.stringify(p))) };
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The leaves where `a` and `b` differ. A mapping whose `type` changed (one distribution or
 * capacity form for another) is one change, old form -> new form: its fields apart would read
 * as nonsense ("components: [...] -> unset").
 */
function valueChanges(a: unknown, b: unknown, path: string): ValueChange[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  if (isMapping(a) && isMapping(b) && a.type === b.type) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((k) => valueChanges(a[k], b[k], path === '' ? k : `${path}.${k}`));
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) return a.flatMap((x, i) => valueChanges(x, b[i], `${path}.${i}`));
  return [{ path, from: a, to: b }];
}

/** A model value as short text: numbers with thousands separated, a mapping as compact YAML-like text. */
export function valueText(v: unknown): string {
  if (v === undefined) return 'unset';
  if (v === null) return 'none';
  if (typeof v === 'number') return v.toLocaleString('en-GB', { maximumFractionDigits: 6 });
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return `[${v.map(valueText).join(', ')}]`;
  if (isMapping(v))
    return `{${Object.entries(v)
      .map(([k, x]) => `${k}: ${valueText(x)}`)
      .join(', ')}}`;
  return String(v);
}
