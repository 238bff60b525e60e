/**
 * Costs per scenario by setting and by payer, and what a scenario moves between payers: the
 * change in each payer's cost from the baseline with its 95% confidence interval.
 *
 * @module
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ResultsFolder } from '../load-results.js';
import { familyMembers, words } from '../metrics.js';
import { scenarioNames } from '../model-facts.js';
import { familyParts, stackedBars, windowText } from './bed-days.js';
import { BASE_CONFIG, CHART_WIDTH, intervalTooltip, type ChartSection } from './common.js';
import { chartMetric } from '../../model/metrics/members.js';

/** Payers as the reader knows them, and their colours (NHS blue for the NHS). */
export const PAYERS: Record<string, { label: string; colour: string }> = {
  nhs: { label: 'NHS', colour: '#005eb8' },
  council: { label: 'council', colour: '#8a5fb0' },
  selfFunder: { label: 'self-funders', colour: '#e08a00' },
};

const payerLabel = (p: string): string => PAYERS[p]?.label ?? words(p);

/** Costs of waiting for a bed and of diversions, as parts of the by-setting bar, where any scenario has them. */
function acuteExtras(r: ResultsFolder): { label: string; metric: string }[] {
  const parts = [
    { label: 'waiting for a bed', metric: chartMetric('costs', 'costAdmissionWaits') },
    { label: 'diversions', metric: chartMetric('costs', 'costDiversions') },
  ];
  return parts.filter((p) => r.summary.scenarios.some((s) => (s.metrics[p.metric]?.mean ?? 0) > 0));
}

/** The costs chart of a results folder. */
export function costsChart(r: ResultsFolder): ChartSection {
  const scenarios = scenarioNames(r);
  const payers = familyMembers(r.summary.scenarios[0].metrics, chartMetric('costs', 'costByPayer'));
  const others = r.summary.scenarios.filter((s) => s.name !== r.summary.baseline);
  const shifts = others.flatMap((s) =>
    payers.map((p) => {
      const d = s.differences[`costByPayer.${p}`];
      return { scenario: s.name, payer: payerLabel(p), mean: (d?.mean ?? NaN) / 1e6, ciLow: (d?.ciLow ?? NaN) / 1e6, ciHigh: (d?.ciHigh ?? NaN) / 1e6 };
    }),
  );
  const payerColour = {
    field: 'payer',
    type: 'nominal' as const,
    title: 'Payer',
    sort: payers.map(payerLabel),
    scale: { domain: payers.map(payerLabel), range: payers.map((p) => PAYERS[p]?.colour ?? '#999') },
    legend: { orient: 'bottom' as const },
  };
  const y = { field: 'scenario', type: 'nominal' as const, sort: scenarios.filter((n) => n !== r.summary.baseline), title: null, axis: { labelLimit: 260 } };
  const tooltip = intervalTooltip([['payer', 'Payer']], 'Change (£m)', ',.3f');
  const shiftChart = {
    title: `Change in each payer's cost from ${r.summary.baseline} (£m, 95% CI)`,
    data: { values: shifts },
    width: CHART_WIDTH,
    height: { step: 13 },
    encoding: { y, yOffset: { field: 'payer', type: 'nominal' as const, sort: payers.map(payerLabel) }, color: payerColour },
    layer: [
      { mark: { type: 'rule' as const, color: '#444' }, encoding: { x: { datum: 0 }, y: null, yOffset: null, color: null } },
      {
        mark: { type: 'rule' as const, strokeWidth: 2 },
        encoding: {
          x: { field: 'ciLow', type: 'quantitative' as const, title: `Change from ${r.summary.baseline} in the window (£m)`, scale: { padding: 12 } },
          x2: { field: 'ciHigh' },
          tooltip,
        },
      },
      { mark: { type: 'point' as const, filled: true, size: 40 }, encoding: { x: { field: 'mean', type: 'quantitative' as const }, tooltip } },
    ],
  };
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    vconcat: [
      stackedBars(r, [...familyParts(r, chartMetric('costs', 'costBySetting'), words), { label: 'assessments', metric: chartMetric('costs', 'costAssessments') }, ...acuteExtras(r)], {
        title: 'By setting (£m)',
        xTitle: 'Cost in the results window (£m)',
        legendTitle: 'Setting',
        scale: 1e-6,
      }),
      stackedBars(r, familyParts(r, chartMetric('costs', 'costByPayer'), payerLabel, Object.fromEntries(Object.entries(PAYERS).map(([k, v]) => [k, v.colour]))), {
        title: 'By payer (£m)',
        xTitle: 'Cost in the results window (£m)',
        legendTitle: 'Payer',
        scale: 1e-6,
      }),
      ...(others.length > 0 ? [shiftChart] : []),
    ],
    spacing: 28,
    resolve: { scale: { color: 'independent' } },
    config: BASE_CONFIG,
  } as TopLevelSpec;
  return {
    id: 'costs',
    title: 'Costs by setting and by payer',
    caption: `Place days times cost per day over the ${windowText(r)}, mean over replications, by setting and by who pays (NHS, council, self-funders); both bars add up to the total cost. The last panel shows what each scenario moves between payers: a cost that one payer saves and another takes on shows as points on both sides of zero.`,
    spec,
  };
}
