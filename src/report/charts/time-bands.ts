/**
 * The shape shared by the charts over time: one panel per setting (or per thing waited for),
 * each scenario's weekly mean as a line inside its 95% confidence band, and optionally the
 * capacity as a dashed line of the scenario's colour.
 *
 * @module
 */
import type { TopLevelSpec } from 'vega-lite';
import { BASE_CONFIG, CHART_WIDTH, intervalTooltip, scenarioColour, timeX } from './common.js';

/** One point of a panel: a scenario's mean over a period, its interval, and the capacity. */
export interface BandRow {
  panel: string;
  scenario: string;
  /** ISO date of the period's first day. */
  date: string;
  mean: number;
  ciLow: number;
  ciHigh: number;
  capacity?: number | null;
}

/**
 * The spec: panels in `panels` order, each with its own y scale. Bands of several scenarios
 * overlap into one grey mass (the scenarios share their patients, so their bands nearly
 * coincide), so one scenario's band is drawn at a time: the baseline's, or the one chosen in
 * the list under the chart.
 */
export function timeBandSpec(rows: BandRow[], panels: string[], scenarios: string[], baseline: string, yTitle: string): TopLevelSpec {
  const colour = scenarioColour(scenarios, baseline);
  const x = timeX('Week starting');
  const tooltip = intervalTooltip([['date', 'Week starting']], 'Mean', ',.1f');
  const layers: NonNullable<Extract<TopLevelSpec, { spec: unknown }>['spec']>[] = [
    {
      transform: [{ filter: 'datum.scenario === band' }],
      mark: { type: 'area', opacity: 0.25 },
      encoding: { x, y: { field: 'ciLow', type: 'quantitative', title: yTitle, scale: { zero: false }, axis: { format: ',~r' } }, y2: { field: 'ciHigh' }, color: colour },
    },
    { mark: { type: 'line', strokeWidth: 1.6 }, encoding: { x, y: { field: 'mean', type: 'quantitative' }, color: colour, tooltip } },
  ];
  if (rows.some((r) => r.capacity !== undefined && r.capacity !== null)) {
    layers.push({
      mark: { type: 'line', strokeDash: [5, 3], strokeWidth: 1.2, interpolate: 'step-after' },
      encoding: {
        x,
        y: { field: 'capacity', type: 'quantitative' },
        color: colour,
        tooltip: [
          { field: 'scenario', title: 'Scenario' },
          { field: 'capacity', title: 'Capacity', format: ',' },
        ],
      },
    });
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    data: { values: rows },
    params: [{ name: 'band', value: baseline, bind: { input: 'select', options: scenarios, name: '95% confidence band of ' } }],
    facet: {
      row: { field: 'panel', type: 'nominal', sort: panels, title: null, header: { labelAngle: 0, labelOrient: 'top', labelAnchor: 'start', labelFontWeight: 'bold' } },
    },
    spacing: 14,
    resolve: { scale: { y: 'independent' } },
    spec: { width: CHART_WIDTH, height: 120, layer: layers },
    config: BASE_CONFIG,
  } as TopLevelSpec;
}
