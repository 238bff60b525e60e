/**
 * Delayed patients over time: the medically optimised patients still in an acute bed, and
 * how many wait for a place in each downstream service, as weekly means with 95% bands.
 *
 * @module
 */
import { periodIntervals } from '../daily.js';
import type { ResultsFolder } from '../load-results.js';
import { words } from '../metrics.js';
import { acuteSetting, baseModel, scenarioNames } from '../model-facts.js';
import { dateOfDay, type ChartSection } from './common.js';
import { NO_DAILY_NOTE, PERIOD_DAYS } from './occupancy.js';
import { timeBandSpec, type BandRow } from './time-bands.js';

/** The label of the acute panel. */
const IN_HOSPITAL = 'delayed in an acute bed (medically optimised)';

/** The delays-over-time chart of a results folder. */
export function delaysOverTimeChart(r: ResultsFolder): ChartSection {
  const section = {
    id: 'delays-over-time',
    title: 'Delayed patients over time, and what they wait for',
    caption:
      'Top: medically optimised patients still in an acute bed at midnight (the NHS count). Below: everyone waiting for a place in each service (from hospital, from another service or from the community), which is the "awaiting <service>" reason of a delay. Weekly means over the results window; shaded: the 95% confidence band over replications of one scenario, chosen in the list under the chart (at first the baseline, which the static picture always shows).',
    note: 'daily.csv records delays per setting, not per reason: the delays for the discharge process and for referral and assessment are inside the acute total. Their split over the whole window is in the bed-days chart below.',
  };
  if (!r.daily) return { ...section, spec: null, note: NO_DAILY_NOTE };
  const startDate = baseModel(r).startDate ?? '2000-01-01';
  const acute = acuteSetting(r);
  const label = (setting: string): string => (setting === acute ? IN_HOSPITAL : `waiting for ${words(setting)}`);
  const rows: BandRow[] = [
    ...periodIntervals(r.daily, 'delayed', r.summary.warmupDays, PERIOD_DAYS).filter((p) => p.setting === acute),
    ...periodIntervals(r.daily, 'queue', r.summary.warmupDays, PERIOD_DAYS).filter((p) => p.setting !== acute),
  ].map((p) => ({ panel: label(p.setting), scenario: p.scenario, date: dateOfDay(startDate, p.day), mean: p.mean, ciLow: p.ciLow, ciHigh: p.ciHigh }));
  const panels = [...r.daily.settings.filter((s) => s === acute), ...r.daily.settings.filter((s) => s !== acute)].map(label);
  return { ...section, spec: timeBandSpec(rows, panels, scenarioNames(r), r.summary.baseline, 'People') };
}
