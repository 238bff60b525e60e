/**
 * The results files: CSV quoting, the CSV files agreeing with summary.json and the runs, and
 * the all-or-nothing write.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DAILY_COLUMNS } from '../../src/model/observations.js';
import { csvField, writeResults, type Manifest } from '../../src/experiment/results.js';
import { runExperiment, type RunOutputs } from '../../src/experiment/runner.js';
import type { LoadedExperiment } from '../../src/experiment/scenario.js';
import { summariseExperiment, type ExperimentSummary } from '../../src/experiment/summary.js';
import { splitCsv } from './csv.js';
import { smallExperiment, tempDir } from './helpers.js';

const root = tempDir('results');
const MANIFEST = { careflowVersion: 'test' } as Manifest;

let experiment: LoadedExperiment;
let run: RunOutputs;
let summary: ExperimentSummary;
let dir: string;

beforeAll(async () => {
  experiment = smallExperiment();
  run = await runExperiment(experiment, { workers: 1, replications: 3 });
  summary = summariseExperiment(experiment, run);
  dir = join(root, 'written');
  writeResults(dir, experiment, run, summary, MANIFEST);
});

const rows = (file: string): string[][] => splitCsv(readFileSync(join(dir, file), 'utf8'));

describe('csvField', () => {
  it('quotes only what needs quoting, and writes non-finite numbers as empty', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(1.5)).toBe('1.5');
    expect(csvField(-0.25)).toBe('-0.25');
    expect(csvField(NaN)).toBe('');
    expect(csvField(Infinity)).toBe('');
  });
});

describe('writeResults', () => {
  it('writes summary.csv with the values of summary.json', () => {
    const [header, ...body] = rows('summary.csv');
    expect(header).toEqual(['scenario', 'metric', 'mean', 'sd', 'ciLow', 'ciHigh', 'p05', 'median', 'p95', 'n', 'diffMean', 'diffCiLow', 'diffCiHigh']);
    for (const [scenario, metric, ...values] of body) {
      const s = summary.scenarios.find((x) => x.name === scenario)!;
      const m = s.metrics[metric];
      const num = (v: string): number => (v === '' ? NaN : Number(v));
      expect(values.slice(0, 8).map(num)).toEqual([m.mean, m.sd, m.ciLow, m.ciHigh, m.p05, m.median, m.p95, m.n]);
      const d = s.differences[metric];
      if (d) expect(values.slice(8).map(num)).toEqual([d.mean, d.ciLow, d.ciHigh]);
      else expect(values.slice(8)).toEqual(['', '', '']);
    }
  });

  it('writes replications.csv with every value of every run, replications numbered from 1', () => {
    const [header, ...body] = rows('replications.csv');
    expect(header).toEqual(['scenario', 'replication', 'metric', 'value']);
    const names = Object.keys(run.outputs[0][0].metrics);
    expect(body).toHaveLength(2 * 3 * names.length);
    for (const [scenario, replication, metric, value] of body) {
      const s = experiment.scenarios.findIndex((x) => x.name === scenario);
      const expected = run.outputs[s][Number(replication) - 1].metrics[metric];
      expect(value === '' ? NaN : Number(value)).toEqual(expected);
    }
    expect(body[0].slice(0, 2)).toEqual(['base', '1']);
  });

  it('writes daily.csv with each replication and their mean, rounded to 6 decimals', () => {
    const [header, ...body] = rows('daily.csv');
    expect(header).toEqual(['scenario', 'replication', 'day', 'setting', ...DAILY_COLUMNS]);
    const settings = Object.keys(experiment.model.settings);
    expect(new Set(body.map((r) => r[3]))).toEqual(new Set(settings));
    expect(new Set(body.map((r) => r[1]))).toEqual(new Set(['1', '2', '3', 'mean']));
    // day 120, acute, base: the mean row is the mean of the three replication rows
    const pick = (rep: string): number[] =>
      body
        .find((r) => r[0] === 'base' && r[1] === rep && r[2] === '120' && r[3] === 'acute')!
        .slice(4)
        .map(Number);
    const reps = ['1', '2', '3'].map(pick);
    const mean = pick('mean');
    for (let c = 0; c < DAILY_COLUMNS.length; c++) expect(mean[c]).toBeCloseTo((reps[0][c] + reps[1][c] + reps[2][c]) / 3, 5);
    // and the replication rows are the runs' own daily series
    const acute = settings.indexOf('acute');
    const own = run.outputs[0][1].daily!;
    expect(pick('2')).toEqual(DAILY_COLUMNS.map((_, c) => Math.round(own[(120 * settings.length + acute) * DAILY_COLUMNS.length + c] * 1e6) / 1e6));
    // the capacity column is the model's (constant) capacity
    expect(pick('2')[3]).toBe(experiment.model.settings.acute.capacity);
  });

  it('refuses to replace a folder that is already there, leaving it and no temp folder', () => {
    const taken = join(root, 'taken');
    mkdirSync(taken);
    writeFileSync(join(taken, 'precious.txt'), 'x');
    expect(() => writeResults(taken, experiment, run, summary, MANIFEST)).toThrow();
    expect(readdirSync(taken)).toEqual(['precious.txt']);
    expect(readdirSync(root).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('creates nothing when a file cannot be written', () => {
    const out = join(root, 'half');
    const broken = { ...summary, scenarios: [{ ...summary.scenarios[0], metrics: null as unknown as ExperimentSummary['scenarios'][0]['metrics'] }] };
    expect(() => writeResults(out, experiment, run, broken, MANIFEST)).toThrow();
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(root).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});
