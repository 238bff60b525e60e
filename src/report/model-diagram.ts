/**
 * The model's settings and routes as a static inline SVG (STRESS-DES 2.1): arrivals, the acute
 * setting, the settings each discharge pathway and community referral leads to, the settings
 * their routes lead on to, and the exits (home, death, readmission), in columns by the number
 * of steps from arrival. Drawn from the model as run, so a changed model draws itself; static,
 * with no script and nothing fetched. Every name is escaped.
 *
 * @module
 */
import { escapeHtml } from './escape.js';

/** What the diagram reads of a model (plain JSON from manifest.json). */
interface DiagramModel {
  arrivals?: { community?: { to?: string; perDay?: number }[] };
  pathways?: Record<string, { to?: string }>;
  settings?: Record<string, { kind?: string; next?: { to: string; probability: number }[] }>;
}

const EXITS = ['home', 'death', 'readmission'];
const BOX_W = 170;
const BOX_H = 34;
const COL_GAP = 70;
const ROW_GAP = 18;
/** Room above the boxes for the edges from the acute setting straight to an exit (P0 home). */
const TOP = 34;

interface Edge {
  from: string;
  to: string;
  label: string;
}

/** The diagram's SVG; an empty string when the model has no acute setting to start from. */
export function modelDiagramSvg(model: unknown): string {
  const m = (model ?? {}) as DiagramModel;
  const settings = m.settings ?? {};
  const acute = Object.keys(settings).find((s) => settings[s]?.kind === 'acute');
  if (!acute) return '';
  const edges: Edge[] = [{ from: 'arrivals', to: acute, label: 'admission' }];
  for (const [pathway, p] of Object.entries(m.pathways ?? {})) edges.push({ from: acute, to: p.to ?? 'home', label: pathway });
  for (const c of m.arrivals?.community ?? []) if (c.to) edges.push({ from: 'community', to: c.to, label: 'step-up referral' });
  for (const [name, s] of Object.entries(settings)) for (const r of s.next ?? []) edges.push({ from: name, to: r.to, label: `${Math.round(100 * r.probability)}%` });
  const merged = mergeEdges(edges);
  // Columns: arrivals, then the acute setting with the community referrals beside it, the
  // settings the pathways and referrals lead to, the settings their routes lead on to, and the exits.
  const column = new Map<string, number>([
    ['arrivals', 0],
    [acute, 1],
  ]);
  if (merged.some((e) => e.from === 'community')) column.set('community', 1);
  const queue = [acute, 'community'];
  while (queue.length > 0) {
    const node = queue.shift() as string;
    for (const e of merged.filter((x) => x.from === node && !EXITS.includes(x.to))) {
      if (!column.has(e.to)) {
        column.set(e.to, Math.max(2, (column.get(node) ?? 0) + 1));
        queue.push(e.to);
      }
    }
  }
  const last = Math.max(...column.values()) + 1;
  for (const exit of EXITS) if (merged.some((e) => e.to === exit)) column.set(exit, last);
  const columns: string[][] = Array.from({ length: last + 1 }, () => []);
  for (const [node, c] of column) columns[c].push(node);
  const position = new Map<string, { x: number; y: number }>();
  columns.forEach((nodes, c) => nodes.forEach((node, i) => position.set(node, { x: 10 + c * (BOX_W + COL_GAP), y: TOP + i * (BOX_H + ROW_GAP) })));
  const width = 20 + columns.length * (BOX_W + COL_GAP) - COL_GAP;
  const height = TOP + 10 + Math.max(...columns.map((n) => n.length)) * (BOX_H + ROW_GAP) - ROW_GAP;
  const lines = merged
    .filter((e) => position.has(e.from) && position.has(e.to))
    .map((e) => {
      const a = position.get(e.from) as { x: number; y: number };
      const b = position.get(e.to) as { x: number; y: number };
      const [x1, y1, x2, y2] = [a.x + BOX_W, a.y + BOX_H / 2, b.x, b.y + BOX_H / 2];
      // Within a column (home care to a care home): a bow on the right; back to an earlier column: a bend below.
      const overTop = e.from === acute && EXITS.includes(e.to);
      const path = overTop
        ? `M${x1},${y1} C${x1 + 60},4 ${x2 - 60},4 ${x2},${y2}`
        : a.x === b.x
          ? `M${x1},${y1} C${x1 + 40},${y1} ${x1 + 40},${y2} ${x1 + 2},${y2}`
          : x2 < x1
            ? `M${x1},${y1} C${x1 + 40},${y1 + 60} ${x2 - 40},${y2 + 60} ${x2},${y2}`
            : `M${x1},${y1} L${x2},${y2}`;
      // Labels only on the pathways out of the acute setting and the arrivals; route shares are listed under the diagram.
      const [lx, ly, anchor] = overTop ? [(x1 + x2) / 2, 14, 'middle'] : [x2 - 30, y1 + (y2 - y1) * ((BOX_W + COL_GAP - 30) / (BOX_W + COL_GAP)) - 4, 'end'];
      const label = e.from === acute ? `<text x="${lx.toFixed(1)}" y="${ly.toFixed(1)}" text-anchor="${anchor}" class="edge-label">${escapeHtml(e.label)}</text>` : '';
      return `<path d="${path}" class="edge" marker-end="url(#arrow)"><title>${escapeHtml(`${e.from} to ${e.to}: ${e.label}`)}</title></path>${label}`;
    });
  const boxes = [...position].map(([node, p]) => {
    const kind = node === 'arrivals' || node === 'community' ? 'source' : EXITS.includes(node) ? 'exit' : (settings[node]?.kind ?? 'setting');
    const label = node === 'arrivals' ? 'emergency arrivals' : node === 'community' ? 'community referrals' : node;
    return `<g class="node ${escapeHtml(kind)}"><rect x="${p.x}" y="${p.y}" width="${BOX_W}" height="${BOX_H}" rx="6"/><text x="${p.x + BOX_W / 2}" y="${p.y + BOX_H / 2 + 4}" text-anchor="middle">${escapeHtml(label)}</text></g>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" class="model-diagram" role="img" aria-label="Settings and routes of the model" viewBox="0 0 ${width} ${height + 50}" width="${width}" height="${height + 50}">
<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>
<style>.edge{fill:none;stroke:#777;stroke-width:1.3}.edge-label{font:11px sans-serif;fill:#444}.node rect{fill:#eef3fa;stroke:#005eb8}.node.exit rect{fill:#f5f5f5;stroke:#888}.node.source rect{fill:#fff8e6;stroke:#e0a100}.node.acute rect{fill:#dde8f7}.node text{font:12.5px sans-serif;fill:#1d1d1f}</style>
${lines.join('\n')}
${boxes.join('\n')}
</svg>`;
}

/** Edges between the same two nodes become one, their labels joined (P2 and P3 into one setting). */
function mergeEdges(edges: Edge[]): Edge[] {
  const byPair = new Map<string, Edge>();
  for (const e of edges) {
    const key = `${e.from}\u0000${e.to}`;
    const seen = byPair.get(key);
    if (seen) seen.label = `${seen.label}, ${e.label}`;
    else byPair.set(key, { ...e });
  }
  return [...byPair.values()];
}
