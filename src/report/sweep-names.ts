/**
 * Short names for the scenarios of a sweep: `settings.acute.capacity=880
 * settings.careHome.capacity=3000` becomes `880 / 3000`, so that chart axes can show them
 * whole; the report says once which paths the values belong to.
 *
 * @module
 */
import type { ResultsFolder } from './load-results.js';

/** The paths a sweep's short names are values of, e.g. "settings.acute.capacity / settings.careHome.capacity". */
export function sweepPaths(r: ResultsFolder): string | null {
  return r.manifest.sweep ? r.manifest.sweep.variations.map((v) => v.path).join(' / ') : null;
}

/**
 * The results folder with each sweep point's scenario renamed to its values (a plain run is
 * returned as it is). Names stay unique: a short name that clashes keeps the long one.
 */
export function withShortSweepNames(r: ResultsFolder): ResultsFolder {
  const sweep = r.manifest.sweep;
  if (!sweep) return r;
  const taken = new Set(r.summary.scenarios.map((s) => s.name));
  const short = new Map<string, string>();
  for (const p of sweep.points) {
    const name = sweep.variations.map((v) => String(p.values[v.path])).join(' / ');
    if (!taken.has(name)) {
      short.set(p.scenario, name);
      taken.add(name);
    }
  }
  const rename = (name: string): string => short.get(name) ?? name;
  return {
    ...r,
    summary: {
      ...r.summary,
      baseline: rename(r.summary.baseline),
      scenarios: r.summary.scenarios.map((s) => ({ ...s, name: rename(s.name) })),
      ...(r.summary.saturation ? { saturation: r.summary.saturation.map((f) => ({ ...f, scenario: rename(f.scenario) })) } : {}),
    },
    manifest: {
      ...r.manifest,
      scenarios: r.manifest.scenarios.map((s) => ({ ...s, name: rename(s.name) })),
      sweep: { ...sweep, points: sweep.points.map((p) => ({ ...p, scenario: rename(p.scenario) })) },
    },
    daily: r.daily ? { ...r.daily, scenarios: new Map([...r.daily.scenarios].map(([name, series]) => [rename(name), series])) } : null,
  };
}
