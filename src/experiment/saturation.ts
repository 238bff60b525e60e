/**
 * Saturation and instability, detected from the replications and said: a results table of a
 * system that cannot keep up describes a run-up, not a steady state, and can look better than a
 * working one (700 acute beds instead of 880 "cut" delayed discharges, because thousands wait
 * outside to be admitted). Two findings, per scenario and setting:
 *
 * - **full**: the acute setting full (every bed in use, or someone waiting for one) at
 *   {@link ACUTE_FULL_SHARE} or more of the results window's midnights, so people wait for
 *   admission on most days. Settings downstream are not flagged for being full: in England's
 *   care markets they run full with people waiting (the delays this model is calibrated to), and a
 *   wait that stays bounded is a result, not a breakdown.
 * - **growing**: the number waiting for a place trends upward through the window: the 95%
 *   interval of the mean least-squares slope over replications lies above zero, and the growth
 *   over the window is at least {@link MIN_GROWTH_PEOPLE} people and
 *   {@link MIN_GROWTH_SHARE} of the people in the setting. The second test keeps a drift too small
 *   to matter (a warm-up a little short, say) from being called instability once many
 *   replications make every interval narrow.
 *
 * @module
 */
import type { MetricSummary } from './statistics.js';

/** Share of midnights at which a full acute setting is flagged. */
export const ACUTE_FULL_SHARE = 0.5;
/** Least growth of a queue over the results window, in people, to be flagged. */
export const MIN_GROWTH_PEOPLE = 10;
/** Least growth of a queue over the window relative to the mean number in the setting. */
export const MIN_GROWTH_SHARE = 0.05;

/** One scenario and setting found saturated or unstable (as summary.json records it). */
export interface SaturationFinding {
  scenario: string;
  setting: string;
  /** The acute setting was full on most midnights. */
  full: boolean;
  /** Its queue grows through the window. */
  growing: boolean;
  /** Mean share of the window's midnights at which it was full. */
  fullShare: number;
  /** Mean slope of its midnight queue (people per year) with the 95% interval. */
  queueTrendPerYear: { mean: number; ciLow: number; ciHigh: number };
  /** Mean queue (people waiting, time-weighted). */
  meanQueue: number;
}

/** What the finder needs of a scenario: its name, its settings (as a resolved model names them) and metric summaries. */
export interface ScenarioForSaturation {
  name: string;
  model: { readonly settings: readonly string[]; readonly acute: string };
  metrics: Record<string, MetricSummary>;
}

/** Every saturated or unstable scenario and setting, in scenario then setting order. */
export function saturationFindings(scenarios: readonly ScenarioForSaturation[], windowDays: number): SaturationFinding[] {
  const findings: SaturationFinding[] = [];
  for (const scenario of scenarios) {
    for (const setting of scenario.model.settings) {
      const m = (family: string): MetricSummary | undefined => scenario.metrics[`${family}.${setting}`];
      const fullShare = m('fullShare')?.mean ?? 0;
      const trend = m('queueTrendPerYear');
      if (trend === undefined) continue;
      // The people in the setting: clients for a setting counted in visits, else places in use.
      const inSetting = (m('clients') ?? m('occupancy'))?.mean ?? 0;
      const growth = (trend.mean * windowDays) / 365;
      const growing = trend.ciLow > 0 && growth >= Math.max(MIN_GROWTH_PEOPLE, MIN_GROWTH_SHARE * inSetting);
      const full = setting === scenario.model.acute && fullShare >= ACUTE_FULL_SHARE;
      if (!full && !growing) continue;
      findings.push({
        scenario: scenario.name,
        setting,
        full,
        growing,
        fullShare,
        queueTrendPerYear: { mean: trend.mean, ciLow: trend.ciLow, ciHigh: trend.ciHigh },
        meanQueue: m('meanQueue')?.mean ?? 0,
      });
    }
  }
  return findings;
}

/** Lines at most printed on stderr; summary.json lists every finding. */
const MAX_LINES = 10;

/** The warning lines for stderr and the report (none when nothing is saturated). */
export function saturationWarnings(findings: readonly SaturationFinding[]): string[] {
  const lines = findings.slice(0, MAX_LINES).map(describeFinding);
  if (findings.length > MAX_LINES) lines.push(`${findings.length - MAX_LINES} more saturated scenario-setting pairs: summary.json lists them under "saturation"`);
  return lines;
}

/** One finding in words. */
export function describeFinding(f: SaturationFinding): string {
  const parts: string[] = [];
  if (f.full) parts.push(`full at ${percent(f.fullShare)} of midnights (people wait to be admitted)`);
  if (f.growing) {
    const t = f.queueTrendPerYear;
    parts.push(`queue growing by ${whole(t.mean)} people a year (95% CI ${whole(t.ciLow)} to ${whole(t.ciHigh)}; mean queue ${whole(f.meanQueue)})`);
  }
  const reading = f.growing
    ? 'it cannot keep up, or the warm-up is too short: the results describe a run-up, not a steady state'
    : 'the delays and costs leave out the people waiting outside';
  return `scenario "${f.scenario}": ${f.setting} saturated: ${parts.join(', ')}; ${reading}`;
}

function percent(share: number): string {
  return `${Math.round(100 * share)}%`;
}

function whole(x: number): string {
  return Math.round(x).toLocaleString('en-GB');
}
