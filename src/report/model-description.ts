/**
 * The model description, item by item of STRESS-DES (stress-items.ts), generated from the
 * results folder: the experiment and models as run (manifest.json), the results (summary.json)
 * and what careflow itself is (its engine, statistics and licence). Items 1-2 (objectives and
 * logic) are here; items 3-6 (data, experimentation, implementation, sharing) are in
 * model-description-run.ts. Every string from a file is escaped.
 *
 * @module
 */
import { metricsShownIn } from '../model/metrics/members.js';
import { policyByName } from '../model/policies/registry.js';
import { escapeHtml } from './escape.js';
import type { InlineLibrary } from './inline-libraries.js';
import type { ResultsFolder } from './load-results.js';
import { formatDisplay } from './metrics.js';
import { modelDiagramSvg } from './model-diagram.js';
import { runItems } from './model-description-run.js';
import { changesSentence } from './summary-section.js';
import { STRESS_DES } from './stress-items.js';

/** A model as manifest.json stores it, through the fields the description reads. */
export interface DescribedModel {
  name?: string;
  description?: string;
  startDate?: string;
  population?: number;
  limits?: string[];
  arrivals?: { emergency?: { perDay?: number }; community?: { perDay?: number; to?: string }[] };
  admission?: { maxWaitDays?: number | null };
  caseMix?: { name: string; share: number; acuteLengthOfStay?: { type?: string; mean?: number } }[];
  pathways?: Record<string, { to?: string; assessment?: boolean }>;
  discharge?: { steps?: { reason?: string }[]; process?: unknown; reviewWindow?: unknown };
  settings?: Record<
    string,
    {
      kind?: string;
      description?: string;
      capacity?: unknown;
      visitsPerDay?: { initial: number; final: number };
      lengthOfStay?: { mean?: number };
      next?: { to: string; probability: number }[];
      whileWaiting?: unknown;
    }
  >;
  warmStart?: Record<string, { occupied: number; waiting?: number }>;
  spotBudgetPerYear?: Record<string, number>;
}

/** The base model of a results folder, as the description reads it. */
export function describedModel(r: ResultsFolder): DescribedModel {
  return (r.manifest.model ?? {}) as DescribedModel;
}

/** The model-description section's inner HTML: every STRESS-DES item, numbered. */
export function modelDescriptionHtml(r: ResultsFolder, libraries: InlineLibrary[]): string {
  const content: Record<string, string> = { ...logicItems(r), ...runItems(r, libraries) };
  const sections = STRESS_DES.map(
    (s) =>
      `<h3>${escapeHtml(s.section)}</h3>\n${s.items
        .map(
          (i) =>
            `<div class="stress-item" id="stress-${i.number.replace(/\./g, '-')}" data-item="${i.number}"><h4><span class="item-number">${i.number}</span> ${escapeHtml(i.name)}</h4>\n${content[i.number] ?? '<p>Not reported.</p>'}</div>`,
        )
        .join('\n')}`,
  );
  return `<p class="caption">The model and the run described item by item of STRESS-DES (Monks et al. 2019, "Strengthening the reporting of empirical simulation studies: introducing the STRESS guidelines", Journal of Simulation 13(1), 55-67), generated from this results folder.</p>\n${sections.join('\n')}`;
}

