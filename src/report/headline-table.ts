/**
 * The headline table: per scenario, the key metrics with their 95% confidence intervals and
 * the difference from the baseline, as HTML (every name escaped).
 *
 * @module
 */
import { escapeHtml } from './escape.js';
import type { ResultsFolder } from './load-results.js';
import { formatDisplay, HEADLINE_METRICS, toDisplay, type MetricDisplay } from './metrics.js';

/**
 * The headline as two HTML tables, delays then costs: eight columns in one table do not fit
 * a page, and a board reads the two questions apart.
 */
export function headlineTables(r: ResultsFolder): string {
  const present = HEADLINE_METRICS.filter((m) => m.metric in r.summary.scenarios[0].metrics);
  return [
    `<h3>Delays, occupancy and admission waits</h3>\n${table(
      r,
      present.filter((m) => m.unit !== 'money'),
    )}`,
    `<h3>Costs over the results window, and who pays</h3>\n${table(
      r,
      present.filter((m) => m.unit === 'money'),
    )}`,
  ].join('\n');
}

function table(r: ResultsFolder, metrics: MetricDisplay[]): string {
  const head = metrics.map((m) => `<th scope="col">${escapeHtml(m.label)}</th>`).join('');
  const saturatedSettings = new Map<string, string[]>();
  for (const f of r.summary.saturation ?? []) saturatedSettings.set(f.scenario, [...(saturatedSettings.get(f.scenario) ?? []), f.setting]);
  const rows = r.summary.scenarios.map((s) => {
    const isBaseline = s.name === r.summary.baseline;
    const cells = metrics.map((m) => {
      const v = s.metrics[m.metric];
      const d = s.differences[m.metric];
      const value = `<span class="value">${formatDisplay(toDisplay(v.mean, m.unit))}</span><span class="ci">${interval(v.ciLow, v.ciHigh, m.unit)}</span>`;
      if (isBaseline || !d) return `<td>${value}${isBaseline ? '<span class="diff base">baseline</span>' : ''}</td>`;
      // A difference whose interval excludes zero is one the replications can tell from noise.
      const clear = d.ciLow > 0 || d.ciHigh < 0;
      const diff = `<span class="diff${clear ? ' clear' : ''}">${formatDisplay(toDisplay(d.mean, m.unit), true)} ${interval(d.ciLow, d.ciHigh, m.unit, true)}</span>`;
      return `<td>${value}${diff}</td>`;
    });
    const description = s.description ? `<span class="description">${escapeHtml(s.description)}</span>` : '';
    const saturated = saturatedSettings.get(s.name);
    const flag = saturated
      ? `<span class="saturated-flag" title="saturated: ${escapeHtml(saturated.join(', '))} (see the warning above)">⚠ saturated: ${escapeHtml(saturated.join(', '))}</span>`
      : '';
    const classes = [isBaseline ? 'baseline' : '', saturated ? 'saturated' : ''].filter(Boolean).join(' ');
    return `<tr${classes ? ` class="${classes}"` : ''} data-scenario="${escapeHtml(s.name)}"><th scope="row"><span class="scenario-name">${escapeHtml(s.name)}</span>${flag}${description}</th>${cells.join('')}</tr>`;
  });
  return `<div class="table-wrap"><table class="headline">
<thead><tr><th scope="col">Scenario</th>${head}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>`;
}

function interval(low: number, high: number, unit: Parameters<typeof toDisplay>[1], signed = false): string {
  return `[${formatDisplay(toDisplay(low, unit), signed)}, ${formatDisplay(toDisplay(high, unit), signed)}]`;
}
