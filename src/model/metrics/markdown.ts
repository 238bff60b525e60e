/**
 * The README's metric table, made from the registry: {@link metricTable} writes it and
 * {@link withMetricTable} puts it between the README's marker comments. `npm run docs:metrics`
 * rewrites README.md (see `write-readme.ts`); a test fails when the README's table is not the
 * one the registry makes.
 *
 * @module
 */
import { meaningOf, metricPattern } from './members.js';
import { AGGREGATION_WORDS, METRICS, UNIT_WORDS, type MetricDeclaration, type ReportChart } from './registry.js';

/** The comment lines that enclose the generated table in README.md. */
export const TABLE_START = '<!-- metric table: made by `npm run docs:metrics` from src/model/metrics/registry.ts; edit the registry, not this table -->';
/** The comment line that ends the generated table. */
export const TABLE_END = '<!-- end of metric table -->';

const CHART_WORDS: Readonly<Record<ReportChart, string>> = { bedDays: 'delayed bed days chart', delayLengths: 'delay lengths chart', costs: 'costs chart' };

/** Where a metric is shown, in words ("headline table, forest plot; terminal"). */
export function placementInWords(d: MetricDeclaration): string {
  const s = d.shown;
  if (s === undefined) return '';
  const report = [
    ...(s.headline !== undefined ? ['headline table'] : []),
    ...(s.forest !== undefined ? ['forest plot'] : []),
    ...(s.sweep !== undefined ? ['sweep curve'] : []),
    ...(s.charts ?? []).map((c) => CHART_WORDS[c]),
  ];
  return [...(report.length > 0 ? [`report: ${report.join(', ')}`] : []), ...(s.terminal !== undefined ? ['terminal table'] : [])].join('; ');
}

const code = (name: string): string => `\`${name}\``;
// A table cell must not end the cell early.
const cell = (text: string): string => text.replace(/\|/g, '\\|');

/** The metric table as markdown, one row per metric or family, in registry order. */
export function metricTable(): string {
  const rows = METRICS.map((d) =>
    ['', code(metricPattern(d)), meaningOf(d, code), UNIT_WORDS[d.unit], AGGREGATION_WORDS[d.aggregation], placementInWords(d), ''].map(cell).join(' | ').trim(),
  );
  return ['| metric | meaning | unit | over replications | shown in |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** `readme` with the text between the marker comments replaced by the table. Throws without the markers. */
export function withMetricTable(readme: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md has no metric table markers (${TABLE_START} ... ${TABLE_END})`);
  return `${readme.slice(0, start + TABLE_START.length)}\n\n${metricTable()}\n\n${readme.slice(end)}`;
}
