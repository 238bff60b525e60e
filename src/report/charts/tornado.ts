/**
 * The tornado chart of a one-way sensitivity analysis: for each result, every input's low and
 * high end as its paired difference from the baseline (with its 95% interval), the inputs sorted
 * by how far apart their two ends put the result, widest on top.
 *
 * @module
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SensitivityDescription } from '../../experiment/sweep-description.js';
import type { ResultsFolder } from '../load-results.js';
import { toDisplay, type MetricDisplay } from '../metrics.js';
import { BASE_CONFIG, CHART_WIDTH, intervalTooltip, type ChartSection } from './common.js';
import { SWEEP_METRICS } from './sweep.js';

const END_COLOURS = { low: '#4e79a7', high: '#e15759' };

/** One bar: an input's end and its difference from the baseline. */
interface Bar {
  input: string;
  scenario: string;
  end: 'low' | 'high';
  value: string;
  mean: number;
  ciLow: number;
  ciHigh: number;
}

/** The tornado chart, or null when the run was not a sensitivity analysis. */
export function tornadoChart(r: ResultsFolder): ChartSection | null {
  const sensitivity = r.manifest.sensitivity as SensitivityDescription | undefined;
  if (!sensitivity || sensitivity.inputs.length === 0) return null;
  const metrics = SWEEP_METRICS.filter((m) => m.metric in r.summary.scenarios[0].metrics);
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    vconcat: metrics.map((m) => panel(r, sensitivity, m)),
    spacing: 26,
    config: BASE_CONFIG,
  } as TopLevelSpec;
  return {
    id: 'tornado',
    title: 'Sensitivity (tornado)',
    caption: `One input at a time set to its low and its high value, everything else as in ${r.summary.baseline}: each bar is the paired difference from ${r.summary.baseline} over the results window (mean over replications, with its 95% interval). Inputs are sorted by how far apart their two ends put the result, widest on top.`,
    spec,
  };
}

/** The bars of one result, inputs sorted by the distance between their ends (widest first). */
export function tornadoBars(r: ResultsFolder, sensitivity: SensitivityDescription, metric: MetricDisplay): Bar[] {
  const diff = (scenario: string) => r.summary.scenarios.find((s) => s.name === scenario)?.differences[metric.metric];
  const rows = sensitivity.inputs.map((input) => {
    const ends = (['low', 'high'] as const).map((end): Bar => {
      const scenario = end === 'low' ? input.lowScenario : input.highScenario;
      const d = diff(scenario);
      return {
        input: input.path,
        scenario,
        end,
        value: String(end === 'low' ? input.low : input.high),
        mean: toDisplay(d?.mean ?? NaN, metric.unit),
        ciLow: toDisplay(d?.ciLow ?? NaN, metric.unit),
        ciHigh: toDisplay(d?.ciHigh ?? NaN, metric.unit),
      };
    });
    return { swing: Math.abs(ends[1].mean - ends[0].mean), ends };
  });
  rows.sort((a, b) => b.swing - a.swing);
  return rows.flatMap((row) => row.ends);
}

function panel(r: ResultsFolder, sensitivity: SensitivityDescription, m: MetricDisplay) {
  const bars = tornadoBars(r, sensitivity, m);
  const order = [...new Set(bars.map((b) => b.input))];
  const y = { field: 'input', type: 'nominal' as const, sort: order, title: null, axis: { labelLimit: 320 } };
  const tooltip = intervalTooltip([['value', 'Value']], `Change in ${m.label}`, ',.4~r');
  const colour = {
    field: 'end',
    type: 'nominal' as const,
    title: 'End of the range',
    scale: { domain: ['low', 'high'], range: [END_COLOURS.low, END_COLOURS.high] },
    legend: { orient: 'bottom' as const },
  };
  return {
    title: `${m.label}: change from ${r.summary.baseline}`,
    data: { values: bars },
    width: CHART_WIDTH,
    height: { step: 22 },
    encoding: { y, yOffset: { field: 'end', type: 'nominal' as const, sort: ['low', 'high'] } },
    layer: [
      { mark: { type: 'bar' }, encoding: { x: { field: 'mean', type: 'quantitative', title: `Change in ${m.label}` }, x2: { datum: 0 }, color: colour, tooltip } },
      { mark: { type: 'rule', color: '#333' }, encoding: { x: { field: 'ciLow', type: 'quantitative' }, x2: { field: 'ciHigh' }, tooltip } },
      // Zero, the baseline, drawn on every row.
      { mark: { type: 'rule', color: '#444' }, encoding: { x: { datum: 0 } } },
    ],
  };
}
