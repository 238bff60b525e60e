/**
 * Delayed bed days by reason and by discharge pathway, one stacked bar per scenario: what the
 * delays wait for, and whose discharge they hold up.
 *
 * @module
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ResultsFolder } from '../load-results.js';
import { familyMembers, PATHWAY_LABELS, reasonLabel } from '../metrics.js';
import { scenarioNames } from '../model-facts.js';
import { BASE_CONFIG, CHART_WIDTH, type ChartSection } from './common.js';
import { chartMetric } from '../../model/metrics/members.js';

/** One part of a stacked bar: its label, the metric it shows, and its colour if fixed. */
export interface BarPart {
  label: string;
  metric: string;
  colour?: string;
}

/** The parts of a metric family present in the summary, e.g. `costByPayer` → nhs, council, ... */
export function familyParts(r: ResultsFolder, family: string, label: (member: string) => string, colours: Record<string, string> = {}): BarPart[] {
  return familyMembers(r.summary.scenarios[0].metrics, family).map((m) => ({ label: label(m), metric: `${family}.${m}`, colour: colours[m] }));
}

/** One horizontal stacked bar per scenario, parts in order; values times `scale` (1e-6 for £m). */
export function stackedBars(r: ResultsFolder, parts: BarPart[], options: { title: string; xTitle: string; legendTitle: string; scale?: number }) {
  const values = r.summary.scenarios.flatMap((s) => parts.map((p, order) => ({ scenario: s.name, part: p.label, order, value: (s.metrics[p.metric]?.mean ?? NaN) * (options.scale ?? 1) })));
  const labels = parts.map((p) => p.label);
  const fixed = parts.every((p) => p.colour !== undefined);
  return {
    title: options.title,
    data: { values },
    width: CHART_WIDTH,
    height: { step: 22 },
    mark: { type: 'bar' as const },
    encoding: {
      y: { field: 'scenario', type: 'nominal' as const, sort: scenarioNames(r), title: null, axis: { labelLimit: 260 } },
      x: { field: 'value', type: 'quantitative' as const, aggregate: 'sum' as const, title: options.xTitle, axis: { format: ',.3~s', tickCount: 6 } },
      color: {
        field: 'part',
        type: 'nominal' as const,
        sort: labels,
        title: options.legendTitle,
        scale: fixed ? { domain: labels, range: parts.map((p) => p.colour as string) } : { domain: labels, scheme: 'tableau10' as const },
        legend: { orient: 'bottom' as const, columns: 3, labelLimit: 260 },
      },
      order: { field: 'order', type: 'quantitative' as const },
      tooltip: [
        { field: 'scenario', type: 'nominal' as const, title: 'Scenario' },
        { field: 'part', type: 'nominal' as const, title: options.legendTitle },
        { field: 'value', type: 'quantitative' as const, aggregate: 'sum' as const, title: options.xTitle, format: ',.4~r' },
      ],
    },
  };
}

/** The delayed bed days chart of a results folder. */
export function bedDaysChart(r: ResultsFolder): ChartSection {
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    vconcat: [
      stackedBars(r, familyParts(r, chartMetric('bedDays', 'delayedBedDaysByReason'), reasonLabel), {
        title: 'By reason',
        xTitle: 'Delayed bed days in the results window',
        legendTitle: 'Waiting for',
      }),
      stackedBars(
        r,
        familyParts(r, chartMetric('bedDays', 'delayedBedDaysByPathway'), (p) => PATHWAY_LABELS[p] ?? p),
        { title: 'By discharge pathway', xTitle: 'Delayed bed days in the results window', legendTitle: 'Pathway' },
      ),
    ],
    spacing: 28,
    resolve: { scale: { color: 'independent' } },
    config: BASE_CONFIG,
  };
  return {
    id: 'bed-days',
    title: 'Delayed bed days by reason and pathway',
    caption: `Acute bed days used by medically optimised patients over the ${windowText(r)}, mean over replications, split by what they waited for and by their discharge pathway.`,
    spec,
  };
}

/** The results window in words, e.g. "365-day results window". */
export function windowText(r: ResultsFolder): string {
  return `${r.summary.horizonDays - r.summary.warmupDays}-day results window`;
}
