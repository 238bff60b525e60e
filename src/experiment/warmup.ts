/**
 * The warm-up hint printed after a run: MSER-5 on the mean daily acute occupancy of a
 * scenario's replications.
 *
 * @module
 */
import { DAILY_COLUMNS } from '../model/observations.js';
import type { ResolvedScenario } from './scenario.js';
import { mser5 } from './statistics.js';

/** The warm-up (days) MSER-5 suggests from a scenario's daily series, or null without any. */
export function suggestedWarmup(scenario: ResolvedScenario, daily: (Float64Array | null)[]): number | null {
  const series = daily.filter((d): d is Float64Array => d !== null);
  if (series.length === 0) return null;
  // Policies may add settings, which the daily series then has too: the resolved model's list.
  const { settings } = scenario.model;
  const acute = settings.indexOf(scenario.model.acute);
  const width = settings.length * DAILY_COLUMNS.length;
  const days = series[0].length / width;
  const mean = Array.from({ length: days }, (_, d) => series.reduce((sum, v) => sum + v[d * width + acute * DAILY_COLUMNS.length], 0) / series.length);
  return mser5(mean);
}
