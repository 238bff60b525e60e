/**
 * The emergency arrival rate over time (base rate, day-of-week and month-of-year profiles, yearly
 * trend) and its peak over a run, the bound that arrivals are thinned against.
 *
 * @module
 */
import type { CompiledModel } from './compile.js';

/** Arrivals per day at time t: base rate times day-of-week and month profiles and the trend. */
export function arrivalRate(model: CompiledModel, t: number): number {
  const a = model.emergencyArrivals;
  let rate = a.perDay;
  if (a.dayOfWeek) rate *= a.dayOfWeek[model.calendar.dayOfWeek(t)];
  if (a.monthOfYear) rate *= a.monthOfYear[model.calendar.monthOf(t)];
  if (a.trendPerYear !== 0) rate *= Math.pow(1 + a.trendPerYear, model.calendar.yearsSinceStart(t));
  return rate;
}

/** The highest arrival rate in the first `horizonDays` days: the thinning bound. */
export function peakRate(model: CompiledModel, horizonDays: number): number {
  const a = model.emergencyArrivals;
  const trend = Math.max(1, Math.pow(1 + a.trendPerYear, horizonDays / 365.25));
  return a.perDay * Math.max(...(a.dayOfWeek ?? [1])) * Math.max(...(a.monthOfYear ?? [1])) * trend;
}
