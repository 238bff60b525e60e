/**
 * The assumptions section: the experiment and model as run, each scenario's changes and
 * policies with their parameters, seed, replications, careflow version, and the model file
 * whose comments name the sources of its numbers. Everything from a file is escaped.
 *
 * @module
 */
import { stringify } from 'yaml';
import { escapeHtml } from './escape.js';
import type { InlineLibrary } from './inline-libraries.js';
import type { ResultsFolder } from './load-results.js';

interface ScenarioAsRun {
  name?: unknown;
  description?: unknown;
  overrides?: Record<string, unknown>;
  policies?: unknown;
}

/** The assumptions section's inner HTML. */
export function assumptionsHtml(r: ResultsFolder, libraries: InlineLibrary[]): string {
  const m = r.manifest;
  const experiment = (m.experiment ?? {}) as { name?: unknown; description?: unknown; scenarios?: ScenarioAsRun[] };
  const model = (m.model ?? {}) as { name?: unknown; description?: unknown };
  const s = r.summary;
  const facts: [string, unknown][] = [
    ['Experiment', `${String(experiment.name ?? s.experiment)}${experiment.description ? ` – ${String(experiment.description)}` : ''}`],
    ['Model', `${String(model.name ?? s.model)}${model.description ? ` – ${String(model.description)}` : ''}`],
    ['Experiment file', m.experimentFile],
    ['Model file', m.modelFile],
    ['Seed', s.seed],
    ['Replications per scenario', s.replications],
    ['Run length', `${s.horizonDays} days, of which the first ${s.warmupDays} are warm-up; results over the last ${s.horizonDays - s.warmupDays}`],
    ['Baseline', s.baseline],
    ...(m.set && m.set.length > 0
      ? [
          [
            'Set on the command line (every scenario)',
            m.set.map((c) => `${c.path} = ${compact(c.value)} (${c.was === undefined ? 'unset, the default, in the model file' : `the model file has ${compact(c.was)}`})`).join('; '),
          ] as [string, unknown],
        ]
      : []),
    ['careflow version', m.careflowVersion],
    ['Run', `${String(m.startedAt)} to ${String(m.finishedAt)} (${String(m.wallSeconds)} s on ${String(m.workers)} worker threads, Node ${String(m.node)})`],
    // An older results folder has no code hash: left out rather than shown as "undefined".
    ['Hashes', `experiment ${String(m.experimentHash)}, model ${String(m.modelHash)}${m.codeHash ? `, code ${m.codeHash}` : ''}`],
    ['Results folder', `${r.dir} (${resultFiles(r)})`],
    ['Charts', libraries.map((l) => `${l.name} ${l.version}`).join(', ') + ' (BSD-3-Clause), inlined in this file'],
  ];
  const factList = facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v ?? '–')}</dd>`).join('\n');
  // The scenarios that ran (a run may pick some with --scenario), with their policies as
  // resolved (every default filled in) where summary.json has them.
  const configured = new Map((experiment.scenarios ?? []).map((c) => [String(c.name), c]));
  const scenarios = s.scenarios
    .map((run) => {
      const c = configured.get(run.name) ?? {};
      const resolved = (run as { policies?: unknown }).policies;
      return scenarioRow({ ...c, name: run.name, description: run.description, policies: Array.isArray(resolved) ? resolved : c.policies });
    })
    .join('\n');
  const modelSource =
    r.modelText !== null
      ? `<details><summary>Model file as run, with the source of each number in its comments (${escapeHtml(m.modelFile)})</summary><pre class="source">${escapeHtml(r.modelText)}</pre></details>`
      : `<p class="note">${m.set && m.set.length > 0 ? `--set changed the model file ${escapeHtml(m.modelFile ?? '')} for this run (above), so` : `The model file ${escapeHtml(m.modelFile ?? '')} is no longer there or has changed since the run, so`} the sources in its comments cannot be shown beside the values as run; the model as run (from manifest.json) follows.</p>
<details><summary>Model as run (from manifest.json)</summary><pre class="source">${escapeHtml(stringify(m.model ?? {}))}</pre></details>`;
  return `<dl class="facts">
${factList}
</dl>
<h3>Scenarios as run</h3>
<div class="table-wrap"><table class="scenarios">
<thead><tr><th scope="col">Scenario</th><th scope="col">Description</th><th scope="col">Changes to the model</th><th scope="col">Policies and their parameters</th></tr></thead>
<tbody>
${scenarios}
</tbody>
</table></div>
<h3>Experiment and model as run</h3>
<details><summary>Experiment as run (from manifest.json)</summary><pre class="source">${escapeHtml(stringify(m.experiment ?? {}))}</pre></details>
${modelSource}`;
}

function scenarioRow(s: ScenarioAsRun): string {
  const overrides = Object.entries(s.overrides ?? {});
  const changes = overrides.length === 0 ? 'none' : `<ul>${overrides.map(([path, value]) => `<li><code>${escapeHtml(path)}</code>: ${escapeHtml(compact(value))}</li>`).join('')}</ul>`;
  return `<tr><th scope="row">${escapeHtml(s.name ?? '')}</th><td>${escapeHtml(s.description ?? '')}</td><td>${changes}</td><td>${policiesHtml(s.policies)}</td></tr>`;
}

/**
 * A scenario's policies: any list of objects, each shown by its name (or type) and its other
 * fields as parameters, so the report does not depend on the policy format's details.
 */
export function policiesHtml(policies: unknown): string {
  if (!Array.isArray(policies) || policies.length === 0) return 'none';
  const items = policies.map((p) => {
    if (typeof p !== 'object' || p === null) return `<li>${escapeHtml(compact(p))}</li>`;
    const entries = Object.entries(p as Record<string, unknown>);
    const nameKey = ['name', 'policy', 'type', 'kind'].find((k) => typeof (p as Record<string, unknown>)[k] === 'string');
    const name = nameKey ? String((p as Record<string, unknown>)[nameKey]) : 'policy';
    const parameters = entries
      .filter(([k]) => k !== nameKey)
      .flatMap(([k, v]) =>
        // A nested parameters object reads better as its own name: value pairs.
        k === 'parameters' && typeof v === 'object' && v !== null && !Array.isArray(v)
          ? Object.entries(v as Record<string, unknown>).map(([pk, pv]) => `<code>${escapeHtml(pk)}</code>: ${escapeHtml(compact(pv))}`)
          : [`<code>${escapeHtml(k)}</code>: ${escapeHtml(compact(v))}`],
      );
    return `<li><strong>${escapeHtml(name)}</strong>${parameters.length > 0 ? ` (${parameters.join('; ')})` : ''}</li>`;
  });
  return `<ul>${items.join('')}</ul>`;
}

function compact(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function resultFiles(r: ResultsFolder): string {
  const files = ['summary.json', 'manifest.json', ...(r.hasReplications ? ['replications.csv'] : []), ...(r.daily ? ['daily.csv'] : [])];
  return `with ${files.join(', ')}`;
}
