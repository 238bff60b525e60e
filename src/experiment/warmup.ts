/**
 * The warm-up hint printed after a run and drawn in the report: MSER-5 on the mean daily
 * occupancy of every setting of the baseline, the longest suggestion winning and named.
 *
 * Every setting, not only the acute one: home-care packages and care-home residents stay for
 * years, so their stocks can still be filling long after acute occupancy has settled, and a
 * warm-up that suits the hospital leaves the results window drifting. And only the days before
 * the baseline's first policy starts: a policy switched on mid-run starts a new transient, which
 * MSER-5 would otherwise read as warm-up (a policy from day 365 made it suggest 390 days).
 *
 * @module
 */
import { DAILY_COLUMNS } from '../model/observations.js';
import type { ResolvedScenario } from './scenario.js';
import { mser5 } from './statistics.js';

/** What MSER-5 suggests, and from which setting. */
export interface WarmupSuggestion {
  /** The suggested warm-up in days: the longest of any setting's. */
  days: number;
  /** The setting whose occupancy needs it. */
  setting: string;
  /** The acute setting, and its own suggestion. */
  acute: string;
  acuteDays: number;
  /** The day the series was cut at (the first policy's start), or null when it was used whole. */
  cutAt: number | null;
  /**
   * The suggestion is the most MSER-5 can give for this series (it searches the first half
   * only): the series may still be drifting at the end, so a longer run is the way to know.
   */
  atLimit: boolean;
}

/**
 * MSER-5 on each setting's mean daily occupancy (`means[s][day]`, in the order of `settings`),
 * on the days before `firstPolicyDay` when a policy starts mid-run. Settings with any missing
 * day are skipped. Null when no setting has a series.
 */
export function warmupSuggestion(settings: readonly string[], acute: string, means: readonly (readonly number[])[], firstPolicyDay: number | null): WarmupSuggestion | null {
  const length = Math.max(0, ...means.map((m) => m.length));
  const cutAt = firstPolicyDay !== null && firstPolicyDay > 0 && firstPolicyDay < length ? firstPolicyDay : null;
  let best: WarmupSuggestion | null = null;
  let acuteDays = 0;
  settings.forEach((setting, s) => {
    const series = cutAt === null ? means[s] : means[s].slice(0, cutAt);
    if (series.length === 0 || !series.every(Number.isFinite)) return;
    const days = mser5(series);
    if (setting === acute) acuteDays = days;
    // Ties go to the acute setting, the one readers expect, then to the first in order.
    const limit = Math.floor(Math.floor(series.length / 5) / 2) * 5;
    if (best === null || days > best.days || (days === best.days && setting === acute)) best = { days, setting, acute, acuteDays: 0, cutAt, atLimit: days > 0 && days >= limit };
  });
  return best === null ? null : { ...(best as WarmupSuggestion), acuteDays };
}

/** The suggestion from a scenario's daily series (one per replication), or null without any. */
export function suggestedWarmup(scenario: ResolvedScenario, daily: (Float64Array | null)[]): WarmupSuggestion | null {
  const series = daily.filter((d): d is Float64Array => d !== null);
  if (series.length === 0) return null;
  // Policies may add settings, which the daily series then has too: the resolved model's list.
  const { settings } = scenario.model;
  const width = settings.length * DAILY_COLUMNS.length;
  const days = series[0].length / width;
  const occupancy = DAILY_COLUMNS.indexOf('occupancy');
  const means = settings.map((_, s) => Array.from({ length: days }, (_, d) => series.reduce((sum, v) => sum + v[d * width + s * DAILY_COLUMNS.length + occupancy], 0) / series.length));
  return warmupSuggestion(settings, scenario.model.acute, means, firstPolicyDay(scenario.model.policies));
}

/** The earliest start of any of these policies (a day of the run), or null with none. */
export function firstPolicyDay(policies: readonly { startDay: number }[]): number | null {
  return policies.length === 0 ? null : Math.min(...policies.map((p) => p.startDay));
}

/** The hint in words, e.g. "MSER-5 suggests 120 days from mean careHome occupancy (acute alone: 30)". */
export function describeWarmup(s: WarmupSuggestion): string {
  return `MSER-5 suggests ${s.days} days ${warmupSource(s)}`;
}

/** Where a suggestion comes from, e.g. "from mean careHome occupancy (acute alone: 30)". */
export function warmupSource(s: WarmupSuggestion): string {
  const driver = s.setting === s.acute ? `from mean ${s.acute} occupancy` : `from mean ${s.setting} occupancy (${s.acute} alone: ${s.acuteDays})`;
  const cut = s.cutAt === null ? driver : `${driver} on days 0-${s.cutAt - 1}, before the first policy starts`;
  return s.atLimit ? `${cut}, the most it can suggest from this run: that setting may still be drifting at the end, so run longer (horizonDays) to know` : cut;
}
