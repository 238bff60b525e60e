/**
 * The delay length distribution: the share of acute discharges whose fit-to-discharge time
 * fell in each band of the NHS situation report, per scenario, with 95% confidence intervals.
 *
 * @module
 */
import type { TopLevelSpec } from 'vega-lite';
import { DELAY_LENGTH_BANDS } from '../../model/metrics/delay-bands.js';
import type { ResultsFolder } from '../load-results.js';
import { scenarioNames } from '../model-facts.js';
import { BASE_CONFIG, CHART_WIDTH, intervalTooltip, scenarioColour, type ChartSection } from './common.js';
import { chartMetric } from '../../model/metrics/members.js';

const DELAY_FAMILY = chartMetric('delayLengths', 'delayLengthShare');

/** A band as the situation report words it: "under 1 day", "1-2 days", ..., "21 days or more". */
export function bandLabel(band: { from: number; to: number }): string {
  if (band.from === 0) return `under ${band.to} day${band.to === 1 ? '' : 's'}`;
  if (!Number.isFinite(band.to)) return `${band.from} days or more`;
  return `${band.from} to ${band.to} days`;
}

/** The delay length chart of a results folder. */
export function delayLengthChart(r: ResultsFolder): ChartSection {
  const section = {
    id: 'delay-length',
    title: 'How long patients wait to leave hospital once fit',
    caption:
      'Share of acute discharges by the time from medically optimised to leaving the bed, in the bands of the NHS discharge situation report; bars are means over replications, whiskers 95% confidence intervals.',
  };
  const bands = DELAY_LENGTH_BANDS.filter((b) => `${DELAY_FAMILY}.${b.name}` in r.summary.scenarios[0].metrics);
  if (bands.length === 0) return { ...section, spec: null, note: 'Left out: this results folder has no delayLengthShare metrics (made by an older careflow).' };
  const values = r.summary.scenarios.flatMap((s) =>
    bands.map((b) => {
      const m = s.metrics[`${DELAY_FAMILY}.${b.name}`];
      return { scenario: s.name, band: bandLabel(b), mean: m.mean * 100, ciLow: m.ciLow * 100, ciHigh: m.ciHigh * 100 };
    }),
  );
  const names = scenarioNames(r);
  const colour = scenarioColour(names, r.summary.baseline);
  const x = { field: 'band', type: 'nominal' as const, sort: bands.map(bandLabel), title: 'Time from medically optimised to discharge', axis: { labelAngle: 0, labelLimit: 90 } };
  const xOffset = { field: 'scenario', type: 'nominal' as const, sort: names };
  const tooltip = intervalTooltip([['band', 'Band']], '% of discharges', '.1f');
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    data: { values },
    width: CHART_WIDTH,
    height: 240,
    encoding: { x, xOffset },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: { y: { field: 'mean', type: 'quantitative', title: '% of acute discharges' }, color: { ...colour, legend: { ...colour.legend, symbolType: 'square' } }, tooltip },
      },
      { mark: { type: 'rule', color: '#333' }, encoding: { y: { field: 'ciLow', type: 'quantitative' }, y2: { field: 'ciHigh' }, tooltip } },
    ],
    config: BASE_CONFIG,
  };
  return { ...section, spec };
}
