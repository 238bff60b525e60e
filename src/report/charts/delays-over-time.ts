/**
 * Delayed patients over time: the medically optimised patients still in an acute bed, in all
 * and by the reason of their delay, as weekly means with 95% bands.
 *
 * @module
 */
import { periodIntervals, type DailyColumn, type DailyData } from '../daily.js';
import type { ResultsFolder } from '../load-results.js';
import { words } from '../metrics.js';
import { acuteSetting, baseModel, scenarioNames } from '../model-facts.js';
import { dateOfDay, type ChartSection } from './common.js';
import { NO_DAILY_NOTE, PERIOD_DAYS } from './occupancy.js';
import { timeBandSpec, type BandRow } from './time-bands.js';

/** The delays-over-time chart of a results folder. */
export function delaysOverTimeChart(r: ResultsFolder): ChartSection {
  const section = {
    id: 'delays-over-time',
    title: 'Delayed patients over time, by what they wait for',
    caption:
      'Medically optimised patients still in an acute bed at midnight (the NHS count), in all and by the reason of their delay: the discharge process, referral and assessment, or a place in (or the own assessment of) each service. The reasons add up to the total. Weekly means over the results window; shaded: the 95% confidence band over replications of one scenario, chosen in the list under the chart (at first the baseline, which the static picture always shows).',
  };
  if (!r.daily) return { ...section, spec: null, note: NO_DAILY_NOTE };
  const startDate = baseModel(r).startDate ?? '2000-01-01';
  const acute = acuteSetting(r);
  const from = r.summary.warmupDays;
  const panel =
    (label: string) =>
    (p: { scenario: string; day: number; mean: number; ciLow: number; ciHigh: number }): BandRow => ({
      panel: label,
      scenario: p.scenario,
      date: dateOfDay(startDate, p.day),
      mean: p.mean,
      // A count of people: an interval of a small mean can reach below zero, which says nothing.
      ciLow: Math.max(0, p.ciLow),
      ciHigh: p.ciHigh,
    });
  const onAcute = (column: DailyColumn) => periodIntervals(r.daily as DailyData, column, from, PERIOD_DAYS).filter((p) => p.setting === acute);
  const others = r.daily.settings.filter((s) => s !== acute);
  const awaited = periodIntervals(r.daily, 'awaitedFromHospital', from, PERIOD_DAYS);
  const rows: BandRow[] = [
    ...onAcute('delayed').map(panel(ALL_DELAYED)),
    ...onAcute('dischargeProcess').map(panel(PROCESS)),
    ...onAcute('assessment').map(panel(ASSESSMENT)),
    ...others.flatMap((setting) => awaited.filter((p) => p.setting === setting).map(panel(awaiting(setting)))),
  ];
  const panels = [ALL_DELAYED, PROCESS, ASSESSMENT, ...others.map(awaiting)];
  return { ...section, spec: timeBandSpec(rows, panels, scenarioNames(r), r.summary.baseline, 'Patients') };
}

const ALL_DELAYED = 'all delayed in an acute bed (medically optimised)';
const PROCESS = 'waiting for the discharge process';
const ASSESSMENT = 'waiting for referral and assessment';

function awaiting(setting: string): string {
  return `waiting for ${words(setting)}`;
}
