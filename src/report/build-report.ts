/**
 * A results folder to report.html: reads the folder, builds every chart's spec and static
 * SVG, assembles the page, and writes it atomically. Runs no simulation.
 *
 * @module
 */
import { precisionWarnings } from '../experiment/precision.js';
import { saturationWarnings } from '../experiment/saturation.js';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeFileAtomically } from '../experiment/atomic-folder.js';
import { UsageProblem } from '../experiment/problems.js';
import { assumptionsHtml } from './assumptions.js';
import { bedDaysChart } from './charts/bed-days.js';
import type { ChartSection } from './charts/common.js';
import { costsChart } from './charts/costs.js';
import { delayLengthChart } from './charts/delay-length.js';
import { delaysOverTimeChart } from './charts/delays-over-time.js';
import { forestChart } from './charts/forest.js';
import { occupancyChart } from './charts/occupancy.js';
import { sweepChart } from './charts/sweep.js';
import { tornadoChart } from './charts/tornado.js';
import { warmupChart } from './charts/warmup.js';
import { escapeHtml } from './escape.js';
import { headlineTables } from './headline-table.js';
import { renderPage, type PageSection } from './html.js';
import { inlineLibraries } from './inline-libraries.js';
import { loadResults, type ResultsFolder } from './load-results.js';
import { renderSvg } from './render-svg.js';
import { modelDescriptionHtml } from './model-description.js';
import { summaryHtml } from './summary-section.js';
import { sweepPaths, withShortSweepNames } from './sweep-names.js';

/** The name of the report file in a results folder. */
export const REPORT_FILE = 'report.html';

/** Every chart of a results folder, in page order (the sweep curve only for a sweep). */
export function reportCharts(r: ResultsFolder): ChartSection[] {
  const sweep = sweepChart(r);
  const tornado = tornadoChart(r);
  return [
    ...(sweep ? [sweep] : []),
    ...(tornado ? [tornado] : []),
    forestChart(r),
    occupancyChart(r),
    delaysOverTimeChart(r),
    bedDaysChart(r),
    delayLengthChart(r),
    costsChart(r),
    warmupChart(r),
  ];
}

/** The report page of a loaded results folder. `now` is the time printed as made. */
export async function buildReport(results: ResultsFolder, now = new Date()): Promise<string> {
  const libraries = inlineLibraries();
  // Charts and the headline name a sweep's points by their values; the assumptions keep the full names.
  const r = withShortSweepNames(results);
  const charts: PageSection[] = [];
  for (const chart of reportCharts(r)) charts.push({ kind: 'chart', chart, svg: chart.spec ? await renderSvg(chart.spec) : null });
  const s = r.summary;
  const paths = sweepPaths(r);
  const sweepNote = paths ? ` The sweep's scenarios are named by their values of ${escapeHtml(paths)}.` : '';
  const window = s.horizonDays - s.warmupDays;
  const precision = precisionWarnings(r.manifest.precision ?? null);
  const precisionNote = precision.map((w) => `<p class="note" id="precision-warning">Warning: ${escapeHtml(w)}.</p>\n`).join('');
  const saturation = saturationWarnings(s.saturation ?? []);
  const saturationNote =
    saturation.length > 0
      ? `<div class="note warning" id="saturation-warning"><p>Warning: some settings are saturated (marked ⚠ in the tables). Their scenarios' delays and costs are not a steady state: people queue outside or the queue grows for as long as the run lasts.</p><ul>${saturation.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul></div>\n`
      : '';
  const headline: PageSection = {
    kind: 'html',
    id: 'headline',
    title: 'Headline results',
    html: `<p class="caption">Means over ${s.replications} replications of the ${window}-day results window, with 95% confidence intervals in brackets. Under each value: the difference from ${escapeHtml(s.baseline)} (paired, the same people in both) with its 95% interval, in bold where the interval excludes zero. Shares are in per cent (differences in percentage points), costs in £ million over the window.${sweepNote}</p>\n${saturationNote}${precisionNote}${headlineTables(r)}`,
  };
  const summary: PageSection = { kind: 'html', id: 'summary', title: 'Summary', html: summaryHtml(r) };
  const assumptions: PageSection = { kind: 'html', id: 'assumptions', title: 'Assumptions and sources', html: assumptionsHtml(results, libraries) };
  const modelDescription: PageSection = { kind: 'html', id: 'model-description', title: 'Model description (STRESS-DES)', html: modelDescriptionHtml(r, libraries) };
  const description = (r.manifest.experiment as { description?: unknown } | undefined)?.description;
  return renderPage({
    title: `careflow report: ${s.experiment}`,
    lede: typeof description === 'string' && description !== '' ? description : `Results of the experiment ${s.experiment}.`,
    meta: `Model ${s.model} · ${scenarioCount(s.scenarios.length - 1)} against ${s.baseline} · ${s.replications} replications · seed ${s.seed} · ${s.horizonDays} days with ${s.warmupDays} days of warm-up · run finished ${String(r.manifest.finishedAt ?? 'unknown')} · report made ${now.toISOString()}`,
    sections: [summary, headline, ...charts, modelDescription, assumptions],
    libraries,
  });
}

/**
 * Writes the report of results folder `dir` to `out` (default `<dir>/report.html`) through a
 * temporary file renamed into place, so a reader never sees half a report. Returns the path.
 */
export async function writeReport(dir: string, out = join(dir, REPORT_FILE)): Promise<string> {
  const html = await buildReport(loadResults(dir));
  if (out.trim() === '' || /[/\\]$/.test(out)) throw new UsageProblem(`--out: expected the path of an HTML file, got "${out}"`);
  // Like a results folder, the report's folder is made if it does not exist yet.
  const folder = dirname(out);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (err) {
    throw new UsageProblem(`--out: cannot make the folder ${folder} for the report: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  if (existsSync(out) && statSync(out).isDirectory()) throw new UsageProblem(`--out: ${out} is a folder; give the path of an HTML file`);
  writeFileAtomically(out, html);
  return out;
}

/** "1 scenario", "3 scenarios" (the scenarios compared with the baseline). */
function scenarioCount(n: number): string {
  return `${n} scenario${n === 1 ? '' : 's'}`;
}