function list(items: string[]): string {
  return items.length === 0 ? '<p>None.</p>' : `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
}

/** Items 1 and 2: objectives and logic. */
function logicItems(r: ResultsFolder): Record<string, string> {
  const m = describedModel(r);
  const experiment = (r.manifest.experiment ?? {}) as { objectives?: unknown; description?: unknown };
  const settings = m.settings ?? {};
  const acute = Object.keys(settings).find((s) => settings[s]?.kind === 'acute') ?? 'acute';
  const objectives = typeof experiment.objectives === 'string' && experiment.objectives !== '' ? experiment.objectives : null;
  const purpose = `<p>${escapeHtml(objectives ?? `The experiment file states no objectives; its description: ${String(experiment.description || r.summary.experiment)}`)}</p><p>The model: ${escapeHtml(m.description ?? m.name ?? r.summary.model)}</p>`;
  const outputs = list(metricsShownIn('headline').map((d) => `<strong>${escapeHtml(d.label)}</strong> (<code>${escapeHtml(d.metric)}</code>): ${escapeHtml(d.declaration.description)}`));
  const s = r.summary;
  const scenarios = list(
    s.scenarios.map((x) => `<strong>${escapeHtml(x.name)}</strong>${x.name === s.baseline ? ' (baseline)' : ''}${x.description ? `: ${escapeHtml(x.description)}` : ''}`),
  );
  const sweep = r.manifest.sweep ? '<p>A sweep: a grid of values of the varied model paths around one scenario, each point a scenario (the sweep section names the points).</p>' : '';
  const pathways = Object.entries(m.pathways ?? {}).map(([p, x]) => `${escapeHtml(p)} to ${escapeHtml(x.to ?? 'home')}${x.assessment === false ? ' (no assessment)' : ''}`);
  const routes = Object.entries(settings)
    .filter(([, x]) => (x.next ?? []).length > 0)
    .map(([name, x]) => `${escapeHtml(name)}: ${(x.next ?? []).map((n) => `${escapeHtml(n.to)} ${escapeHtml(Math.round(100 * n.probability))}%`).join(', ')}`);
  const community = (m.arrivals?.community ?? []).map((c) => `${escapeHtml(formatDisplay(c.perDay ?? 0))} a day to ${escapeHtml(c.to ?? '?')}`);
  const logic = `<p>People arrive as emergency admissions (${escapeHtml(formatDisplay(m.arrivals?.emergency?.perDay ?? 0))} a day on average, with weekday, month and trend profiles${community.length > 0 ? `) and as step-up referrals from the community (${community.join('; ')}` : ''}). An admission takes a bed in <code>${escapeHtml(acute)}</code> or waits for one${m.admission?.maxWaitDays != null ? ` (diverted after ${escapeHtml(m.admission.maxWaitDays)} days)` : ''}. After the clinical stay the patient is medically optimised and leaves by a discharge pathway: ${pathways.join('; ')}. P0 waits for the ward's discharge work; P1-P3 wait for referral and assessment in working hours, then for a place in the next setting, holding the acute bed meanwhile (a delayed discharge, recorded by reason). Each later setting, when its stay ends, routes people on:</p>${list(routes)}`;
  const scenarioLogic = list(s.scenarios.filter((x) => x.name !== s.baseline).map((x) => `<strong>${escapeHtml(x.name)}</strong>: ${changesSentence(r, x.name)}`));
  const entities = list(
    (m.caseMix ?? []).map(
      (g) =>
        `<strong>${escapeHtml(g.name)}</strong>: ${escapeHtml(Math.round(100 * g.share))}% of admissions, clinical stay ${escapeHtml(g.acuteLengthOfStay?.type ?? '?')}${g.acuteLengthOfStay?.mean !== undefined ? ` with mean ${escapeHtml(formatDisplay(g.acuteLengthOfStay.mean))} days` : ''}`,
    ),
  );
  const resources = list(
    Object.entries(settings).map(
      ([name, x]) =>
        `<strong>${escapeHtml(name)}</strong> (${escapeHtml(x.kind ?? '?')}${x.visitsPerDay ? ', counted in visits per day' : ''}): capacity ${escapeHtml(capacityText(x.capacity))}${x.description ? `; ${escapeHtml(x.description)}` : ''}`,
    ),
  );
  return {
    '1.1': purpose,
    '1.2': `<p>Per replication, over the results window (after the warm-up), among others:</p>${outputs}<p>Each is averaged over replications with a 95% Student-t confidence interval; each scenario's difference from the baseline is the mean of the paired differences (the same people in both) with its own Student-t interval. <code>careflow list metrics</code> lists every metric in summary.json.</p>`,
    '1.3': `<p>Scenario-based analysis: each scenario is compared with <strong>${escapeHtml(s.baseline)}</strong>.</p>${scenarios}${sweep}`,
    '2.1': `<figure class="model-diagram">${modelDiagramSvg(m)}<figcaption>Settings of the model ${escapeHtml(m.name ?? '')} and the routes between them, drawn from the model as run. The labels on the edges out of ${escapeHtml(acute)} are the discharge pathways; the shares of each later setting's routes are listed under 2.2.</figcaption></figure>`,
    '2.2': logic,
    '2.3': `<p>What each scenario changes against the baseline, read from the models as run:</p>${scenarioLogic}`,
    '2.4': list(algorithms(r)),
    '2.5.1': `<p>Patients, each sampled once at arrival from the case mix (clinical length of stay, discharge pathway need, later lengths of stay and outcomes) from their own random stream:</p>${entities}`,
    '2.5.2': `<p>The clinical stay in ${escapeHtml(acute)}; the senior review that declares a patient medically optimised${m.discharge?.reviewWindow ? ' (in its review hours)' : ''}; the ward's discharge work (${escapeHtml((m.discharge?.steps ?? []).map((x) => x.reason ?? '?').join(', ') || 'one process')}); referral and assessment for P1-P3 in working hours; providers' own assessments where set; and each later setting's stay (${escapeHtml(
      Object.entries(settings)
        .filter(([n, x]) => n !== acute && x.lengthOfStay?.mean !== undefined)
        .map(([n, x]) => `${n} mean ${formatDisplay(x.lengthOfStay?.mean ?? 0)} days`)
        .join('; '),
    )}).</p>`,
    '2.5.3': `<p>Each setting is a resource whose capacity may change over the run (schedules, policies) or be a provider market:</p>${resources}`,
    '2.5.4': `<p>Every setting has one waiting line, first in, first out. A patient waiting for the next setting keeps the place they are in (blocking after service): a medically optimised patient holds the acute bed, a reablement client waiting for home care holds the reablement place. Admissions wait for an acute bed in their own line${m.admission?.maxWaitDays != null ? ` and are diverted after ${escapeHtml(m.admission.maxWaitDays)} days` : ' (never diverted: no maximum wait)'}. ${Object.values(settings).some((x) => x.whileWaiting) ? 'People who wait change: some are re-assessed to another pathway, die or are readmitted while waiting (whileWaiting hazards by days waited).' : ''}</p>`,
    '2.5.5': `<p>Entry: emergency arrivals (a non-homogeneous Poisson process, thinned from its peak rate) and community referrals straight into a service${m.warmStart ? `; at time 0, people already in ${escapeHtml(Object.keys(m.warmStart).join(', '))} (warm start)` : ''}. Exit: home (P0 or at the end of a service), death (in hospital or in a service), readmission (back to the acute admissions)${m.admission?.maxWaitDays != null ? ', and diversion after the maximum admission wait' : ''}; people still in the system at the end of the run are counted up to it.</p>`,
  };
}

