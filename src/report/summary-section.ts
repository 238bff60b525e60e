/**
 * The summary a board reads first: for each scenario, in sentences generated from summary.json
 * and manifest.json, what it changes (old -> new), what that does to delays and costs and who
 * pays, each "from X to Y (difference D, 95% CI a to b)", and whether the difference stands
 * clear of run-to-run noise; then the caveats of the run. Every string from a file is escaped.
 *
 * @module
 */
import type { ScenarioSummary } from '../experiment/summary.js';
import { caveatsHtml } from './caveats.js';
import { escapeHtml } from './escape.js';
import type { ResultsFolder } from './load-results.js';
import { HEADLINE_METRICS, quantityText, type MetricDisplay } from './metrics.js';
import { scenarioChanges, valueText, type PolicyChange } from './model-changes.js';

/** The headline metrics the summary puts in words: delays, bed days, total cost, each payer's cost. */
export const SUMMARY_METRICS: readonly MetricDisplay[] = HEADLINE_METRICS.filter(
  (m) => ['delayedPatientsPerDay', 'delayedBedDays', 'costTotal'].includes(m.metric) || m.metric.startsWith('costByPayer.'),
);

/** At most this many changed values are listed; a sweep of many paths says how many more. */
const MAX_VALUES = 8;

/** The summary section's inner HTML. */
export function summaryHtml(r: ResultsFolder): string {
  const s = r.summary;
  const window = s.horizonDays - s.warmupDays;
  const baseline = s.scenarios.find((x) => x.name === s.baseline);
  const others = s.scenarios.filter((x) => x.name !== s.baseline);
  const intro = `<p>Each scenario below is compared with <strong>${escapeHtml(s.baseline)}</strong> over the ${window}-day results window, in ${s.replications} replications with the same people in every scenario (common random numbers). Intervals are 95% confidence intervals; a difference whose interval excludes zero stands clear of run-to-run noise.</p>`;
  const scenarios =
    baseline && others.length > 0
      ? others.map((x) => scenarioSummary(r, baseline, x)).join('\n')
      : '<p>The run has no scenario besides the baseline, so there is no difference to summarise.</p>';
  return `${intro}\n${scenarios}\n<h3>Caveats</h3>\n${caveatsHtml(r)}`;
}

function scenarioSummary(r: ResultsFolder, baseline: ScenarioSummary, scenario: ScenarioSummary): string {
  const description = scenario.description ? ` <span class="description">${escapeHtml(scenario.description)}</span>` : '';
  const effects = SUMMARY_METRICS.filter((m) => m.metric in scenario.metrics && m.metric in baseline.metrics).map((m) => `<li>${effectSentence(m, baseline, scenario)}</li>`);
  const saturated = (r.summary.saturation ?? []).filter((f) => f.scenario === scenario.name).map((f) => f.setting);
  const flag =
    saturated.length > 0
      ? `<p class="note warning">⚠ ${escapeHtml(saturated.join(', '))} saturated in this scenario (see the caveats): its numbers describe a system that cannot keep up, not a steady state.</p>`
      : '';
  return `<div class="scenario-summary" data-scenario="${escapeHtml(scenario.name)}">
<h3>${escapeHtml(scenario.name)}${description}</h3>
${flag}<p><strong>What changes.</strong> ${changesSentence(r, scenario.name)}</p>
<p><strong>What it does</strong> (mean over the window, ${escapeHtml(baseline.name)} to ${escapeHtml(scenario.name)}):</p>
<ul class="effects">${effects.join('')}</ul>
</div>`;
}

/** What a scenario changes, in words: each value old -> new, then each policy it adds. */
export function changesSentence(r: ResultsFolder, name: string): string {
  const { values, policies } = scenarioChanges(r, name);
  const parts = values.slice(0, MAX_VALUES).map((c) => {
    // A setting a policy adds is named with its description, not dumped field by field.
    const added = c.from === undefined && typeof (c.to as { description?: unknown } | null)?.description === 'string';
    if (added) return `<code>${escapeHtml(c.path)}</code> added (${escapeHtml((c.to as { description: string }).description)})`;
    return `<code>${escapeHtml(c.path)}</code> from ${escapeHtml(valueText(c.from))} to ${escapeHtml(valueText(c.to))}`;
  });
  if (values.length > MAX_VALUES) parts.push(`${values.length - MAX_VALUES} more model values (the assumptions section lists the scenario's changes)`);
  parts.push(...policies.map(policyPhrase));
  if (parts.length === 0) return `Nothing in the model differs from ${escapeHtml(r.summary.baseline)}: any difference below is run-to-run noise alone.`;
  return `${parts.join('; ')}.`;
}

function policyPhrase(p: PolicyChange): string {
  const ramp = p.rampDays > 0 ? `, phased in over ${p.rampDays} days` : '';
  const cost = p.runningCostPerYear > 0 ? `, running cost ${escapeHtml(quantityText(p.runningCostPerYear, 'money'))} a year` : '';
  const parameters = Object.entries(p.parameters ?? {}).map(([k, v]) => `${escapeHtml(k)} ${escapeHtml(valueText(v))}`);
  return `the policy <strong>${escapeHtml(p.policy)}</strong> from ${escapeHtml(typeof p.start === 'number' ? `day ${p.start}` : valueText(p.start))}${ramp}${cost}${parameters.length > 0 ? ` (${parameters.join(', ')})` : ''}`;
}

/**
 * One metric's effect: "Delayed bed days: from 30,500 to 29,100 (difference −1,400, 95% CI
 * −1,650 to −1,150), a fall clear of run-to-run noise."
 */
export function effectSentence(m: MetricDisplay, baseline: ScenarioSummary, scenario: ScenarioSummary): string {
  const from = baseline.metrics[m.metric].mean;
  const to = scenario.metrics[m.metric].mean;
  const d = scenario.differences[m.metric];
  const label = `<strong>${escapeHtml(m.plainLabel)}</strong>`;
  if (!d || !Number.isFinite(d.mean)) return `${label}: from ${escapeHtml(quantityText(from, m.unit))} to ${escapeHtml(quantityText(to, m.unit))} (no interval: too few replications).`;
  const diff = (v: number) => quantityText(v, m.unit, { signed: true, difference: true });
  const numbers = `from ${quantityText(from, m.unit)} to ${quantityText(to, m.unit)} (difference ${diff(d.mean)}, 95% CI ${diff(d.ciLow)} to ${diff(d.ciHigh)})`;
  return `${label}: ${escapeHtml(numbers)}, ${verdict(d)}.`;
}

/** Whether a paired difference stands clear of run-to-run noise, in words. */
export function verdict(d: { mean: number; ciLow: number; ciHigh: number }): string {
  if (d.ciLow > 0) return '<span class="verdict clear">a rise clear of run-to-run noise</span>';
  if (d.ciHigh < 0) return '<span class="verdict clear">a fall clear of run-to-run noise</span>';
  if (d.ciLow === 0 && d.ciHigh === 0) return '<span class="verdict">no change in any replication</span>';
  return '<span class="verdict">not clear of run-to-run noise (the interval includes zero)</span>';
}
