/**
 * The report's stylesheet: readable on screen, and on paper (A4, no navigation, no chart cut
 * across pages, long sources not printed unless opened).
 *
 * @module
 */

/** The CSS of the page (inline: the CSP allows inline styles and nothing from elsewhere). */
export const PAGE_STYLE = `
:root { --ink: #1d1d1f; --muted: #5b5b60; --rule: #d9d9de; --accent: #005eb8; }
* { box-sizing: border-box; }
body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; color: var(--ink); margin: 0 auto; padding: 24px 28px 64px; max-width: 1040px; line-height: 1.45; font-size: 15px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 40px 0 8px; padding-top: 12px; border-top: 2px solid var(--rule); }
h3 { font-size: 16px; margin: 24px 0 8px; }
p.lede { font-size: 16px; margin: 4px 0 8px; }
p.meta, p.caption, figcaption, .note { color: var(--muted); font-size: 13.5px; }
.note { border-left: 3px solid #e0a100; padding: 4px 10px; background: #fff8e6; color: #4a3b00; }
.note.warning { border-left-color: #c0392b; background: #fdecea; color: #5c1a12; }
.note.warning ul { margin: 4px 0; padding-left: 20px; }
table.headline .saturated-flag { display: block; color: #c0392b; font-size: 12.5px; font-weight: bold; }
nav.toc { font-size: 14px; margin: 16px 0; padding: 10px 14px; background: #f5f6f8; border-radius: 6px; }
nav.toc ol { margin: 4px 0 0; padding-left: 22px; columns: 2; }
nav.toc a { color: var(--accent); }
figure { margin: 12px 0 0; }
.chart { overflow-x: auto; }
.chart svg { max-width: 100%; height: auto; }
.live-chart.pending { display: none; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: 13px; width: 100%; }
th, td { border-bottom: 1px solid var(--rule); padding: 6px 8px; vertical-align: top; text-align: left; }
thead th { font-size: 12.5px; color: var(--muted); font-weight: bold; border-bottom: 2px solid var(--ink); }
table.headline td { text-align: right; white-space: nowrap; }
table.headline th[scope=row] { min-width: 13em; max-width: 24em; }
table.headline thead th:not(:first-child) { text-align: right; }
table.headline tr.baseline { background: #f5f6f8; }
.value { display: block; font-weight: bold; font-size: 14px; }
.ci { display: block; color: var(--muted); font-size: 12px; }
.diff { display: block; font-size: 12px; color: var(--muted); }
.diff.clear { color: var(--ink); font-weight: bold; }
.diff.base { font-style: italic; }
.scenario-name { display: block; font-weight: bold; overflow-wrap: anywhere; }
.description { display: block; font-weight: normal; color: var(--muted); font-size: 12px; max-width: 26em; }
.scenario-summary h3 .description { display: inline; font-size: 13px; margin-left: 6px; }
ul.effects, ul.caveats { padding-left: 20px; }
ul.effects li, ul.caveats li { margin: 3px 0; }
.verdict.clear { font-weight: bold; }
.stress-item h4 { font-size: 14.5px; margin: 14px 0 4px; }
.item-number { display: inline-block; min-width: 3.2em; color: var(--accent); }
figure.model-diagram svg { max-width: 100%; height: auto; }
table.scenarios ul { margin: 0; padding-left: 18px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; font-size: 14px; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
details { margin: 8px 0; }
summary { cursor: pointer; color: var(--accent); }
pre.source { font-size: 12px; background: #f5f6f8; padding: 10px; max-height: 32em; overflow: auto; white-space: pre-wrap; overflow-wrap: anywhere; }
code { font-size: 12.5px; }
@media print {
  @page { size: A4; margin: 12mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  /* Nothing to click on paper: the contents, vega-embed's selectors (a chart prints with the band it shows), the notice for no scripts. */
  nav.toc, noscript, .vega-bindings, .vega-actions, form, input, select, button { display: none !important; }
  /* A heading stays with what follows it, never alone at the foot of a page. */
  h1, h2, h3, h4, figcaption, p.caption { break-after: avoid; page-break-after: avoid; }
  h2, h3, h4 { break-inside: avoid; }
  h2 { margin-top: 18px; }
  /* Charts, diagrams, table rows, short lists and each STRESS-DES item are not cut across pages. */
  figure, .chart, table.headline tr, table.scenarios tr, dl.facts, .note, ul.effects li, ul.caveats li, .stress-item { break-inside: avoid; page-break-inside: avoid; }
  .chart, .table-wrap { overflow: visible; }
  table { font-size: 8.5pt; }
  thead { display: table-header-group; }
  pre.source { max-height: none; overflow: visible; }
  a { color: inherit; text-decoration: none; }
}
`;
