/**
 * The daily series of daily.csv, and what the charts draw from them: weekly means with a 95%
 * confidence interval over replications, and the mean over replications day by day.
 *
 * @module
 */
import { splitCsvLine } from '../experiment/compare.js';
import { UsageProblem } from '../experiment/problems.js';
import { summarise } from '../experiment/statistics.js';
import { DAILY_COLUMNS } from '../model/observations.js';

/** One column of the daily series: occupancy, delayed (blocking) or queue, at midnight. */
export type DailyColumn = (typeof DAILY_COLUMNS)[number];

/** The contents of daily.csv. */
export interface DailyData {
  /** Setting names in the file's order. */
  settings: string[];
  /** Days in each series (the whole run, warm-up included). */
  days: number;
  /** Per scenario, each replication's series: values[day][s * columns + c]. */
  scenarios: Map<string, number[][][]>;
}

/**
 * Why a header is not this version's: a daily.csv of another careflow version (same first four
 * columns, other series) is named as such, with the columns it lacks or has beyond ours.
 */
function headerProblem(header: string, expected: string): string {
  const KEYS = 'scenario,replication,day,setting,';
  if (!header.startsWith(KEYS)) return `not a careflow daily.csv (expected the header "${expected}")`;
  const theirs = header.slice(KEYS.length).split(',');
  const missing = DAILY_COLUMNS.filter((c) => !theirs.includes(c));
  const extra = theirs.filter((c) => !(DAILY_COLUMNS as readonly string[]).includes(c));
  const differences = [missing.length > 0 ? `without ${missing.join(', ')}` : '', extra.length > 0 ? `with ${extra.join(', ')}` : ''].filter((d) => d !== '').join(' and ');
  return `written by another version of careflow (${differences || 'columns in another order'}); run the experiment again with this version to report it`;
}

/** Parses daily.csv (its `mean` rows are skipped: the report recomputes what it needs). */
export function parseDaily(text: string, file: string): DailyData {
  const lines = text.split('\n');
  const expected = ['scenario', 'replication', 'day', 'setting', ...DAILY_COLUMNS].join(',');
  const header = lines[0]?.trim() ?? '';
  if (header !== expected) throw new UsageProblem(`${file}: ${headerProblem(header, expected)}`);
  const columns = DAILY_COLUMNS.length;
  const settings: string[] = [];
  const settingIndex = new Map<string, number>();
  const raw = new Map<string, Map<string, number[][]>>();
  let days = 0;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') continue;
    // Most lines have no quoted field: a plain split is several times faster on a large file.
    const f = line.includes('"') ? splitCsvLine(line) : line.split(',');
    if (f.length !== 4 + columns) throw new UsageProblem(`${file}:${i + 1}: expected ${4 + columns} fields, got ${f.length}`);
    const [scenario, replication, dayText, setting] = f;
    if (replication === 'mean') continue;
    const day = Number(dayText);
    if (!Number.isInteger(day) || day < 0) throw new UsageProblem(`${file}:${i + 1}: day "${dayText}" is not a whole number`);
    let s = settingIndex.get(setting);
    if (s === undefined) {
      s = settings.length;
      settings.push(setting);
      settingIndex.set(setting, s);
    }
    let byReplication = raw.get(scenario);
    if (!byReplication) raw.set(scenario, (byReplication = new Map()));
    let series = byReplication.get(replication);
    if (!series) byReplication.set(replication, (series = []));
    const row = (series[day] ??= []);
    for (let c = 0; c < columns; c++) {
      const value = Number(f[4 + c]);
      if (!Number.isFinite(value)) throw new UsageProblem(`${file}:${i + 1}: ${DAILY_COLUMNS[c]} "${f[4 + c]}" is not a number`);
      row[s * columns + c] = value;
    }
    days = Math.max(days, day + 1);
  }
  const scenarios = new Map<string, number[][][]>();
  for (const [scenario, byReplication] of raw) scenarios.set(scenario, [...byReplication.values()]);
  return { settings, days, scenarios };
}

/** One point of a series over replications: mean and 95% confidence interval. */
export interface IntervalPoint {
  scenario: string;
  setting: string;
  /** First day (of the run) of the period. */
  day: number;
  mean: number;
  ciLow: number;
  ciHigh: number;
}

/**
 * Means over periods of `period` days from day `from`, for one column: each replication's
 * period mean, then their mean and 95% interval (replications are independent; days are not).
 * A last period shorter than half a period is left out, as too noisy to draw.
 */
export function periodIntervals(daily: DailyData, column: DailyColumn, from: number, period: number): IntervalPoint[] {
  const c = DAILY_COLUMNS.indexOf(column);
  const columns = DAILY_COLUMNS.length;
  const out: IntervalPoint[] = [];
  for (const [scenario, replications] of daily.scenarios) {
    daily.settings.forEach((setting, s) => {
      for (let start = from; start + period / 2 <= daily.days; start += period) {
        const end = Math.min(daily.days, start + period);
        const means = replications.map((series) => {
          let sum = 0;
          for (let d = start; d < end; d++) sum += series[d]?.[s * columns + c] ?? NaN;
          return sum / (end - start);
        });
        const m = summarise(means);
        // One replication has no interval: the band collapses onto the mean.
        out.push({ scenario, setting, day: start, mean: m.mean, ciLow: Number.isFinite(m.ciLow) ? m.ciLow : m.mean, ciHigh: Number.isFinite(m.ciHigh) ? m.ciHigh : m.mean });
      }
    });
  }
  return out;
}

/** The mean over replications, day by day, of one column of one scenario: [setting][day]. */
export function dailyMeans(daily: DailyData, scenario: string, column: DailyColumn): number[][] {
  const replications = daily.scenarios.get(scenario) ?? [];
  const c = DAILY_COLUMNS.indexOf(column);
  const columns = DAILY_COLUMNS.length;
  return daily.settings.map((_, s) =>
    Array.from({ length: daily.days }, (_, d) => replications.reduce((sum, series) => sum + (series[d]?.[s * columns + c] ?? NaN), 0) / replications.length),
  );
}
