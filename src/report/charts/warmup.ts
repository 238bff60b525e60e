/**
 * The warm-up chart: the baseline's daily occupancy, mean over replications, over the whole
 * run, with the warm-up used and the MSER-5 suggestion marked, to judge whether the results
 * window starts once the system has settled.
 *
 * @module
 */
import type { TopLevelSpec } from 'vega-lite';
import { firstPolicyDay, warmupSource, warmupSuggestion, type WarmupSuggestion } from '../../experiment/warmup.js';
import { dailyMeans } from '../daily.js';
import type { ResultsFolder } from '../load-results.js';
import { words } from '../metrics.js';
import { acuteSetting } from '../model-facts.js';
import { BASE_CONFIG, CHART_WIDTH, type ChartSection } from './common.js';
import { NO_DAILY_NOTE } from './occupancy.js';

/**
 * The MSER-5 suggestion from the baseline's daily occupancy, the same as the run's own hint
 * (every setting's mean occupancy, before the first policy starts); null without daily.csv.
 * `means` may pass the baseline's mean occupancy series if the caller has them already.
 */
export function baselineWarmupSuggestion(r: ResultsFolder, means?: number[][]): WarmupSuggestion | null {
  if (!r.daily) return null;
  const baseline = r.summary.baseline;
  const policies = r.summary.scenarios.find((s) => s.name === baseline)?.policies ?? [];
  return warmupSuggestion(r.daily.settings, acuteSetting(r) ?? r.daily.settings[0], means ?? dailyMeans(r.daily, baseline, 'occupancy'), firstPolicyDay(policies));
}

/** The warm-up chart of a results folder. */
export function warmupChart(r: ResultsFolder): ChartSection {
  const baseline = r.summary.baseline;
  const warmup = r.summary.warmupDays;
  const section = { id: 'warm-up', title: 'Warm-up' };
  if (!r.daily) return { ...section, caption: '', spec: null, note: NO_DAILY_NOTE };
  const daily = r.daily;
  const means = dailyMeans(daily, baseline, 'occupancy');
  const suggestion = baselineWarmupSuggestion(r, means);
  const suggested = suggestion?.days ?? 0;
  const values = daily.settings.flatMap((setting, s) => means[s].map((mean, day) => ({ panel: words(setting), day, mean })));
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    data: { values },
    facet: {
      row: { field: 'panel', type: 'nominal', sort: daily.settings.map(words), title: null, header: { labelAngle: 0, labelOrient: 'top', labelAnchor: 'start', labelFontWeight: 'bold' } },
    },
    spacing: 14,
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: CHART_WIDTH,
      height: 100,
      layer: [
        { mark: { type: 'rect', color: '#eee' }, encoding: { x: { datum: 0, type: 'quantitative' }, x2: { datum: warmup } } },
        {
          mark: { type: 'line', strokeWidth: 1.2, color: '#4e79a7' },
          encoding: {
            x: { field: 'day', type: 'quantitative', title: 'Day of the run', scale: { domain: [0, daily.days - 1], nice: false } },
            y: { field: 'mean', type: 'quantitative', title: 'Mean occupied', scale: { zero: false } },
          },
        },
        { mark: { type: 'rule', color: '#222', strokeWidth: 1.5 }, encoding: { x: { datum: warmup, type: 'quantitative' } } },
        { mark: { type: 'rule', color: '#c0392b', strokeDash: [5, 3], strokeWidth: 1.5 }, encoding: { x: { datum: suggested, type: 'quantitative' } } },
      ],
    },
    config: BASE_CONFIG,
  } as TopLevelSpec;
  return {
    ...section,
    caption: `${baseline}: places occupied at midnight in each setting, mean over the replications, day by day over the whole run. Grey: the warm-up of ${warmup} days, left out of every result (solid line: its end). Red dashed line: the MSER-5 suggestion, day ${suggested}${suggestion ? `, ${warmupSource(suggestion)} (every setting is tried and the longest wins)` : ''}. A warm-up long enough ends after the series has stopped drifting.`,
    spec,
  };
}
