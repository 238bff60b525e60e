/**
 * What every chart shares: sizes that fit an A4 page, the scenario colours (the same scenario
 * has the same colour in every chart), the time axis, and the type of a chart section.
 *
 * @module
 */
import type { TopLevelSpec } from 'vega-lite';

/** Width of a chart's plotting area in pixels: with its axis labels it fits A4 portrait. */
export const CHART_WIDTH = 560;

/** A chart of the report, or a note saying why it is left out. */
export interface ChartSection {
  /** Id of the chart: letters and dashes, used in element ids. */
  id: string;
  title: string;
  /** What the chart shows and how to read it (plain text; the page escapes it). */
  caption: string;
  /** The vega-lite spec with its data inlined, or null when the data is missing. */
  spec: TopLevelSpec | null;
  /** Why the chart is left out (when spec is null), or a caveat to show under it. */
  note?: string;
}

// Tableau 10 without grey, which is kept for the baseline so that it stands apart.
const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f'];
const BASELINE_COLOUR = '#6b6b6b';

/** The colour scale of scenarios: the baseline grey, the others in order. */
export function scenarioScale(names: string[], baseline: string): { domain: string[]; range: string[] } {
  let next = 0;
  return { domain: names, range: names.map((n) => (n === baseline ? BASELINE_COLOUR : PALETTE[next++ % PALETTE.length])) };
}

/** A colour (or other) encoding of the scenario field, legend below the chart. */
export function scenarioColour(names: string[], baseline: string) {
  return {
    field: 'scenario',
    type: 'nominal' as const,
    title: 'Scenario',
    sort: names,
    scale: scenarioScale(names, baseline),
    legend: { orient: 'bottom' as const, columns: names.length > 4 ? 2 : names.length, labelLimit: 420, symbolType: 'stroke', symbolOpacity: 1, symbolStrokeWidth: 2.5 },
  };
}

/** Settings shared by every spec: fonts, no chart border, readable axis titles. */
export const BASE_CONFIG = {
  font: 'Liberation Sans, Arial, Helvetica, sans-serif',
  view: { stroke: null },
  axis: { titleFontSize: 12, labelFontSize: 11, titleFontWeight: 'normal' as const },
  legend: { titleFontSize: 12, labelFontSize: 11 },
  header: { labelFontSize: 12, titleFontSize: 12 },
  title: { fontSize: 13, anchor: 'start' as const },
};

/** The calendar date of day `day` of the run, as an ISO date (start date from the model). */
export function dateOfDay(startDate: string, day: number): string {
  const t = Date.parse(`${startDate}T00:00:00Z`) + day * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** A time x-axis: dates from the model's start date (a UTC scale, so every reader sees the same days). */
export function timeX(title: string) {
  return { field: 'date', type: 'temporal' as const, title, scale: { type: 'utc' as const }, axis: { format: '%b %Y', labelAngle: 0, tickCount: 8 } };
}

/**
 * The tooltip of a point with an interval: the scenario, the other nominal fields that say
 * which point it is (field and title), then the mean and its 95% interval in one format.
 */
export function intervalTooltip(labels: [field: string, title: string][], meanTitle: string, format: string) {
  return [
    { field: 'scenario', type: 'nominal' as const, title: 'Scenario' },
    ...labels.map(([field, title]) => ({ field, type: 'nominal' as const, title })),
    { field: 'mean', type: 'quantitative' as const, title: meanTitle, format },
    { field: 'ciLow', type: 'quantitative' as const, title: '95% CI from', format },
    { field: 'ciHigh', type: 'quantitative' as const, title: '95% CI to', format },
  ];
}
