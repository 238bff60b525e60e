/**
 * The model description: a section id="model-description" with every STRESS-DES item, each
 * labelled with its number (checked against the guideline's list written out here, not the
 * module's own), generated from the run: the objectives of default.yaml, the model's limits, a
 * diagram with every setting, the machine and the software versions of manifest.json, the
 * licence and how to cite; and the sharing files themselves (LICENSE, CITATION.cff).
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadResults } from '../../src/report/load-results.js';
import { modelDiagramSvg } from '../../src/report/model-diagram.js';
import { careflow, ROOT } from '../cli/helpers.js';
import { HOSTILE_NAME, tempDir } from './helpers.js';

/** STRESS-DES (Monks et al. 2019): 20 items, 2.5 in five parts. */
const ITEMS = [
  '1.1',
  '1.2',
  '1.3',
  '2.1',
  '2.2',
  '2.3',
  '2.4',
  '2.5.1',
  '2.5.2',
  '2.5.3',
  '2.5.4',
  '2.5.5',
  '3.1',
  '3.2',
  '3.3',
  '3.4',
  '4.1',
  '4.2',
  '4.3',
  '5.1',
  '5.2',
  '5.3',
  '5.4',
  '6.1',
];

let page = '';
let section = '';
let results = '';

/** The text of an item, tags removed. */
function item(number: string): string {
  const start = section.indexOf(`data-item="${number}"`);
  expect(start, `item ${number}`).toBeGreaterThan(0);
  const end = section.indexOf('<div class="stress-item"', start);
  return section
    .slice(start, end < 0 ? undefined : end)
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

beforeAll(() => {
  // The shipped default experiment, short: 2 replications.
  results = join(tempDir('stress'), 'results');
  const run = careflow(['run', 'experiments/default.yaml', '-r', '2', '-w', '1', '-q', '--out', results, '--report']);
  expect(run.status, run.stderr).toBe(0);
  page = readFileSync(join(results, 'report.html'), 'utf8');
  const start = page.indexOf('<section id="model-description">');
  section = page.slice(start, page.indexOf('</section>', start));
});

describe('the model description of a report of experiments/default.yaml', () => {
  it('has the summary and the model description, and every STRESS-DES item labelled with its number, in order', () => {
    expect(page).toContain('<section id="summary">');
    expect(section).not.toBe('');
    const numbers = [...section.matchAll(/<span class="item-number">([\d.]+)<\/span>/g)].map((m) => m[1]);
    expect(numbers).toEqual(ITEMS);
    expect(section).not.toContain('Not reported.');
  });

  it("states the experiment's objectives (1.1) and the model's known limits (3.4) from their files", () => {
    const experiment = parse(readFileSync(join(ROOT, 'experiments/default.yaml'), 'utf8')) as { objectives: string };
    const model = parse(readFileSync(join(ROOT, 'models/england-typical.yaml'), 'utf8')) as { limits: string[] };
    expect(experiment.objectives.length).toBeGreaterThan(50);
    expect(item('1.1')).toContain(experiment.objectives);
    expect(model.limits.length).toBeGreaterThan(2);
    for (const limit of model.limits) expect(item('3.4')).toContain(limit);
  });

  it('draws every setting of the model in the diagram (2.1) and names the mechanisms present (2.4)', () => {
    const settings = Object.keys((loadResults(results).manifest.model as { settings: Record<string, unknown> }).settings);
    const svg = item('2.1');
    for (const s of settings) expect(svg).toContain(s);
    expect(section).toMatch(/<svg[^>]*class="model-diagram"/);
    expect(item('2.4')).toContain('Provider markets (reablement, intermediateCareBeds, homeCare, careHome)');
  });

  it('gives the warm-up, run length and replications of the run (4.1-4.3)', () => {
    expect(item('4.1')).toContain('warm-up of 365 days');
    expect(item('4.2')).toContain('730 days a replication, of which the last 365 are the results window');
    expect(item('4.3')).toContain('2 independent replications per scenario');
  });

  it('gives the software versions, hashes and machine from manifest.json (5.1, 5.4), and the licence and citation (6.1)', () => {
    const m = loadResults(results).manifest;
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(item('5.1')).toContain(`careflow ${version}`);
    expect(item('5.1')).toContain(m.modelHash);
    expect(item('5.4')).toContain(`${os.cpus()[0].model.trim()}, ${os.cpus().length} cores`);
    expect(item('5.4')).toContain(`${os.type()} ${os.release()} ${os.arch()}`);
    expect(item('6.1')).toContain('MIT licence');
    expect(item('6.1')).toContain(`version ${version}`);
  });
});

describe('the sharing files', () => {
  it('LICENSE is MIT as package.json says, and CITATION.cff is CFF 1.2.0 with the package version', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; license: string };
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) 2026 careflow contributors\n/);
    const cff = parse(readFileSync(join(ROOT, 'CITATION.cff'), 'utf8')) as Record<string, unknown>;
    expect(cff).toMatchObject({ 'cff-version': '1.2.0', version: pkg.version, license: 'MIT', authors: [{ name: 'careflow contributors' }] });
    expect(typeof cff.title).toBe('string');
    expect(typeof cff.message).toBe('string');
  });
});

describe('the model diagram', () => {
  it('draws a box per setting and exit and an edge per route, with names escaped', () => {
    const svg = modelDiagramSvg({
      pathways: { P0: {}, P1: { to: 'rehab' } },
      settings: {
        acute: { kind: 'acute' },
        rehab: {
          kind: 'bed',
          next: [
            { to: 'home', probability: 0.7 },
            { to: HOSTILE_NAME, probability: 0.3 },
          ],
        },
        [HOSTILE_NAME]: { kind: 'home', next: [{ to: 'death', probability: 1 }] },
      },
    });
    expect(svg).not.toContain(HOSTILE_NAME);
    expect(svg).toContain('&lt;script&gt;');
    // arrivals, acute, rehab, the hostile setting, home, death
    expect(svg.match(/<rect /g)).toHaveLength(6);
    // arrivals-acute, acute-home (P0), acute-rehab (P1), rehab-home, rehab-hostile, hostile-death
    expect(svg.match(/<path d="[^"]*" class="edge"/g)).toHaveLength(6);
    expect(modelDiagramSvg({ settings: { beds: { kind: 'bed' } } })).toBe('');
  });
});
