/**
 * Every chart spec of a plain run and of a sweep is valid vega-lite (compiled with no warning),
 * parses and runs in vega, and draws as static SVG; and what each chart draws matches the
 * summary it came from.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { reportCharts } from '../../src/report/build-report.js';
import { cheapestPoint } from '../../src/report/charts/sweep.js';
import { loadResults, type ResultsFolder } from '../../src/report/load-results.js';
import { renderSvg } from '../../src/report/render-svg.js';
import { withShortSweepNames } from '../../src/report/sweep-names.js';
import { smallResults, sweepResults } from './helpers.js';

/** Compiles a spec, failing on any vega-lite warning (a dropped encoding is a wrong chart). */
function compileStrictly(spec: TopLevelSpec) {
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    error: (...m: unknown[]) => (warnings.push(`error: ${m.join(' ')}`), logger),
    warn: (...m: unknown[]) => (warnings.push(m.join(' ')), logger),
    info: () => logger,
    debug: () => logger,
  };
  const compiled = compile(spec, { logger: logger as never });
  expect(warnings).toEqual([]);
  return compiled.spec;
}

/** Each data row of a spec (top level or in concatenated panels). */
function rows(spec: TopLevelSpec): Record<string, unknown>[] {
  const s = spec as { data?: { values?: Record<string, unknown>[] }; vconcat?: TopLevelSpec[] };
  return [...(s.data?.values ?? []), ...(s.vconcat ?? []).flatMap(rows)];
}

let plain: ResultsFolder;
let sweep: ResultsFolder;
beforeAll(async () => {
  plain = loadResults(await smallResults());
  sweep = withShortSweepNames(loadResults(await sweepResults()));
});

describe('chart specs', () => {
  it('a plain run has every chart but the sweep curve; a sweep has the curve first', () => {
    expect(reportCharts(plain).map((c) => c.id)).toEqual(['forest', 'occupancy', 'delays-over-time', 'bed-days', 'delay-length', 'costs', 'warm-up']);
    expect(reportCharts(sweep)[0].id).toBe('sweep');
  });

  it('every spec compiles as vega-lite without warnings, runs in vega and draws as SVG', async () => {
    for (const r of [plain, sweep]) {
      for (const chart of reportCharts(r)) {
        expect(chart.spec, chart.id).not.toBeNull();
        const spec = chart.spec as TopLevelSpec;
        const vgSpec = compileStrictly(spec);
        const view = new View(parse(vgSpec), { renderer: 'none' });
        await view.runAsync();
        view.finalize();
        const svg = await renderSvg(spec);
        expect(svg.startsWith('<svg'), chart.id).toBe(true);
        expect(svg.length, chart.id).toBeGreaterThan(2000);
      }
    }
  });

  it('the forest plot draws each difference and interval of the summary', () => {
    const forest = reportCharts(plain).find((c) => c.id === 'forest')?.spec as TopLevelSpec;
    const d = plain.summary.scenarios[1].differences.delayedPatientsPerDay;
    const row = rows(forest).find((r) => r.metric === 'Delayed patients per day' && r.scenario === 'moreBeds');
    expect(row).toMatchObject({ mean: d.mean, ciLow: d.ciLow, ciHigh: d.ciHigh });
  });

  it('the cost bars add up to the total cost, by setting and by payer', () => {
    const costs = reportCharts(plain).find((c) => c.id === 'costs')?.spec as TopLevelSpec;
    const panels = (costs as { vconcat: TopLevelSpec[] }).vconcat;
    for (const panel of panels.slice(0, 2)) {
      const sum = rows(panel)
        .filter((r) => r.scenario === 'base')
        .reduce((a, r) => a + (r.value as number), 0);
      expect(sum).toBeCloseTo(plain.summary.scenarios[0].metrics.costTotal.mean / 1e6, 6);
    }
  });

  it('the sweep curve marks the point of lowest mean total cost, and names points by their values', () => {
    const cheapest = cheapestPoint(sweep, sweep.manifest.sweep as NonNullable<ResultsFolder['manifest']['sweep']>);
    const costs = sweep.summary.scenarios.filter((s) => s.name !== 'base').map((s) => [s.name, s.metrics.costTotal.mean] as const);
    const lowest = costs.reduce((a, b) => (b[1] < a[1] ? b : a));
    expect(cheapest).toBe(lowest[0]);
    expect(costs.map(([name]) => name)).toEqual(['110', '125', '140']);
    const marked = rows(reportCharts(sweep)[0].spec as TopLevelSpec).filter((r) => r.cheapest === true);
    expect(new Set(marked.map((r) => r.scenario))).toEqual(new Set([cheapest]));
  });

  it('the delay length bands of each scenario add up to 100%', () => {
    const spec = reportCharts(plain).find((c) => c.id === 'delay-length')?.spec as TopLevelSpec;
    const total = rows(spec)
      .filter((r) => r.scenario === 'base')
      .reduce((a, r) => a + (r.mean as number), 0);
    expect(total).toBeCloseTo(100, 6);
  });
});
