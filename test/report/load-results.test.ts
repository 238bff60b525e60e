/**
 * Reading a results folder: clear one-line errors naming the file, and a folder without
 * daily.csv (outputs switched off) reported with notes instead of the charts over time.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UsageProblem } from '../../src/experiment/problems.js';
import { reportCharts } from '../../src/report/build-report.js';
import { loadResults } from '../../src/report/load-results.js';
import { hostileCopy, smallResults } from './helpers.js';

let dir: string;
beforeAll(async () => {
  dir = await smallResults();
});

describe('loadResults', () => {
  it('reads the summary, the manifest, the daily series and the model file text', () => {
    const r = loadResults(dir);
    expect(r.summary.scenarios.map((s) => s.name)).toEqual(['base', 'moreBeds']);
    expect(r.daily?.settings).toEqual(['acute', 'reablement', 'stepDown', 'careHome']);
    expect(r.daily?.scenarios.get('base')?.length).toBe(3);
    expect(r.hasReplications).toBe(true);
    expect(r.modelText).toContain('# A minimal valid model for the loader tests');
  });

  it('names a folder that does not exist', () => {
    expect(() => loadResults(join(dir, 'nope'))).toThrow(new UsageProblem(`${join(dir, 'nope')}: no such results folder`));
  });

  it('names a missing or malformed summary.json or manifest.json', () => {
    const copy = hostileCopy(dir);
    writeFileSync(join(copy, 'manifest.json'), '{ not json');
    expect(() => loadResults(copy)).toThrow(UsageProblem);
    expect(() => loadResults(copy)).toThrow(new RegExp(`^${join(copy, 'manifest.json')}: cannot be read as JSON`));
    writeFileSync(join(copy, 'summary.json'), '{"scenarios": []}');
    expect(() => loadResults(copy)).toThrow(new RegExp(`^${join(copy, 'summary.json')}: not a careflow summary`));
    rmSync(join(copy, 'summary.json'));
    expect(() => loadResults(copy)).toThrow(`${join(copy, 'summary.json')}: missing; not a complete careflow results folder`);
  });

  it('shows the model as run from the manifest when the model file no longer matches', () => {
    const copy = hostileCopy(dir);
    const manifest = join(copy, 'manifest.json');
    const text = JSON.parse(JSON.stringify(loadResults(copy).manifest)) as Record<string, unknown>;
    writeFileSync(manifest, JSON.stringify({ ...text, modelHash: 'something else' }));
    expect(loadResults(copy).modelText).toBeNull();
  });
});

describe('a results folder without daily.csv or replications.csv', () => {
  it('leaves out the charts over time with a note, and keeps the others', async () => {
    const r = loadResults(await smallResults({ daily: false, replications: false }));
    expect(r.daily).toBeNull();
    expect(r.hasReplications).toBe(false);
    const charts = reportCharts(r);
    for (const id of ['occupancy', 'delays-over-time', 'warm-up']) {
      const chart = charts.find((c) => c.id === id);
      expect(chart?.spec, id).toBeNull();
      expect(chart?.note, id).toMatch(/no daily\.csv/);
    }
    for (const id of ['forest', 'bed-days', 'delay-length', 'costs']) expect(charts.find((c) => c.id === id)?.spec, id).not.toBeNull();
  });
});
