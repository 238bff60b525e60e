/**
 * Occupancy over time per setting, each scenario's weekly mean in its 95% confidence band,
 * with the capacity drawn as a dashed line: where a setting runs full, and when.
 *
 * @module
 */
import { capacityOn } from '../capacity.js';
import { periodIntervals } from '../daily.js';
import type { ResultsFolder } from '../load-results.js';
import { words } from '../metrics.js';
import { baseModel, scenarioModel, scenarioNames } from '../model-facts.js';
import { dateOfDay, type ChartSection } from './common.js';
import { timeBandSpec, type BandRow } from './time-bands.js';

/** Days in each point of the charts over time. */
export const PERIOD_DAYS = 7;

/** A note for a chart left out because the run wrote no daily.csv. */
export const NO_DAILY_NOTE = 'Left out: this results folder has no daily.csv (the experiment set outputs.daily: false).';

/** The occupancy chart of a results folder. */
export function occupancyChart(r: ResultsFolder): ChartSection {
  const section = {
    id: 'occupancy',
    title: 'Occupancy over time',
    caption: `Places occupied at midnight in each setting, as weekly means over the results window (after the ${r.summary.warmupDays}-day warm-up), shaded: the 95% confidence band over replications of one scenario, chosen in the list under the chart (at first the baseline, which the static picture always shows). Dashed lines: capacity as run (weekly mean over replications: policies and capacity schedules change it). For a home-based setting counted in visits, both are visits per day.`,
  };
  if (!r.daily) return { ...section, spec: null, note: NO_DAILY_NOTE };
  const startDate = baseModel(r).startDate ?? '2000-01-01';
  // Capacity as run (policies and controllers change it), weekly means like the occupancy.
  const capacity = new Map(periodIntervals(r.daily, 'capacity', r.summary.warmupDays, PERIOD_DAYS).map((p) => [`${p.scenario}\u0000${p.setting}\u0000${p.day}`, p.mean]));
  const rows: BandRow[] = periodIntervals(r.daily, 'occupancy', r.summary.warmupDays, PERIOD_DAYS).map((p) => ({
    panel: words(p.setting),
    scenario: p.scenario,
    date: dateOfDay(startDate, p.day),
    mean: p.mean,
    ciLow: p.ciLow,
    ciHigh: p.ciHigh,
    capacity: capacity.get(`${p.scenario}\u0000${p.setting}\u0000${p.day}`) ?? capacityOn(scenarioModel(r, p.scenario).settings?.[p.setting]?.capacity, p.day, startDate),
  }));
  return { ...section, spec: timeBandSpec(rows, r.daily.settings.map(words), scenarioNames(r), r.summary.baseline, 'Places occupied') };
}
