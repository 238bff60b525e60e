/**
 * The summary in words: it comes first, says what each scenario changes (old -> new, read from
 * the models), puts each headline metric as "from X to Y (difference D, 95% CI a to b)" with
 * the numbers of summary.json and a verdict that follows the interval, and lists the caveats of
 * the run (saturation, precision, warm-up, the model's limits), escaped.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioSummary } from '../../src/experiment/summary.js';
import { buildReport } from '../../src/report/build-report.js';
import { loadResults } from '../../src/report/load-results.js';
import { quantityText, type MetricDisplay } from '../../src/report/metrics.js';
import { effectSentence, summaryHtml, verdict } from '../../src/report/summary-section.js';
import { HOSTILE_NAME, hostileCopy, smallResults } from './helpers.js';

/** The text of some HTML, tags removed and entities decoded (enough for these pages). */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Changes manifest.json or summary.json of a copy of a results folder. */
function edit(dir: string, file: string, change: (json: Record<string, unknown>) => void): void {
  const path = join(dir, file);
  const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  change(json);
  writeFileSync(path, JSON.stringify(json));
}

let dir = '';
beforeAll(async () => {
  dir = await smallResults();
});

describe('the summary section', () => {
  it('comes first on the page, before the headline tables', async () => {
    const page = await buildReport(loadResults(dir));
    const summary = page.indexOf('<section id="summary">');
    expect(summary).toBeGreaterThan(0);
    expect(summary).toBeLessThan(page.indexOf('<section id="headline">'));
  });

  it("says what the scenario changes with the baseline's value and its own", () => {
    const t = text(summaryHtml(loadResults(dir)));
    expect(t).toContain('settings.acute.capacity from 120 to 130');
  });

  it('puts each headline metric as from X to Y with the difference and interval of summary.json', () => {
    const r = loadResults(dir);
    const t = text(summaryHtml(r));
    const [base, more] = r.summary.scenarios;
    for (const [metric, unit] of [
      ['delayedBedDays', 'count'],
      ['costTotal', 'money'],
      ['costByPayer.nhs', 'money'],
    ] as const) {
      const d = more.differences[metric];
      const diff = (v: number) => quantityText(v, unit, { signed: true, difference: true });
      expect(t).toContain(
        `from ${quantityText(base.metrics[metric].mean, unit)} to ${quantityText(more.metrics[metric].mean, unit)} (difference ${diff(d.mean)}, 95% CI ${diff(d.ciLow)} to ${diff(d.ciHigh)})`,
      );
    }
    // Each sentence's verdict follows its own interval (the test model's beds cost nothing, so some are clear and some not).
    for (const [label, metric] of [
      ['Delayed bed days', 'delayedBedDays'],
      ['Total cost', 'costTotal'],
    ] as const) {
      const d = more.differences[metric];
      const expected = d.ciLow > 0 ? 'a rise clear of run-to-run noise' : d.ciHigh < 0 ? 'a fall clear of run-to-run noise' : 'not clear of run-to-run noise';
      const sentence = t.slice(t.indexOf(`${label}: from `));
      expect(`${sentence.split('noise')[0]}noise`).toContain(`), ${expected}`);
    }
  });

  it('calls a difference clear of noise only when its interval excludes zero', () => {
    expect(text(verdict({ mean: 1, ciLow: 0.2, ciHigh: 1.8 }))).toBe('a rise clear of run-to-run noise');
    expect(text(verdict({ mean: -1, ciLow: -1.8, ciHigh: -0.2 }))).toBe('a fall clear of run-to-run noise');
    expect(text(verdict({ mean: 1, ciLow: -0.2, ciHigh: 2.2 }))).toMatch(/^not clear of run-to-run noise/);
    const m: MetricDisplay = { metric: 'delayedPatientsPerDay', label: 'Delayed patients per day', plainLabel: 'Delayed patients per day', unit: 'count' };
    const scenario = (mean: number, d?: { mean: number; ciLow: number; ciHigh: number }): ScenarioSummary =>
      ({ name: 'x', description: '', policies: [], metrics: { [m.metric]: { mean } }, differences: d ? { [m.metric]: d } : {} }) as unknown as ScenarioSummary;
    expect(text(effectSentence(m, scenario(80), scenario(75.5, { mean: -4.5, ciLow: -6, ciHigh: -3 })))).toBe(
      'Delayed patients per day: from 80.0 to 75.5 (difference −4.50, 95% CI −6.00 to −3.00), a fall clear of run-to-run noise.',
    );
  });

  it('lists the caveats: no saturation, the warm-up against MSER-5, and no limits stated by the test model', () => {
    const t = text(summaryHtml(loadResults(dir)));
    expect(t).toContain('No setting was found saturated');
    expect(t).toMatch(/The warm-up was 50 days; MSER-5 suggests \d+ days from mean \w+ occupancy/);
    expect(t).toContain('The model file states no known limits');
  });

  it("names saturated settings, a missed precision target and the model's limits, escaped", async () => {
    const copy = hostileCopy(dir);
    const limit = 'Leaves out <b>everything</b> & more';
    edit(copy, 'manifest.json', (m) => {
      (m.model as Record<string, unknown>).limits = [limit];
      m.precision = {
        relativeHalfWidth: 0.01,
        metrics: ['delayedBedDays'],
        maxReplications: 3,
        replications: 3,
        met: false,
        shortfalls: [{ scenario: HOSTILE_NAME, metric: 'delayedBedDays', relativeHalfWidth: 0.05 }],
      };
    });
    edit(copy, 'summary.json', (s) => {
      s.saturation = [{ scenario: HOSTILE_NAME, setting: 'acute', full: true, growing: false, fullShare: 0.9, queueTrendPerYear: { mean: 0, ciLow: -1, ciHigh: 1 }, meanQueue: 5 }];
    });
    const html = summaryHtml(loadResults(copy));
    expect(html).not.toContain(HOSTILE_NAME);
    expect(html).not.toContain('<b>everything</b>');
    const t = text(html);
    expect(t).toContain(`scenario "${HOSTILE_NAME}": acute saturated: full at 90% of midnights`);
    expect(t).toContain('⚠ acute saturated in this scenario');
    expect(t).toContain('Precision: precision target not met after 3 replications');
    expect(t).toContain(`The model's known limits, as its file states them:${limit}`);
  });

  it('says the warm-up could not be checked when the run wrote no daily series', () => {
    const copy = hostileCopy(dir);
    rmSync(join(copy, 'daily.csv'));
    expect(text(summaryHtml(loadResults(copy)))).toContain('The warm-up was 50 days. The run wrote no daily series (daily.csv), so it could not be checked');
  });
});
