/**
 * The metrics the report puts in front of a reader, with their labels and units, and how
 * their values are written: the same wording in the table, the forest plot and the sweep. Which
 * metrics, in what order and with what label, is declared in the metric registry
 * (src/model/metrics/registry.ts).
 *
 * @module
 */
import { metricsShownIn, type MetricView } from '../model/metrics/members.js';
import type { MetricUnit } from '../model/metrics/registry.js';

/** How a metric's values are shown. */
export type Unit = 'count' | 'share' | 'money' | 'days';

/** A metric as the report shows it. */
export interface MetricDisplay {
  metric: string;
  /** Label, with the unit as the reader sees it (after {@link toDisplay}). */
  label: string;
  /** The label without its unit, for sentences ("Delayed bed days", "Paid by the NHS"). */
  plainLabel: string;
  unit: Unit;
}

/** How the report shows values of a registry unit: shares as percentages, GBP in millions. */
export function displayUnit(unit: MetricUnit): Unit {
  if (unit === 'share') return 'share';
  if (unit === 'GBP') return 'money';
  if (unit === 'days') return 'days';
  return 'count';
}

const UNIT_SUFFIX: Record<Unit, string> = { count: '', share: ' (%)', money: ' (£m)', days: ' (days)' };

/** The metrics the registry places in one of the report's lists, with their labels and units. */
export function reportMetrics(view: Exclude<MetricView, 'terminal'>): MetricDisplay[] {
  return metricsShownIn(view).map((m) => {
    const unit = displayUnit(m.declaration.unit);
    return { metric: m.metric, label: `${m.label}${UNIT_SUFFIX[unit]}`, plainLabel: m.label, unit };
  });
}

/** The headline metrics (issue: delays, bed days, occupancy, admission waits, costs by payer). */
export const HEADLINE_METRICS: MetricDisplay[] = reportMetrics('headline');

/** The metrics of the forest plot: the headline ones and the fit-to-discharge wait. */
export const FOREST_METRICS: MetricDisplay[] = reportMetrics('forest');

/** A value in the unit of its label: shares as percentages, money in millions of pounds. */
export function toDisplay(value: number, unit: Unit): number {
  if (unit === 'share') return value * 100;
  if (unit === 'money') return value / 1e6;
  return value;
}

/** A display value as text with about three significant figures, thousands separated. */
export function formatDisplay(value: number, signed = false): string {
  if (!Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  const text = value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return signed && value > 0 ? `+${text}` : text.replace('-', '−');
}

/**
 * A value with its unit, for sentences: `£12.3m`, `−£0.31m`, `93.1%`, `4.20 days`, `84.2`. A
 * difference of shares is in percentage points. Numbers as {@link formatDisplay} writes them.
 */
export function quantityText(value: number, unit: Unit, options: { signed?: boolean; difference?: boolean } = {}): string {
  const text = formatDisplay(toDisplay(value, unit), options.signed);
  if (text === '–') return text;
  if (unit === 'money') {
    const sign = /^[+−]/.test(text) ? text[0] : '';
    return `${sign}£${text.slice(sign.length)}m`;
  }
  if (unit === 'share') return options.difference ? `${text} percentage points` : `${text}%`;
  if (unit === 'days') return `${text} days`;
  return text;
}

/** A camelCase name as words: `intermediateCareBeds` → `intermediate care beds`. */
export function words(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** What a delay reason means, in words (`awaitingCareHome` → `awaiting care home`). */
export function reasonLabel(reason: string): string {
  if (reason === 'dischargeProcess') return 'discharge process (P0)';
  if (reason === 'assessment') return 'referral and assessment';
  return words(reason);
}

/** Discharge pathways as the NHS hospital discharge guidance names them. */
export const PATHWAY_LABELS: Record<string, string> = {
  P0: 'P0 home, no new support',
  P1: 'P1 home with support',
  P2: 'P2 bedded intermediate care',
  P3: 'P3 care home',
};

/** The members of a metric family present in a summary, e.g. `costByPayer` → nhs, council, ... */
export function familyMembers(metrics: Record<string, unknown>, family: string): string[] {
  return Object.keys(metrics)
    .filter((m) => m.startsWith(`${family}.`))
    .map((m) => m.slice(family.length + 1));
}
