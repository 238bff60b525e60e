/**
 * A plan-time estimate of what a run will need, so that a run that cannot fit is refused before
 * it starts (naming the field and the limit) rather than dying after hours with "Array buffer
 * allocation failed" or "Invalid string length", and a merely large one is warned about.
 *
 * What it counts, from the resolved scenarios alone (nothing is run):
 * - each replication's daily series, allocated in every worker whatever `outputs.daily` says:
 *   days x (settings x 7 columns + delay reasons) float64s;
 * - the people one replication simulates (arrivals x horizon): a system that cannot keep up
 *   holds them all in its queues (about 200 bytes each, measured);
 * - the results held until the end, from measured growth per metric and per daily row, against
 *   the V8 heap limit; and the text of replications.csv and daily.csv, each built as one
 *   string, which V8 caps at about 512 MiB.
 *
 * @module
 */
import { constants as bufferConstants } from 'node:buffer';
import { getHeapStatistics } from 'node:v8';
import { ConfigError, lineOfPath } from '../model/config-file.js';
import { compileModel } from '../model/compile.js';
import { DISCHARGE_STEP_REASONS } from '../model/delay-reasons.js';
import { expectedMetricNames, metricFactsOf } from '../model/metrics/members.js';
import { DAILY_COLUMNS } from '../model/observations.js';
import { UsageProblem } from './problems.js';
import type { LoadedExperiment, ResolvedScenario } from './scenario.js';

/** Most bytes of one replication's daily series (in each worker, even with daily output off): 256 MiB. */
export const MAX_SERIES_BYTES = 256 * 1024 * 1024;
/** Most people one replication may simulate: 100 million (England admits about 6 million a year as emergencies). */
export const MAX_ARRIVALS_PER_REPLICATION = 1e8;
/** Above this many people per replication a run is slow (minutes a replication): a warning. */
export const LARGE_ARRIVALS_PER_REPLICATION = 1e7;
/**
 * Memory a run grows by for each metric of each replication (kept until the end, and its row of
 * replications.csv): measured 70 KB a replication of the baseline's 167 metrics, daily output off.
 */
const BYTES_PER_METRIC = 420;
/**
 * Heap for each row of daily.csv while it is built: the row's text among the gathered rows, then
 * again in the joined file (2 x about 47 characters), and a string header. Measured growth of the
 * whole process is higher (2.46 MB a baseline replication of 3,650 rows: 670 bytes a row), but
 * that includes the daily series outside the heap and garbage not yet collected, and counting
 * it would refuse the shipped stroke-unit experiment, which runs.
 */
const BYTES_PER_DAILY_ROW = 150;
/** Characters of a replications.csv row beyond the scenario name (metric name, value; measured 44 in all). */
const REPLICATION_ROW_CHARS = 45;
/** Characters of a daily.csv row beyond the scenario and setting names (seven values; measured 39 and 47 in all). */
const DAILY_ROW_CHARS = 30;
/** Share of the heap a run may plan to use before it is refused, and before it is warned about. */
const HEAP_REFUSE_SHARE = 0.75;
const HEAP_WARN_SHARE = 0.3;
/** Share of V8's longest string a CSV may be estimated at before a warning (the estimate is within about 30%). */
const CSV_WARN_SHARE = 0.75;

/** Where a plan problem is: a field of the experiment file, or a flag. */
export interface PlanProblem {
  /** The field of the experiment file to blame (dotted), or a flag such as `--replications`. */
  field: string;
  /** Whether the field is a command-line flag rather than a field of the file. */
  flag: boolean;
  reason: string;
}

/** What the plan found: at most one refusal (the first), and warnings. */
export interface RunPlan {
  refusal?: PlanProblem;
  warnings: string[];
}

/** How many replications will run, and whether the number came from `--replications`. */
export interface PlannedReplications {
  replications: number;
  fromFlag: boolean;
}

/**
 * Checks that the run fits: returns the first refusal, if any, and warnings about a large run.
 * `heapLimit` is this process's V8 heap limit unless a test gives another.
 */
