/**
 * The command line: `careflow report <results-dir> [--out]`, `run --report`, and bad input
 * reported on one line with exit code 2. No simulation runs in `report`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { careflow, fixture, tempDir } from '../cli/helpers.js';

const root = tempDir('report');
const results = join(root, 'run');

beforeAll(() => {
  const r = careflow(['run', fixture('small.yaml'), '-r', '2', '-w', '1', '-q', '--out', results, '--report']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  // The report's path is the last line, after the results folder.
  expect(r.stdout.trimEnd().split('\n').slice(-2)).toEqual([`results: ${results}`, `report: ${join(results, 'report.html')}`]);
});

describe('careflow run --report', () => {
  it('writes report.html into the results folder', () => {
    expect(statSync(join(results, 'report.html')).size).toBeGreaterThan(500_000);
  });

  it('with --json keeps stdout for the summary and names the report on stderr', () => {
    const out = join(root, 'json');
    const r = careflow(['run', fixture('small.yaml'), '-r', '2', '-w', '1', '-q', '--json', '--out', out, '--report']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).experiment).toBe('small');
    expect(r.stderr).toBe(`report: ${join(out, 'report.html')}\n`);
  });
});

describe('careflow report', () => {
  it('writes the report of a results folder, elsewhere with --out, through a temporary file', () => {
    const out = join(root, 'board-pack.html');
    const r = careflow(['report', results, '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`report: ${out}\n`);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect(readdirSync(root).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('makes the folder of --out if it does not exist, and refuses a folder as the file', () => {
    const nested = join(root, 'packs', 'board', 'r.html');
    expect(careflow(['report', results, '--out', nested]).status).toBe(0);
    expect(readFileSync(nested, 'utf8')).toMatch(/^<!DOCTYPE html>/);
    const folder = careflow(['report', results, '--out', results]);
    expect(folder.status).toBe(2);
    expect(folder.stderr).toBe(`careflow: --out: ${results} is a folder; give the path of an HTML file\n`);
    for (const out of ['', `${join(root, 'not-yet')}/`]) {
      const r = careflow(['report', results, '--out', out]);
      expect(r.status, out).toBe(2);
      expect(r.stderr).toBe(`careflow: --out: expected the path of an HTML file, got "${out}"\n`);
    }
  });

  it('runs no simulation: the results folder is left as it was', () => {
    const before = readdirSync(results).sort();
    expect(careflow(['report', results]).status).toBe(0);
    expect(readdirSync(results).sort()).toEqual(before);
  });

  it('reports a missing folder or file on one line with exit code 2', () => {
    const missing = careflow(['report', join(root, 'nothing')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(`careflow: ${join(root, 'nothing')}: no such results folder\n`);
    const notResults = careflow(['report', root]);
    expect(notResults.status).toBe(2);
    expect(notResults.stderr).toBe(`careflow: ${join(root, 'summary.json')}: missing; not a complete careflow results folder\n`);
    expect(existsSync(join(root, 'report.html'))).toBe(false);
  });

  it('is listed in --help', () => {
    const r = careflow(['report', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--out');
  });
});
