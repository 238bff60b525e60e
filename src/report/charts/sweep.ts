/**
 * The capacity-planning curve of a sweep: total cost and the key delay metrics against the
 * varied value, each point with its 95% confidence band, the cheapest point marked, and the
 * unvaried baseline as a reference line.
 *
 * @module
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SweepDescription } from '../../experiment/sweep-description.js';
import type { ResultsFolder } from '../load-results.js';
import { reportMetrics, toDisplay, type MetricDisplay } from '../metrics.js';
import { BASE_CONFIG, CHART_WIDTH, intervalTooltip, type ChartSection } from './common.js';

/** The metrics drawn against the varied value: total cost first, then the delays. */
export const SWEEP_METRICS: MetricDisplay[] = reportMetrics('sweep');

/**
 * The grid point with the lowest mean total cost (its scenario name) among those not saturated,
 * if any has a cost: a point where people queue outside or a queue grows without end is cheap
 * only because waiting costs nothing, so it is never the plan to pick.
 */
export function cheapestPoint(r: ResultsFolder, sweep: SweepDescription): string | undefined {
  const saturated = new Set((r.summary.saturation ?? []).map((f) => f.scenario));
  let best: string | undefined;
  let bestCost = Infinity;
  for (const p of sweep.points) {
    if (saturated.has(p.scenario)) continue;
    const cost = r.summary.scenarios.find((s) => s.name === p.scenario)?.metrics.costTotal?.mean ?? NaN;
    if (cost < bestCost) {
      bestCost = cost;
      best = p.scenario;
    }
  }
  return best;
}

/** The sweep chart, or null when the results folder is not a sweep. */
export function sweepChart(r: ResultsFolder): ChartSection | null {
  const sweep = r.manifest.sweep;
  if (!sweep || sweep.variations.length === 0) return null;
  const [first, ...rest] = sweep.variations;
  const numeric = first.values.every((v) => typeof v === 'number');
  const cheapest = cheapestPoint(r, sweep);
  const seriesOf = (values: Record<string, unknown>): string => rest.map((v) => `${v.path}=${String(values[v.path])}`).join(' ') || 'all points';
  const series = [...new Set(sweep.points.map((p) => seriesOf(p.values)))];
  const baseline = r.summary.scenarios.find((s) => s.name === r.summary.baseline);
  const x = {
    field: 'x',
    type: numeric ? ('quantitative' as const) : ('ordinal' as const),
    title: first.path,
    scale: numeric ? { zero: false, nice: false } : undefined,
    axis: { labelAngle: 0 },
  };
  const colour = {
    field: 'series',
    type: 'nominal' as const,
    title: rest.map((v) => v.path).join(', ') || null,
    sort: series,
    scale: { scheme: 'tableau10' as const },
    legend: series.length > 1 ? { orient: 'bottom' as const, labelLimit: 400, symbolType: 'stroke', symbolOpacity: 1, symbolStrokeWidth: 2.5 } : null,
  };
  const panel = (m: MetricDisplay) => {
    const values = sweep.points.flatMap((p) => {
      const s = r.summary.scenarios.find((sc) => sc.name === p.scenario)?.metrics[m.metric];
      if (!s) return [];
      return [
        {
          scenario: p.scenario,
          x: p.values[first.path],
          series: seriesOf(p.values),
          mean: toDisplay(s.mean, m.unit),
          ciLow: toDisplay(s.ciLow, m.unit),
          ciHigh: toDisplay(s.ciHigh, m.unit),
          cheapest: p.scenario === cheapest,
        },
      ];
    });
    const tooltip = intervalTooltip([], m.label, ',.4~r');
    const y = { field: 'mean', type: 'quantitative' as const, title: m.label, scale: { zero: false } };
    const layer: object[] = [
      { mark: { type: numeric ? 'area' : 'bar', opacity: 0.18, ...(numeric ? {} : { width: 6 }) }, encoding: { x, y: { ...y, field: 'ciLow' }, y2: { field: 'ciHigh' }, color: colour } },
      { mark: { type: 'line', point: { filled: true, size: 36 } }, encoding: { x, y, color: colour, tooltip } },
      {
        transform: [{ filter: 'datum.cheapest' }],
        mark: { type: 'point', shape: 'diamond', size: 260, strokeWidth: 2.5, color: '#c0392b', filled: false },
        encoding: { x, y, tooltip },
      },
      {
        transform: [{ filter: 'datum.cheapest' }],
        mark: { type: 'text', align: 'left', dx: 12, dy: -10, color: '#c0392b', fontWeight: 'bold' },
        encoding: { x, y, text: { value: 'cheapest' } },
      },
    ];
    const base = baseline?.metrics[m.metric];
    if (base) {
      layer.push(
        // Their own one-row data: with the panel's data they would be drawn once per point.
        { data: { values: [{}] }, mark: { type: 'rule', color: '#6b6b6b', strokeDash: [6, 4] }, encoding: { y: { datum: toDisplay(base.mean, m.unit) } } },
        {
          data: { values: [{}] },
          mark: { type: 'text', align: 'right', baseline: 'bottom', dy: -3, color: '#6b6b6b' },
          encoding: { x: { value: CHART_WIDTH }, y: { datum: toDisplay(base.mean, m.unit) }, text: { value: `${r.summary.baseline} (unvaried)` } },
        },
      );
    }
    return { title: m.label, data: { values }, width: CHART_WIDTH, height: 170, layer };
  };
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    vconcat: SWEEP_METRICS.filter((m) => m.metric in r.summary.scenarios[0].metrics).map(panel),
    spacing: 26,
    config: BASE_CONFIG,
  } as TopLevelSpec;
  const saturatedPoints = sweep.points.filter((p) => (r.summary.saturation ?? []).some((f) => f.scenario === p.scenario)).map((p) => p.scenario);
  const saturatedText = saturatedPoints.length > 0 ? ` Saturated, so never marked cheapest: ${saturatedPoints.join(', ')}.` : '';
  const cheapestText = cheapest ? ` The cheapest point is ${cheapest} (${sweep.variations.map((v) => v.path).join(' / ')}).` : '';
  return {
    id: 'sweep',
    title: 'Capacity-planning curve',
    caption: `Each grid point of the sweep around ${sweep.base}: the mean over replications with its 95% confidence band, against ${first.path}${rest.length > 0 ? ` (one line per value of ${rest.map((v) => v.path).join(', ')})` : ''}. Red diamond: the point with the lowest mean total cost over the results window, leaving out saturated points.${cheapestText}${saturatedText} Whether it is cheaper than its neighbours beyond noise shows in the differences below. Dashed grey line: ${r.summary.baseline} as it is.`,
    spec,
  };
}
