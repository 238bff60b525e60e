/**
 * The caveats of a run, generated from its results folder: saturated settings (summary.json),
 * a precision target missed (manifest.json), the warm-up used against the MSER-5 suggestion
 * (daily.csv), and the model's known limits as its file states them (`limits`).
 *
 * @module
 */
import { precisionWarnings } from '../experiment/precision.js';
import { saturationWarnings } from '../experiment/saturation.js';
import { warmupSource } from '../experiment/warmup.js';
import { baselineWarmupSuggestion } from './charts/warmup.js';
import { escapeHtml } from './escape.js';
import type { ResultsFolder } from './load-results.js';

/** The model's known limits as its file states them (none when it states none). */
export function modelLimits(r: ResultsFolder): string[] {
  const limits = (r.manifest.model as { limits?: unknown } | undefined)?.limits;
  return Array.isArray(limits) ? limits.filter((l): l is string => typeof l === 'string') : [];
}

/** The warm-up caveat: the days used against what MSER-5 suggests from the baseline's daily occupancy. */
export function warmupCaveat(r: ResultsFolder): string {
  const used = r.summary.warmupDays;
  if (!r.daily) return `The warm-up was ${used} days. The run wrote no daily series (daily.csv), so it could not be checked against the MSER-5 suggestion.`;
  const s = baselineWarmupSuggestion(r);
  if (s === null) return `The warm-up was ${used} days; the daily series gave no MSER-5 suggestion to check it against.`;
  const verdict =
    s.days > used
      ? `longer than the warm-up used, so the results window may still carry some of the start-up: run again with warmupDays of at least ${s.days} before relying on small differences`
      : 'within the warm-up used';
  return `The warm-up was ${used} days; MSER-5 suggests ${s.days} days ${warmupSource(s)}: ${verdict}.`;
}

/** The caveats as an HTML list. */
export function caveatsHtml(r: ResultsFolder): string {
  const items: string[] = [];
  const saturation = saturationWarnings(r.summary.saturation ?? []);
  if (saturation.length > 0) {
    items.push(
      `<li class="caveat-saturation">Some settings are saturated: their scenarios' delays and costs are not a steady state (people queue outside, or the queue grows for as long as the run lasts).<ul>${saturation.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul></li>`,
    );
  } else items.push('<li class="caveat-saturation">No setting was found saturated: no acute setting full on most midnights, no queue growing clear of noise.</li>');
  const precision = precisionWarnings(r.manifest.precision ?? null);
  if (precision.length > 0) items.push(...precision.map((w) => `<li class="caveat-precision">Precision: ${escapeHtml(w)}.</li>`));
  else if (r.manifest.precision)
    items.push(
      `<li class="caveat-precision">The precision target (95% half-width within ${escapeHtml((100 * r.manifest.precision.relativeHalfWidth).toFixed(2))}% of the mean) was met.</li>`,
    );
  items.push(`<li class="caveat-warmup">${escapeHtml(warmupCaveat(r))}</li>`);
  const limits = modelLimits(r);
  items.push(
    limits.length > 0
      ? `<li class="caveat-limits">The model's known limits, as its file states them:<ul>${limits.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul></li>`
      : '<li class="caveat-limits">The model file states no known limits (its <code>limits</code> field is empty): ask its authors what it leaves out.</li>',
  );
  return `<ul class="caveats">${items.join('\n')}</ul>`;
}
