/**
 * The report on paper, in Debian's Chromium: printed to PDF (A4, several pages); in print media
 * the contents and vega-embed's scenario selector are hidden and every chart is still there as
 * an SVG; and no heading is left at the foot of a page. The last is checked on Chromium's own
 * fragmentation: the page's main content is laid out in columns of a page's height, which break
 * by the same rules as pages (break-after, break-inside), and each heading must sit in the same
 * column as what follows it, at every one of a range of page heights. The same check with the
 * headings' break-after rule switched off finds stranded headings, so it can fail.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { careflow, fixture } from '../cli/helpers.js';
import { ALL_CHARTS_SETTLED, launchChromium, SKIP } from './chromium.js';
import { tempDir } from './helpers.js';

/** A4 at 96 px an inch, less the 12 mm margins of the print style: the printed area. */
const PAGE_WIDTH = Math.round(((210 - 24) / 25.4) * 96);
const PAGE_HEIGHT = Math.round(((297 - 24) / 25.4) * 96);

/**
 * A function for the browser (a string: it runs there) that lays `main` out in columns
 * `height` px tall and returns the headings that end in another column than the first line of
 * what follows them; with `breakAfter` false, the headings' break-after rule is switched off first.
 */
const STRANDED_HEADINGS = `(args) => {
  const main = document.querySelector('main');
  document.getElementById('no-break-after')?.remove();
  if (!args.breakAfter) {
    const off = document.createElement('style');
    off.id = 'no-break-after';
    off.textContent = '@media print { h1, h2, h3, h4, figcaption, p.caption { break-after: auto !important; page-break-after: auto !important; } }';
    document.head.appendChild(off);
  }
  Object.assign(main.style, { width: args.width + 'px', height: args.height + 'px', columnWidth: args.width + 'px', columnGap: '0px', columnFill: 'auto' });
  const left = main.getBoundingClientRect().left;
  const columnOf = (r) => Math.floor((r.left - left + 1) / args.width);
  const stranded = [];
  for (const h of main.querySelectorAll('h2, h3, h4')) {
    const rects = h.getClientRects();
    if (rects.length === 0) continue;
    let next = h.nextElementSibling;
    while (next && next.getClientRects().length === 0) next = next.nextElementSibling;
    if (!next) continue;
    if (columnOf(rects[rects.length - 1]) !== columnOf(next.getClientRects()[0])) stranded.push(h.textContent);
  }
  return stranded;
}`;

/** The headings stranded at page height `height` (see {@link STRANDED_HEADINGS}). */
async function stranded(height: number, breakAfter = true): Promise<string[]> {
  return (await page.evaluate(`(${STRANDED_HEADINGS})(${JSON.stringify({ width: PAGE_WIDTH, height, breakAfter })})`)) as string[];
}

/** What print media shows (a string: it runs in the browser). */
const PRINT_VIEW = `(() => {
  const shown = (e) => getComputedStyle(e).display !== 'none';
  return {
    toc: [...document.querySelectorAll('nav.toc')].some(shown),
    selectors: document.querySelectorAll('.vega-bindings').length,
    selectorsShown: [...document.querySelectorAll('.vega-bindings, select, input')].some(shown),
    charts: document.querySelectorAll('[data-chart]').length,
    chartsWithSvg: [...document.querySelectorAll('[data-chart]')].filter((c) => [...c.querySelectorAll('svg')].some((s) => shown(s) && s.getBoundingClientRect().height > 50)).length,
    headingRule: getComputedStyle(document.querySelector('main h2')).breakAfter,
  };
})()`;

let closeChromium: (() => Promise<void>) | undefined;
let report = '';
let page: Page;

describe.skipIf(SKIP)('the report in print', () => {
  beforeAll(async () => {
    const out = join(tempDir('print'), 'results');
    const run = careflow(['run', fixture('small.yaml'), '-r', '3', '-w', '1', '-q', '--out', out, '--report']);
    expect(run.status, run.stderr).toBe(0);
    report = join(out, 'report.html');
    const launched = await launchChromium();
    closeChromium = launched.close;
    page = await launched.context.newPage();
    await page.goto(pathToFileURL(report).href);
    await page.waitForFunction(ALL_CHARTS_SETTLED, null, { timeout: 60_000 });
    await page.emulateMedia({ media: 'print' });
  });

  afterAll(async () => {
    await closeChromium?.();
  });

  it('prints to an A4 PDF of several pages', async () => {
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThan(3);
  });

  it('hides the contents and the scenario selector, and keeps every chart as an SVG', async () => {
    const seen = (await page.evaluate(PRINT_VIEW)) as { toc: boolean; selectors: number; selectorsShown: boolean; charts: number; chartsWithSvg: number; headingRule: string };
    expect(seen.toc).toBe(false);
    // The charts over time have a selector for the scenario whose band they show.
    expect(seen.selectors).toBeGreaterThan(0);
    expect(seen.selectorsShown).toBe(false);
    expect(seen.charts).toBeGreaterThan(3);
    expect(seen.chartsWithSvg).toBe(seen.charts);
    expect(seen.headingRule).toBe('avoid');
  });

  it('leaves no heading at the foot of a page, at any of a range of page heights', async () => {
    const found: string[] = [];
    for (let height = PAGE_HEIGHT - 300; height <= PAGE_HEIGHT; height += 20) {
      for (const h of await stranded(height)) found.push(`${height}px: ${h}`);
    }
    expect(found).toEqual([]);
  });

  it('finds stranded headings when the break-after rule is off (the check can fail)', async () => {
    let count = 0;
    for (let height = PAGE_HEIGHT - 300; height <= PAGE_HEIGHT; height += 20) count += (await stranded(height, false)).length;
    await stranded(PAGE_HEIGHT);
    expect(count).toBeGreaterThan(0);
  });
});
