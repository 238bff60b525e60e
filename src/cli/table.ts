/**
 * The short table printed at the end of a run: key metrics per scenario, each with its 95%
 * confidence interval and its difference from the baseline.
 *
 * @module
 */
import type { ExperimentSummary } from '../experiment/summary.js';
import { metricsShownIn } from '../model/metrics/members.js';
import type { MetricUnit } from '../model/metrics/registry.js';
import { terminalLine } from './terminal-text.js';

/** The unit a terminal label names: values are printed as the replications report them. */
function unitSuffix(unit: MetricUnit): string {
  if (unit === 'GBP') return ' (GBP)';
  if (unit === 'days') return ' (days)';
  return '';
}

/** Metrics shown on the terminal, with their labels: those the metric registry places there. */
export const KEY_METRICS: [string, string][] = metricsShownIn('terminal').map((m) => [m.metric, `${m.label}${unitSuffix(m.declaration.unit)}`]);

/** Formats a number with about four significant figures. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return '-';
  const abs = Math.abs(x);
  if (abs >= 1000) return Math.round(x).toLocaleString('en-GB');
  if (abs >= 100) return x.toFixed(0);
  if (abs >= 1 || x === 0) return x.toFixed(2);
  // Three significant figures without an exponent: 0.0123, 0.000000418.
  return x.toFixed(Math.min(12, 2 - Math.floor(Math.log10(abs))));
}

/** The summary as aligned text, one block per metric, one row per scenario. */
export function renderTable(summary: ExperimentSummary, metrics: [string, string][] = KEY_METRICS): string {
  const rows: string[][] = [['metric', 'scenario', 'mean', '95% CI', `vs ${summary.baseline}`, '95% CI of difference']];
  for (const [metric, label] of metrics) {
    // No policy, no policy cost: a block of zeros would only be noise.
    if (metric === 'costPolicies' && summary.scenarios.every((s) => (s.metrics[metric]?.mean ?? 0) === 0)) continue;
    for (const s of summary.scenarios) {
      const m = s.metrics[metric];
      if (!m) continue;
      const d = s.differences[metric];
      rows.push([
        label,
        s.name,
        formatNumber(m.mean),
        `${formatNumber(m.ciLow)} to ${formatNumber(m.ciHigh)}`,
        d ? signed(d.mean) : '',
        d ? `${signed(d.ciLow)} to ${signed(d.ciHigh)}` : '',
      ]);
    }
  }
  // Names come from files (a summary.json given to compare, say): no escape sequence reaches the terminal.
  for (const row of rows) row.forEach((cell, c) => (row[c] = terminalLine(cell)));
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return (
    rows
      .map((r) =>
        r
          .map((cell, c) => cell.padEnd(widths[c]))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

function signed(x: number): string {
  const text = formatNumber(x);
  return x > 0 ? `+${text}` : text;
}
