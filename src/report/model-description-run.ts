/**
 * STRESS-DES items 3-6 of the model description (data, experimentation, implementation,
 * sharing), generated from the results folder: where the numbers come from, how the run was
 * initialised and estimated, what ran it and on what machine, and how to get and cite careflow.
 *
 * @module
 */
import { modelLimits, warmupCaveat } from './caveats.js';
import { escapeHtml } from './escape.js';
import type { InlineLibrary } from './inline-libraries.js';
import type { ResultsFolder } from './load-results.js';
import { formatDisplay } from './metrics.js';

/** What a model file's comments mark: sourced numbers ("publication, year"), assumptions, calibrated values. */
function sourceMarks(text: string | null): { assumptions: number; calibrated: number } | null {
  if (text === null) return null;
  const count = (word: string) => (text.match(new RegExp(`#[^\\n]*\\b${word}\\b`, 'gi')) ?? []).length;
  return { assumptions: count('assumption'), calibrated: count('calibrated') };
}

/** Items 3-6, keyed by item number. */
export function runItems(r: ResultsFolder, libraries: InlineLibrary[]): Record<string, string> {
  const m = r.manifest;
  const s = r.summary;
  const model = (m.model ?? {}) as { population?: number; warmStart?: Record<string, { occupied: number; waiting?: number }>; startDate?: string };
  const marks = sourceMarks(r.modelText);
  const machine = m.machine;
  const limits = modelLimits(r);
  const window = s.horizonDays - s.warmupDays;
  const warmStart = Object.entries(model.warmStart ?? {}).map(([name, w]) => `${name}: ${formatDisplay(w.occupied)} occupied${w.waiting ? `, ${formatDisplay(w.waiting)} waiting` : ''}`);
  const precision = m.precision
    ? ` The experiment set a precision target: replications were added until every listed metric's 95% half-width was within ${(100 * m.precision.relativeHalfWidth).toFixed(2)}% of its mean (${m.precision.metrics.map(escapeHtml).join(', ')}), at most ${m.precision.maxReplications}; it was ${m.precision.met ? 'met' : 'not met'}.`
    : '';
  return {
    '3.1': `<p>The model file <code>${escapeHtml(m.modelFile ?? '?')}</code> names the source of each number in a comment beside it (publication and year), or marks it as an assumption or as calibrated${marks ? ` (in this file: ${marks.assumptions} comments say "assumption", ${marks.calibrated} say "calibrated")` : ''}. The file as run, with its comments, is in the assumptions section; models/README.md summarises the research behind the shipped models and their calibration targets.</p>`,
    '3.2': `<p>No data are read at run time: every input is a parameter in the model file. ${model.population ? `National figures were scaled to the ${formatDisplay(model.population)} people the model serves (the file says how). ` : ''}Distributions are given by their moments (mean and standard deviation, converted to each family's parameters by careflow), not fitted here.</p>`,
    '3.3':
      '<p>Every parameter as run (defaults filled in, overrides applied) is in the model as run under "Assumptions and sources", with each scenario\'s changes and policies and their parameters; the main ones are under 2.5.1-2.5.3 above.</p>',
    '3.4': `<p>Numbers marked "assumption" in the model file are the modeller's, with the reason given beside each. The model's known limits, as its file states them:</p>${limits.length > 0 ? `<ul>${limits.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>` : '<p>None stated (the model file has no <code>limits</code>).</p>'}`,
    '4.1': `<p>Each replication starts at ${escapeHtml(model.startDate ?? 'day 0')} ${warmStart.length > 0 ? `with people already in the system (warm start: ${escapeHtml(warmStart.join('; '))})` : 'empty'}, and runs a warm-up of ${s.warmupDays} days that no result counts. ${escapeHtml(warmupCaveat(r))} The warm-up chart shows each setting's occupancy against both.</p>`,
    '4.2': `<p>${s.horizonDays} days a replication, of which the last ${window} are the results window; time is continuous, in days from midnight of the start date.</p>`,
    '4.3': `<p>${s.replications} independent replications per scenario, replication i of every scenario from the same seeds (common random numbers). Each metric: the mean over replications with a 95% Student-t confidence interval; each difference from the baseline: the mean of the paired differences with a Student-t interval on them.${precision}</p>`,
    '5.1': `<p>careflow ${escapeHtml(m.careflowVersion)} (TypeScript, run on Node ${escapeHtml(m.node)}), its own discrete-event engine (src/engine). Charts: ${escapeHtml(libraries.map((l) => `${l.name} ${l.version}`).join(', '))}. Experiment hash ${escapeHtml(m.experimentHash)}, model hash ${escapeHtml(m.modelHash)} (manifest.json), so a rerun can be checked to be the same run.</p>`,
    '5.2': `<p>One master seed (${escapeHtml(s.seed)}); named streams derived from it, each a seedrandom Alea generator seeded with "&lt;master&gt;/&lt;name&gt;" (arrivals, each policy); each person draws from their own stream (xoshiro128** keyed by the person and the purpose), so the same person has the same needs in every scenario (common random numbers). The same seed and files give the same results for any number of workers.</p>`,
    '5.3': `<p>Event scheduling on one future-event list (a calendar queue), ordered by time, then priority, then insertion: simultaneous events of equal priority run first in, first out. Each replication runs on one thread from start to end; replications run in parallel on ${escapeHtml(m.workers)} worker threads (or queue workers), and results are gathered in replication order, so parallelism never changes them.</p>`,
    '5.4': machine
      ? `<p>${escapeHtml(machine.cpu)}, ${machine.cores} cores, ${(machine.memoryBytes / 2 ** 30).toFixed(1)} GiB of memory, ${escapeHtml(machine.os)}; Node ${escapeHtml(m.node)}. The run took ${escapeHtml(formatDisplay(m.wallSeconds))} s of wall time (${escapeHtml(m.startedAt)} to ${escapeHtml(m.finishedAt)}).</p>`
      : `<p>Not recorded: this results folder was written by a careflow version that did not record the machine. The run took ${escapeHtml(m.wallSeconds)} s on Node ${escapeHtml(m.node)}.</p>`,
    '6.1': `<p>careflow is open source under the MIT licence (the LICENSE file). Cite it as: careflow contributors (2026), <em>careflow</em>, version ${escapeHtml(m.careflowVersion)} (CITATION.cff gives the citation in Citation File Format), with this run's experiment and model hashes. The experiment and model files as run are inside this report (assumptions section) and in manifest.json, so the run can be repeated.</p>`,
  };
}
