/**
 * The report in a real browser: Debian's Chromium, driven by playwright-core, opens a report
 * made by `careflow run --report` from file://, with a hostile scenario name; every chart is
 * drawn by vega-embed, with zero console errors, zero network requests and no dialog; the
 * hostile name shows as text; a sweep's report draws too; with scripts off, the static SVGs
 * are there. A screenshot is
 * kept in results/report-screenshot.png.
 *
 * Needs /usr/bin/chromium (.ci/run installs it). Without it this test fails, unless
 * CAREFLOW_SKIP_BROWSER=1 says to skip it.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { careflow, fixture, ROOT } from '../cli/helpers.js';
import { ALL_CHARTS_SETTLED, launchChromium, SKIP } from './chromium.js';
import { HOSTILE_NAME, hostileCopy, tempDir } from './helpers.js';

const SCREENSHOT = join(ROOT, 'results', 'report-screenshot.png');

/** What happened while a page was open. */
interface Visit {
  page: Page;
  consoleErrors: string[];
  requests: string[];
  dialogs: string[];
}

let context: BrowserContext | undefined;
let closeChromium: (() => Promise<void>) | undefined;
let report = '';
let sweepReport = '';

async function open(file: string, javaScriptEnabled = true): Promise<Visit> {
  const url = pathToFileURL(file).href;
  const ctx = javaScriptEnabled ? (context as BrowserContext) : await (context as BrowserContext).browser()?.newContext({ javaScriptEnabled: false });
  const page = await (ctx ?? (context as BrowserContext)).newPage();
  const visit: Visit = { page, consoleErrors: [], requests: [], dialogs: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') visit.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => visit.consoleErrors.push(String(e)));
  page.on('dialog', (d) => {
    visit.dialogs.push(d.message());
    void d.dismiss();
  });
  // Anything but the report itself (and data: or blob: URLs, which never leave the page).
  page.on('request', (r) => {
    const u = r.url();
    if (u !== url && !u.startsWith('data:') && !u.startsWith('blob:')) visit.requests.push(u);
  });
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.goto(url);
  return visit;
}

describe.skipIf(SKIP)('the report in Chromium', () => {
  beforeAll(async () => {
    const out = join(tempDir('browser'), 'results');
    const run = careflow(['run', fixture('small.yaml'), '-r', '3', '-w', '1', '-q', '--out', out, '--report']);
    expect(run.status, run.stderr).toBe(0);
    const hostile = hostileCopy(out);
    const made = careflow(['report', hostile]);
    expect(made.status, made.stderr).toBe(0);
    report = join(hostile, 'report.html');
    const sweep = join(tempDir('browser-sweep'), 'results');
    const swept = careflow(['sweep', fixture('small.yaml'), '-v', 'settings.acute.capacity=110,125,140', '-r', '3', '-w', '1', '-q', '--out', sweep, '--report']);
    expect(swept.status, swept.stderr).toBe(0);
    sweepReport = join(sweep, 'report.html');
    const launched = await launchChromium();
    context = launched.context;
    closeChromium = launched.close;
  });

  afterAll(async () => {
    await closeChromium?.();
  });

  it('draws every chart with vega-embed, with no console error, no request and no dialog', async () => {
    const started = Date.now();
    const visit = await open(report);
    const { page } = visit;
    await page.waitForFunction(ALL_CHARTS_SETTLED, null, { timeout: 60_000 });
    const charts = await page.$$eval('[data-chart]', (els) =>
      els.map((e) => ({
        id: e.getAttribute('data-chart'),
        rendered: e.getAttribute('data-rendered'),
        live: e.querySelectorAll('.live-chart svg, .live-chart canvas').length,
        still: e.querySelectorAll('.static-chart').length,
      })),
    );
    expect(charts.map((c) => c.id)).toEqual(['forest', 'occupancy', 'delays-over-time', 'bed-days', 'delay-length', 'costs', 'warm-up']);
    for (const c of charts) expect(c, String(c.id)).toMatchObject({ rendered: 'true', live: 1, still: 0 });
    // Every chart drew marks, not just an empty frame.
    const marks = await page.$$eval('[data-chart] .live-chart svg', (svgs) => svgs.map((s) => s.querySelectorAll('path, line, rect, circle').length));
    for (const n of marks) expect(n).toBeGreaterThan(20);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(visit.consoleErrors).toEqual([]);
    expect(visit.requests).toEqual([]);
    expect(visit.dialogs).toEqual([]);
    process.stdout.write(`browser test: report opened and drawn in ${Date.now() - started} ms; screenshot ${SCREENSHOT}\n`);
  });

  it('shows a hostile scenario name as text', async () => {
    const visit = await open(report);
    const name = visit.page.locator('.scenario-name', { hasText: HOSTILE_NAME });
    // In both headline tables (delays, costs).
    await expect.poll(() => name.count()).toBe(2);
    for (const cell of await name.all()) {
      expect(await cell.isVisible()).toBe(true);
      expect(await cell.textContent()).toBe(HOSTILE_NAME);
    }
    await visit.page.waitForFunction(ALL_CHARTS_SETTLED);
    expect(visit.dialogs).toEqual([]);
    expect(visit.consoleErrors).toEqual([]);
  });

  it("draws a sweep's capacity-planning curve and every other chart", async () => {
    const visit = await open(sweepReport);
    await visit.page.waitForFunction(ALL_CHARTS_SETTLED, null, { timeout: 60_000 });
    const rendered = await visit.page.$$eval('[data-chart]', (els) => els.map((e) => `${e.getAttribute('data-chart')}=${e.getAttribute('data-rendered')}`));
    expect(rendered[0]).toBe('sweep=true');
    expect(rendered.every((r) => r.endsWith('=true'))).toBe(true);
    expect(visit.consoleErrors).toEqual([]);
    expect(visit.requests).toEqual([]);
  });

  it('with scripts off, shows the static SVG of every chart', async () => {
    const visit = await open(report, false);
    const statics = await visit.page.$$eval('[data-chart] .static-chart svg', (svgs) => svgs.length);
    expect(statics).toBe(7);
    expect(await visit.page.locator('noscript').count()).toBe(1);
    expect(visit.requests).toEqual([]);
    await visit.page.context().close();
  });
});