export function planRun(experiment: LoadedExperiment, planned: PlannedReplications, heapLimit = getHeapStatistics().heap_size_limit): RunPlan {
  const { config, scenarios } = experiment;
  const precisionMax = config.precision?.maxReplications ?? 0;
  const replications = Math.max(planned.replications, precisionMax);
  // A problem that grows with the replications is blamed on where their number came from when
  // that is the command line (the file was fine without it), else on the file's field.
  const replicationField = (fileField: string): Pick<PlanProblem, 'field' | 'flag'> =>
    precisionMax > planned.replications
      ? { field: 'precision.maxReplications', flag: false }
      : planned.fromFlag
        ? { field: '--replications', flag: true }
        : { field: fileField, flag: false };
  const days = Math.ceil(config.horizonDays);
  const warnings: string[] = [];

  const widest = maxBy(scenarios, (s) => s.model.settings.length);
  const series = days * (widest.model.settings.length * (DAILY_COLUMNS.length + 1) + 2 + DISCHARGE_STEP_REASONS.length) * 8;
  if (series > MAX_SERIES_BYTES) {
    const reason = `each replication keeps a daily series of ${size(series)} (${days} days x ${widest.model.settings.length} settings), at most ${size(MAX_SERIES_BYTES)}; shorten the horizon`;
    return { refusal: { field: 'horizonDays', flag: false, reason }, warnings };
  }

  const busiest = maxBy(scenarios, (s) => arrivalsPerDay(s, days));
  const people = arrivalsPerDay(busiest, days) * days;
  const perDayText = `${round(arrivalsPerDay(busiest, days))} arrivals a day x ${days} days`;
  if (people > MAX_ARRIVALS_PER_REPLICATION) {
    const reason = `scenario "${busiest.name}" would simulate about ${round(people)} people a replication (${perDayText}), at most ${round(MAX_ARRIVALS_PER_REPLICATION)}; lower arrivals.emergency.perDay or the horizon`;
    return { refusal: { field: 'horizonDays', flag: false, reason }, warnings };
  }
  if (people > LARGE_ARRIVALS_PER_REPLICATION) {
    warnings.push(`scenario "${busiest.name}" simulates about ${round(people)} people a replication (${perDayText}): expect minutes a replication, and gigabytes if they queue`);
  }

  const runs = scenarios.length * replications;
  const metrics = scenarios.reduce((n, s) => n + metricCount(s), 0) / scenarios.length;
  const csvs = [
    ...(config.outputs.replications ? [{ file: 'replications.csv', field: 'outputs.replications', rows: runs * metrics, chars: meanName(scenarios) + REPLICATION_ROW_CHARS }] : []),
    ...(config.outputs.daily
      ? [{ file: 'daily.csv', field: 'outputs.daily', rows: runs * days * widest.model.settings.length, chars: meanName(scenarios) + meanSettingName(widest) + DAILY_ROW_CHARS }]
      : []),
  ];
  const counted = `${plural(scenarios.length, 'scenario')} x ${plural(replications, 'replication')}`;
  for (const csv of csvs) {
    const text = csv.rows * csv.chars;
    if (text > bufferConstants.MAX_STRING_LENGTH) {
      const reason = `${csv.file} would be about ${size(text)} (${counted}), over the ${size(bufferConstants.MAX_STRING_LENGTH)} one file can be built in; set ${csv.field}: false, or run fewer replications or days`;
      return { refusal: { ...replicationField(csv.field), reason }, warnings };
    }
    if (text > CSV_WARN_SHARE * bufferConstants.MAX_STRING_LENGTH)
      warnings.push(`${csv.file} will be about ${size(text)} (${counted}), near the ${size(bufferConstants.MAX_STRING_LENGTH)} one file can be built in`);
  }
  const dailyRows = config.outputs.daily ? runs * days * widest.model.settings.length : 0;
  const heap = runs * metrics * BYTES_PER_METRIC + dailyRows * BYTES_PER_DAILY_ROW;
  if (heap > HEAP_REFUSE_SHARE * heapLimit) {
    const reason = `${counted} need about ${size(heap)} of memory for their results, over the ${size(HEAP_REFUSE_SHARE * heapLimit)} this process may use (${Math.round(HEAP_REFUSE_SHARE * 100)}% of its ${size(heapLimit)} heap); run fewer replications${csvs.length > 0 ? ' or turn off outputs.daily and outputs.replications' : ''}`;
    return { refusal: { ...replicationField('replications'), reason }, warnings };
  }
  if (heap > HEAP_WARN_SHARE * heapLimit) warnings.push(`${counted} need about ${size(heap)} of memory for their results (this process may use ${size(HEAP_REFUSE_SHARE * heapLimit)})`);
  return { warnings };
}

/** People a day arriving in a scenario over the run, on average (emergency, by its profiles and trend, and community). */
function arrivalsPerDay(scenario: ResolvedScenario, days: number): number {
  const { emergency, community } = scenario.model.config.arrivals;
  const mean = (factors: readonly number[] | undefined): number => (factors ? factors.reduce((a, b) => a + b, 0) / factors.length : 1);
  // The mean of (1 + trend)^years over the run.
  const years = days / 365.25;
  const growth = Math.log1p(emergency.trendPerYear) * years;
  const trend = Math.abs(growth) < 1e-9 ? 1 : Math.expm1(growth) / growth;
  return emergency.perDay * mean(emergency.dayOfWeek) * mean(emergency.monthOfYear) * trend + community.reduce((n, c) => n + c.perDay, 0);
}

function metricCount(scenario: ResolvedScenario): number {
  return expectedMetricNames(metricFactsOf(compileModel(scenario.model))).length;
}

function meanName(scenarios: readonly ResolvedScenario[]): number {
  return scenarios.reduce((n, s) => n + s.name.length, 0) / scenarios.length;
}

function meanSettingName(scenario: ResolvedScenario): number {
  return scenario.model.settings.reduce((n, s) => n + s.length, 0) / scenario.model.settings.length;
}

function maxBy<T>(items: readonly T[], value: (item: T) => number): T {
  return items.reduce((best, item) => (value(item) > value(best) ? item : best));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function size(bytes: number): string {
  if (bytes >= 2 ** 30) return `${(bytes / 2 ** 30).toFixed(1)} GB`;
  return `${Math.round(bytes / 2 ** 20)} MB`;
}

function round(n: number): string {
  return n >= 1e6 ? n.toExponential(1).replace('e+', 'e') : String(Math.round(n));
}

/**
 * {@link planRun} as the command line needs it: a refusal thrown as a ConfigError at the field's
 * line in the experiment file (or a UsageProblem naming the flag); the warnings returned.
 *
 * @throws ConfigError or UsageProblem if the run cannot fit.
 */
export function checkRunPlan(experiment: LoadedExperiment, planned: PlannedReplications): string[] {
  const { refusal, warnings } = planRun(experiment, planned);
  if (refusal === undefined) return warnings;
  if (refusal.flag) throw new UsageProblem(`${refusal.field} ${planned.replications}: ${refusal.reason}`);
  const path = refusal.field.split('.');
  throw new ConfigError(experiment.file, refusal.reason, { line: lineOfPath(experiment.file, path), field: refusal.field });
}
