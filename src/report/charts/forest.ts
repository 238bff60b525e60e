/**
 * A forest plot of the differences from the baseline: per metric, each scenario's paired
 * difference with its 95% confidence interval, and the line of no difference.
 *
 * @module
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ResultsFolder } from '../load-results.js';
import { FOREST_METRICS, toDisplay } from '../metrics.js';
import { scenarioNames } from '../model-facts.js';
import { BASE_CONFIG, intervalTooltip, scenarioColour, type ChartSection } from './common.js';

/** The forest plot of a results folder (null spec for a run with the baseline only). */
export function forestChart(r: ResultsFolder): ChartSection {
  const baseline = r.summary.baseline;
  const section = {
    id: 'forest',
    title: `Differences from ${baseline}`,
    caption: `Each scenario minus ${baseline}, replication by replication (the same people in both, by common random numbers), with the 95% confidence interval of the mean difference. An interval that does not cross the vertical line is a difference the replications can tell from zero. Shares are in percentage points, money in £m over the results window.`,
  };
  const others = r.summary.scenarios.filter((s) => s.name !== baseline);
  if (others.length === 0) return { ...section, spec: null, note: 'Left out: the run has the baseline only, so there is nothing to compare.' };
  const metrics = FOREST_METRICS.filter((m) => m.metric in r.summary.scenarios[0].metrics);
  const values = others.flatMap((s) =>
    metrics.map((m) => {
      const d = s.differences[m.metric];
      return { metric: m.label, scenario: s.name, mean: toDisplay(d?.mean ?? NaN, m.unit), ciLow: toDisplay(d?.ciLow ?? NaN, m.unit), ciHigh: toDisplay(d?.ciHigh ?? NaN, m.unit) };
    }),
  );
  const names = scenarioNames(r).filter((n) => n !== baseline);
  const colour = { ...scenarioColour(scenarioNames(r), baseline), legend: null };
  const tooltip = intervalTooltip([['metric', 'Metric']], 'Difference', ',.4~r');
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    data: { values },
    columns: 2,
    facet: { field: 'metric', type: 'nominal', sort: metrics.map((m) => m.label), title: null, header: { labelFontWeight: 'bold', labelAnchor: 'start' } },
    spacing: { row: 18, column: 36 },
    resolve: { scale: { x: 'independent' }, axis: { y: 'independent' } },
    spec: {
      width: 250,
      height: { step: 16 },
      encoding: { y: { field: 'scenario', type: 'nominal', sort: names, title: null, axis: { labelLimit: 150 } } },
      layer: [
        { mark: { type: 'rule', color: '#444', strokeDash: [3, 2] }, encoding: { x: { datum: 0 }, y: null } },
        {
          mark: { type: 'rule', strokeWidth: 2 },
          encoding: { x: { field: 'ciLow', type: 'quantitative', title: 'Difference', scale: { zero: true, nice: true } }, x2: { field: 'ciHigh' }, color: colour, tooltip },
        },
        { mark: { type: 'point', filled: true, size: 45 }, encoding: { x: { field: 'mean', type: 'quantitative' }, color: colour, tooltip } },
      ],
    },
    config: BASE_CONFIG,
  } as TopLevelSpec;
  return { ...section, spec };
}