/** The capacity as text: a number, "none" for an unlimited one, or its form's fields. */
export function capacityText(capacity: unknown): string {
  if (typeof capacity === 'number') return formatDisplay(capacity);
  if (capacity === null || capacity === undefined) return 'unlimited';
  const c = capacity as Record<string, unknown>;
  if (c.type === 'market')
    return `a provider market: ${formatDisplay(Number(c.block ?? 0))} block places${c.marketSize === null || c.marketSize === undefined ? ' and unlimited spot places' : ` and up to ${formatDisplay(Number(c.marketSize))} spot places`}`;
  if (typeof c.initial === 'number') return `${formatDisplay(c.initial)} at the start, then ${Array.isArray(c.changes) ? c.changes.length : 0} scheduled changes`;
  return JSON.stringify(capacity);
}

/** The mechanisms present in the run, each in a sentence or two (2.4). */
function algorithms(r: ResultsFolder): string[] {
  const m = describedModel(r);
  const settings = Object.entries(m.settings ?? {});
  const out: string[] = [];
  const markets = settings.filter(([, x]) => (x.capacity as { type?: string } | null)?.type === 'market').map(([n]) => n);
  if (markets.length > 0)
    out.push(
      `<strong>Provider markets</strong> (${escapeHtml(markets.join(', '))}): block places are given out first; beyond them, a spot place is found after a search whose mean time grows as the market fills, at a spot price, within each payer's spot budget for the financial year${m.spotBudgetPerYear && Object.keys(m.spotBudgetPerYear).length > 0 ? ` (${escapeHtml(Object.keys(m.spotBudgetPerYear).join(', '))})` : ''}.`,
    );
  const visits = settings.filter(([, x]) => x.visitsPerDay).map(([n, x]) => `${n} (${x.visitsPerDay?.initial} to ${x.visitsPerDay?.final} visits a day)`);
  if (visits.length > 0)
    out.push(
      `<strong>Visit taper</strong> (${escapeHtml(visits.join(', '))}): capacity is visits per day; each client needs the initial visits a day at the start, tapering linearly to the final number at the end of their planned stay (as in the IPACS model).`,
    );
  const policies = new Set(r.summary.scenarios.flatMap((x) => (x.policies ?? []).map((p) => p.policy)));
  for (const name of policies) {
    const p = policyByName(name);
    if (p) out.push(`<strong>${escapeHtml(name)}</strong> (policy): ${escapeHtml(p.mechanism)}`);
  }
  out.push('<strong>Arrivals</strong>: a Poisson process whose rate varies by weekday, month and trend, drawn by thinning from its peak rate.');
  return out;
}
