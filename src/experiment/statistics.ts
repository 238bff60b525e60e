/**
 * Statistics across replications: mean, standard deviation, 95% Student-t confidence interval,
 * percentiles, and paired differences from a baseline under common random numbers.
 *
 * @module
 */
import { mean, quantile, sampleStandardDeviation } from 'simple-statistics';
import { tCriticalValue } from '../engine/theory/student-t.js';

/** Summary of one metric over replications. */
export interface MetricSummary {
  mean: number;
  sd: number;
  ciLow: number;
  ciHigh: number;
  p05: number;
  median: number;
  p95: number;
  n: number;
}

/** A difference from the baseline with its 95% confidence interval. */
export interface Difference {
  mean: number;
  ciLow: number;
  ciHigh: number;
}

/** The confidence level of every interval careflow reports. */
export const CONFIDENCE_LEVEL = 0.95;

/** Half-width of the 95% Student-t confidence interval of the mean (NaN for fewer than 2 values). */
export function halfWidth(values: readonly number[]): number {
  const finite = values.filter(Number.isFinite);
  if (finite.length < 2) return NaN;
  return (tCriticalValue(CONFIDENCE_LEVEL, finite.length - 1) * sampleStandardDeviation(finite)) / Math.sqrt(finite.length);
}

/** Summarises one metric's values over replications; non-finite values (NaN) are left out. */
export function summarise(values: readonly number[]): MetricSummary {
  const finite = values.filter(Number.isFinite);
  const n = finite.length;
  if (n === 0) return { mean: NaN, sd: NaN, ciLow: NaN, ciHigh: NaN, p05: NaN, median: NaN, p95: NaN, n };
  const m = mean(finite);
  const h = halfWidth(finite);
  return {
    mean: m,
    sd: n > 1 ? sampleStandardDeviation(finite) : NaN,
    ciLow: m - h,
    ciHigh: m + h,
    p05: quantile(finite, 0.05),
    median: quantile(finite, 0.5),
    p95: quantile(finite, 0.95),
    n,
  };
}

/**
 * Paired difference scenario - baseline, replication by replication. With common random
 * numbers the two runs of a replication share their arrivals and patients, so most of the
 * noise cancels and the interval is much narrower than an unpaired one.
 */
export function pairedDifference(scenario: readonly number[], baseline: readonly number[]): Difference {
  if (scenario.length !== baseline.length) throw new RangeError(`paired difference needs equal counts, got ${scenario.length} and ${baseline.length}`);
  const diffs = scenario.map((v, i) => v - baseline[i]).filter(Number.isFinite);
  if (diffs.length === 0) return { mean: NaN, ciLow: NaN, ciHigh: NaN };
  const m = mean(diffs);
  const h = halfWidth(diffs);
  return { mean: m, ciLow: m - h, ciHigh: m + h };
}

/**
 * Welch's unpaired difference (as if the runs were independent), for comparison with the
 * paired interval: what common random numbers save.
 */
export function unpairedDifference(scenario: readonly number[], baseline: readonly number[]): Difference {
  const a = scenario.filter(Number.isFinite);
  const b = baseline.filter(Number.isFinite);
  const va = sampleStandardDeviation(a) ** 2 / a.length;
  const vb = sampleStandardDeviation(b) ** 2 / b.length;
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  const m = mean(a) - mean(b);
  const h = tCriticalValue(CONFIDENCE_LEVEL, Number.isFinite(df) && df > 0 ? df : a.length + b.length - 2) * Math.sqrt(va + vb);
  return { mean: m, ciLow: m - h, ciHigh: m + h };
}

/**
 * MSER-5 warm-up suggestion (White 1997; White, Cobb and Spratt 2000): average the series in
 * batches of 5, then choose the truncation point d that minimises the squared standard error of
 * the mean of what remains, searching the first half of the series only.
 * Returns the suggested warm-up as a number of points of the original series.
 */
export function mser5(series: readonly number[]): number {
  const batches: number[] = [];
  for (let i = 0; i + 5 <= series.length; i += 5) batches.push((series[i] + series[i + 1] + series[i + 2] + series[i + 3] + series[i + 4]) / 5);
  const n = batches.length;
  if (n < 4) return 0;
  let best = 0;
  let bestValue = Infinity;
  for (let d = 0; d <= Math.floor(n / 2); d++) {
    const rest = batches.slice(d);
    const m = mean(rest);
    const ss = rest.reduce((acc, x) => acc + (x - m) ** 2, 0);
    const value = ss / rest.length ** 2;
    if (value < bestValue) {
      bestValue = value;
      best = d;
    }
  }
  return best * 5;
}
