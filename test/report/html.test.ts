/**
 * The page: one file with the libraries, the specs and a static SVG of every chart; a CSP
 * that allows its own scripts only (by hash) and no address; hostile names shown as text.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report.js';
import { loadResults } from '../../src/report/load-results.js';
import { HOSTILE_DESCRIPTION, HOSTILE_NAME, hostileCopy, smallResults } from './helpers.js';

let html: string;
let hostile: string;
beforeAll(async () => {
  const dir = await smallResults();
  html = await buildReport(loadResults(dir), new Date('2026-01-02T03:04:05Z'));
  hostile = await buildReport(loadResults(hostileCopy(dir)));
});

/** The contents of every <script> element, with its attributes. */
function scripts(page: string): { attributes: string; code: string }[] {
  return [...page.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => ({ attributes: m[1], code: m[2] }));
}

function csp(page: string): string {
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page);
  expect(m).not.toBeNull();
  return (m as RegExpExecArray)[1].replace(/&#39;/g, "'");
}

describe('the report page', () => {
  it('has a spec and a static SVG for every chart, and the three libraries inline', () => {
    const ids = [...html.matchAll(/data-chart="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['forest', 'occupancy', 'delays-over-time', 'bed-days', 'delay-length', 'costs', 'warm-up']);
    for (const id of ids) {
      expect(html).toMatch(new RegExp(`data-chart="${id}"><div class="static-chart"><svg`));
      expect(html).toContain(`<script type="application/json" id="spec-${id}">`);
    }
    const code = scripts(html)
      .filter((s) => s.attributes === '')
      .map((s) => s.code);
    expect(code).toHaveLength(4);
    expect(code[0]).toContain('vega');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|@import|url\(http/i);
  });

  it('allows only its own inline scripts, by hash, and no network at all', () => {
    const policy = csp(html);
    expect(policy).toMatch(/^default-src 'none'; /);
    expect(policy).not.toMatch(/unsafe-eval|connect-src|https?:|\*/);
    expect(policy).toContain("style-src 'unsafe-inline'");
    const hashes = [...policy.matchAll(/'sha256-([^']+)'/g)].map((m) => m[1]);
    const executable = scripts(html).filter((s) => !s.attributes.includes('application/json'));
    expect(hashes).toEqual(executable.map((s) => createHash('sha256').update(s.code, 'utf8').digest('base64')));
  });

  it('has a print stylesheet and says when it was made', () => {
    expect(html).toContain('@media print');
    expect(html).toContain('report made 2026-01-02T03:04:05.000Z');
  });
});

describe('hostile scenario names and descriptions', () => {
  it('appear only escaped in the HTML, and only as \\u003c-escaped JSON in the specs', () => {
    expect(hostile).not.toContain(HOSTILE_NAME);
    expect(hostile).not.toContain(HOSTILE_DESCRIPTION);
    expect(hostile).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(hostile).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(hostile).toContain('\\u003cscript\\u003ealert(1)\\u003c/script\\u003e');
    // No script but the page's own: the three libraries, the boot script and the JSON specs.
    const own = scripts(hostile);
    expect(own.filter((s) => !s.attributes.includes('application/json'))).toHaveLength(4);
    // The libraries' code mentions <img (vega-embed's tooltips); the page itself has none.
    expect(hostile.replace(/<script[^>]*>[\s\S]*?<\/script>/g, '').match(/<img/g)).toBeNull();
  });
});
