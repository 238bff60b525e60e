/**
 * Assembles the report page: one HTML file with the chart libraries, the chart specs (data
 * inlined) and a static SVG of every chart inside, and a Content-Security-Policy that lets
 * the page run only its own scripts and reach no address at all.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import type { ChartSection } from './charts/common.js';
import { escapeHtml, jsonForScript } from './escape.js';
import type { InlineLibrary } from './inline-libraries.js';
import { PAGE_STYLE } from './page-style.js';

/** A section of the page: a chart (with its static SVG) or HTML of its own. */
export type PageSection = { kind: 'chart'; chart: ChartSection; svg: string | null } | { kind: 'html'; id: string; title: string; html: string };

/** What the page is made of. */
export interface PageInput {
  title: string;
  /** Plain-text lines under the title (escaped here). */
  lede: string;
  meta: string;
  sections: PageSection[];
  libraries: InlineLibrary[];
}

/**
 * Draws every chart with vega-embed into a hidden element, then swaps it for the static SVG.
 * `ast: true` makes vega-embed evaluate expressions with vega's interpreter instead of
 * `new Function`, so the CSP needs no 'unsafe-eval'. A chart that fails keeps its static SVG
 * and says so on the console.
 */
const BOOT_SCRIPT = `(function () {
  'use strict';
  var charts = document.querySelectorAll('[data-chart]');
  Array.prototype.forEach.call(charts, function (el) {
    var id = el.getAttribute('data-chart');
    var live = document.createElement('div');
    live.className = 'live-chart pending';
    el.appendChild(live);
    var spec;
    try {
      spec = JSON.parse(document.getElementById('spec-' + id).textContent);
    } catch (err) {
      el.setAttribute('data-rendered', 'failed');
      console.error('careflow report: chart "' + id + '" has no readable spec: ' + err);
      return;
    }
    vegaEmbed(live, spec, { renderer: 'svg', actions: false, ast: true })
      .then(function () {
        var still = el.querySelector('.static-chart');
        if (still) still.parentNode.removeChild(still);
        live.className = 'live-chart';
        el.setAttribute('data-rendered', 'true');
      })
      .catch(function (err) {
        live.parentNode.removeChild(live);
        el.setAttribute('data-rendered', 'failed');
        console.error('careflow report: chart "' + id + '" could not be drawn: ' + err);
      });
  });
})();`;

/** The base64 SHA-256 of a script, as a CSP source expression. */
export function scriptHash(code: string): string {
  return `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;
}

/**
 * The Content-Security-Policy: nothing by default (so no fetch, image, font, frame or form can
 * reach any address), the page's own scripts by hash, inline styles (vega-embed adds some),
 * and data: images only.
 */
export function contentSecurityPolicy(scripts: string[]): string {
  return ["default-src 'none'", `script-src ${scripts.map(scriptHash).join(' ')}`, "style-src 'unsafe-inline'", 'img-src data:', "base-uri 'none'", "form-action 'none'"].join('; ');
}

/** The page as one HTML string. */
export function renderPage(input: PageInput): string {
  const scripts = [...input.libraries.map((l) => l.code), BOOT_SCRIPT];
  const toc = input.sections.map((s) => {
    const [id, title] = s.kind === 'chart' ? [s.chart.id, s.chart.title] : [s.id, s.title];
    return `<li><a href="#${escapeHtml(id)}">${escapeHtml(title)}</a></li>`;
  });
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(scripts))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(input.title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(input.title)}</h1>
<p class="lede">${escapeHtml(input.lede)}</p>
<p class="meta">${escapeHtml(input.meta)}</p>
<noscript><p class="note">Scripts are off: the charts below are static pictures, without tooltips.</p></noscript>
</header>
<nav class="toc" aria-label="Contents"><strong>Contents</strong><ol>${toc.join('')}</ol></nav>
<main>
${input.sections.map(sectionHtml).join('\n')}
</main>
${input.libraries.map((l) => `<script>${l.code}</script>`).join('\n')}
<script>${BOOT_SCRIPT}</script>
</body>
</html>
`;
}

function sectionHtml(s: PageSection): string {
  if (s.kind === 'html') return `<section id="${escapeHtml(s.id)}">\n<h2>${escapeHtml(s.title)}</h2>\n${s.html}\n</section>`;
  const c = s.chart;
  const caption = c.caption ? `<figcaption>${escapeHtml(c.caption)}</figcaption>` : '';
  const note = c.note ? `<p class="note">${escapeHtml(c.note)}</p>` : '';
  if (c.spec === null || s.svg === null) return `<section id="${escapeHtml(c.id)}">\n<h2>${escapeHtml(c.title)}</h2>\n${note}\n</section>`;
  return `<section id="${escapeHtml(c.id)}">
<h2>${escapeHtml(c.title)}</h2>
<figure>
${caption}
<div class="chart" data-chart="${escapeHtml(c.id)}"><div class="static-chart">${s.svg}</div></div>
</figure>
${note}
<script type="application/json" id="spec-${escapeHtml(c.id)}">${jsonForScript(c.spec)}</script>
</section>`;
}
