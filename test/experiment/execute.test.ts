/**
 * An experiment from loaded file to results folder: the files and their shape, the same bytes
 * with any number of workers, nothing half-written on failure, and resuming an interrupted run.
 */
import os from 'node:os';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DAILY_COLUMNS } from '../../src/model/observations.js';
import { describe, expect, it } from 'vitest';
import { checkpointFile, decodeCheckpointLine, encodeCheckpointLine } from '../../src/experiment/checkpoint.js';
import { defaultResultsDir, executeExperiment } from '../../src/experiment/execute.js';
import { hashOf } from '../../src/experiment/scenario.js';
import { smallExperiment, tempDir, withConfig } from './helpers.js';

const root = tempDir('execute');
let counter = 0;
/** A new, not yet existing results folder inside its own parent (so the parent can be listed). */
function freshOut(): { parent: string; out: string } {
  const parent = join(root, `case-${++counter}`);
  mkdirSync(parent);
  return { parent, out: join(parent, 'results') };
}

const read = (dir: string, file: string): string => readFileSync(join(dir, file), 'utf8');
const METRIC_FIELDS = ['mean', 'sd', 'ciLow', 'ciHigh', 'p05', 'median', 'p95', 'n'];

describe('executeExperiment', () => {
  it('writes summary.json, summary.csv, replications.csv, daily.csv, daily-reasons.csv and manifest.json, and nothing else', async () => {
    const e = smallExperiment();
    const { parent, out } = freshOut();
    const result = await executeExperiment(e, { out, workers: 1 });
    expect(result.dir).toBe(out);
    expect(readdirSync(out).sort()).toEqual(['daily-reasons.csv', 'daily.csv', 'manifest.json', 'replications.csv', 'summary.csv', 'summary.json']);
    expect(readdirSync(parent)).toEqual(['results']); // no temp folder, no checkpoint left
    expect(existsSync(checkpointFile(out))).toBe(false);

    const summary = JSON.parse(read(out, 'summary.json'));
    expect(summary).toEqual(result.summary);
    expect(Object.keys(summary)).toEqual(['experiment', 'model', 'seed', 'replications', 'warmupDays', 'horizonDays', 'baseline', 'scenarios', 'saturation']);
    expect(summary.saturation).toEqual([]); // the small experiment keeps up everywhere
    expect(summary).toMatchObject({ experiment: 'small', model: 'minimal', seed: 11, replications: 4, warmupDays: 50, horizonDays: 200, baseline: 'base' });
    expect(summary.scenarios.map((s: { name: string }) => s.name)).toEqual(['base', 'moreBeds']);
    for (const s of summary.scenarios) {
      expect(Object.keys(s)).toEqual(['name', 'description', 'policies', 'metrics', 'differences']);
      expect(Object.keys(s.metrics).length).toBeGreaterThan(50);
      for (const m of Object.values(s.metrics) as Record<string, number>[]) {
        expect(Object.keys(m)).toEqual(METRIC_FIELDS);
        expect(m.n).toBe(4);
      }
    }
    expect(summary.scenarios[0].differences).toEqual({});
    expect(Object.keys(summary.scenarios[1].differences)).toEqual(Object.keys(summary.scenarios[1].metrics));
    for (const d of Object.values(summary.scenarios[1].differences) as Record<string, number>[]) {
      expect(Object.keys(d)).toEqual(['mean', 'ciLow', 'ciHigh']);
    }
    expect(summary.scenarios[1].metrics.acuteBeds.mean).toBe(130);
    expect(summary.scenarios[1].differences.acuteBeds.mean).toBe(10);

    const metrics = Object.keys(summary.scenarios[0].metrics);
    const summaryCsv = read(out, 'summary.csv').trimEnd().split('\n');
    expect(summaryCsv[0]).toBe('scenario,metric,mean,sd,ciLow,ciHigh,p05,median,p95,n,diffMean,diffCiLow,diffCiHigh');
    expect(summaryCsv).toHaveLength(1 + 2 * metrics.length);
    const replicationsCsv = read(out, 'replications.csv').trimEnd().split('\n');
    expect(replicationsCsv[0]).toBe('scenario,replication,metric,value');
    expect(replicationsCsv).toHaveLength(1 + 2 * 4 * metrics.length);
    const dailyCsv = read(out, 'daily.csv').trimEnd().split('\n');
    expect(dailyCsv[0]).toBe(['scenario', 'replication', 'day', 'setting', ...DAILY_COLUMNS].join(','));
    expect(dailyCsv).toHaveLength(1 + 2 * (4 + 1) * 200 * 4); // scenarios x (replications + mean) x days x settings

    const manifest = JSON.parse(read(out, 'manifest.json'));
    expect(manifest).toMatchObject({
      experimentFile: e.file,
      modelFile: e.modelFile,
      modelHash: hashOf(e.model),
      seed: 11,
      replications: 4,
      workers: 1,
      node: process.version,
    });
    expect(manifest.careflowVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(manifest.experimentHash).toMatch(/^[0-9a-f]{16}$/);
    expect(Date.parse(manifest.finishedAt)).toBeGreaterThanOrEqual(Date.parse(manifest.startedAt));
    expect(manifest.wallSeconds).toBeGreaterThanOrEqual(0);
    // The machine, for the report's STRESS-DES 5.4 (system specification).
    expect(manifest.machine).toEqual({ cpu: os.cpus()[0].model.trim(), cores: os.cpus().length, memoryBytes: os.totalmem(), os: `${os.type()} ${os.release()} ${os.arch()}` });
    expect(manifest.experiment).toEqual(e.config);
    expect(manifest.model).toEqual(e.model);
    expect(manifest.scenarios.map((s: { name: string; hash: string }) => [s.name, s.hash])).toEqual(e.scenarios.map((s) => [s.name, hashOf(s.model)]));
  });

  it('writes byte-identical results with one worker and with two', async () => {
    const e = smallExperiment();
    const a = freshOut().out;
    const b = freshOut().out;
    await executeExperiment(e, { out: a, workers: 1 });
    await executeExperiment(e, { out: b, workers: 2 });
    for (const file of ['summary.json', 'summary.csv', 'replications.csv', 'daily.csv']) {
      expect(read(b, file) === read(a, file), file).toBe(true);
    }
    expect(JSON.parse(read(b, 'manifest.json')).workers).toBe(2);
  });

  it('gives different results for a different seed', async () => {
    const e = smallExperiment();
    const a = freshOut().out;
    const b = freshOut().out;
    await executeExperiment(withConfig(e, { replications: 2 }), { out: a, workers: 1 });
    await executeExperiment(withConfig(e, { replications: 2, seed: 12 }), { out: b, workers: 1 });
    expect(read(a, 'replications.csv')).not.toBe(read(b, 'replications.csv'));
  });

  it('leaves out daily.csv and replications.csv when the outputs say so', async () => {
    const e = withConfig(smallExperiment(), { outputs: { daily: false, replications: false }, replications: 2 });
    const { out } = freshOut();
    await executeExperiment(e, { out, workers: 1 });
    expect(readdirSync(out).sort()).toEqual(['manifest.json', 'summary.csv', 'summary.json']);
  });

  it('leaves no results folder and no temp folder when the run fails', async () => {
    const e = smallExperiment();
    const { parent, out } = freshOut();
    let calls = 0;
    await expect(
      executeExperiment(e, {
        out,
        workers: 1,
        onProgress: () => {
          if (++calls === 4) throw new Error('disk on fire');
        },
      }),
    ).rejects.toThrow('disk on fire');
    expect(existsSync(out)).toBe(false);
    // only the checkpoint of the finished replications remains, for --resume
    expect(readdirSync(parent)).toEqual(['results.partial.jsonl']);
  });

  it('leaves no temp folder, and the existing folder untouched, when the results cannot be put in place', async () => {
    const e = withConfig(smallExperiment(), { replications: 2 });
    const { parent, out } = freshOut();
    mkdirSync(out);
    writeFileSync(join(out, 'keep.txt'), 'mine');
    await expect(executeExperiment(e, { out, workers: 1 })).rejects.toThrow();
    expect(readdirSync(out)).toEqual(['keep.txt']);
    expect(readdirSync(parent).filter((f) => f.includes('tmp'))).toEqual([]);
  });

  it('names default results folders results/<experiment>/<date-time>', () => {
    expect(defaultResultsDir('results', 'default', new Date('2026-01-02T03:04:05.678Z'))).toBe(join('results', 'default', '2026-01-02T03-04-05'));
  });
});

describe('resuming an interrupted run', () => {
  it('keeps metrics that are not finite through the checkpoint (JSON alone would make them null, then 0)', () => {
    const daily = Float64Array.of(1.5, NaN, -0, 3);
    const output = { scenarioIndex: 1, replication: 2, events: 99, daily, dailyReasons: null, metrics: { a: 1.25, b: NaN, c: Infinity, d: -Infinity, e: 0 } };
    const run = { experimentHash: 'e', seed: 1, codeHash: 'c' };
    const { output: back, run: runBack } = decodeCheckpointLine(encodeCheckpointLine(output, run));
    expect(runBack).toEqual(run);
    expect(back.metrics).toEqual(output.metrics);
    expect(Object.is(back.metrics.b, NaN)).toBe(true);
    expect([...(back.daily as Float64Array)]).toEqual([...daily]);
    expect(Object.is((back.daily as Float64Array)[2], -0)).toBe(true);
    expect(() => decodeCheckpointLine('{"scenarioIndex":0}')).toThrow(/not a checkpoint record/);
  });

  it('ends with the same summary and replications as an uninterrupted run when a metric is NaN (a setting with no places)', async () => {
    const e = withConfig(smallExperiment(), {
      scenarios: [{ name: 'base', description: 'no care home places', overrides: { 'settings.careHome.capacity': 0 }, policies: [] }],
    });
    const reference = freshOut().out;
    await executeExperiment(e, { out: reference, workers: 1 });
    expect(read(reference, 'summary.json')).toContain('"occupancyRate.careHome"');
    const { out } = freshOut();
    let started = 0;
    await executeExperiment(e, { out, workers: 1, shouldStop: () => started++ >= 2 });
    await executeExperiment(e, { out, workers: 1, resume: true });
    expect(read(out, 'summary.json') === read(reference, 'summary.json')).toBe(true);
    expect(read(out, 'replications.csv') === read(reference, 'replications.csv')).toBe(true);
  });

  it('keeps the finished replications in the checkpoint and ends with the summary of an uninterrupted run', async () => {
    const e = smallExperiment();
    const reference = freshOut().out;
    await executeExperiment(e, { out: reference, workers: 1 });

    const { parent, out } = freshOut();
    const k = 3;
    let started = 0;
    const first = await executeExperiment(e, { out, workers: 1, shouldStop: () => started++ >= k });
    expect(first.dir).toBeNull();
    expect(first.summary).toBeNull();
    expect(first.run.interrupted).toBe(true);
    expect(existsSync(out)).toBe(false);
    expect(first.checkpoint).toBe(checkpointFile(out));
    const lines = readFileSync(first.checkpoint, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(1 + k); // a header, then one line per finished replication
    expect(Object.keys(JSON.parse(lines[0]))).toEqual(['checkpoint', 'experimentHash', 'seed', 'codeHash', 'careflowVersion']);
    expect(
      lines
        .slice(1)
        .map((l) => JSON.parse(l).output)
        .map((o) => [o.scenarioIndex, o.replication]),
    ).toEqual([
      [0, 0],
      [1, 0],
      [0, 1],
    ]);

    let ran = 0;
    let firstProgress: number | undefined;
    const second = await executeExperiment(e, {
      out,
      workers: 2,
      resume: true,
      onProgress: (done) => {
        firstProgress ??= done;
        ran++;
      },
    });
    expect(firstProgress).toBe(k); // the checkpointed replications count as done
    expect(ran).toBe(1 + (8 - k));
    expect(second.dir).toBe(out);
    expect(read(out, 'summary.json') === read(reference, 'summary.json')).toBe(true);
    expect(read(out, 'daily.csv') === read(reference, 'daily.csv')).toBe(true);
    expect(readdirSync(parent)).toEqual(['results']); // checkpoint removed
  });

  it('survives being interrupted again, including before any replication finished', async () => {
    const e = smallExperiment();
    const reference = freshOut().out;
    await executeExperiment(e, { out: reference, workers: 1 });
    const { out } = freshOut();
    const checkpoint = checkpointFile(out);

    await executeExperiment(e, { out, workers: 1, shouldStop: () => true });
    expect(readFileSync(checkpoint, 'utf8').trimEnd().split('\n')).toHaveLength(1);
    let started = 0;
    await executeExperiment(e, { out, workers: 1, resume: true, shouldStop: () => started++ >= 2 });
    started = 0;
    await executeExperiment(e, { out, workers: 1, resume: true, shouldStop: () => started++ >= 2 });
    const lines = readFileSync(checkpoint, 'utf8').trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('{"checkpoint"'))).toHaveLength(1); // one header only
    expect(lines).toHaveLength(1 + 4);
    await executeExperiment(e, { out, workers: 1, resume: true });
    expect(read(out, 'summary.json') === read(reference, 'summary.json')).toBe(true);
  });

  it('reruns a replication whose checkpoint line was cut short, and keeps the lines written after it', async () => {
    const e = smallExperiment();
    const reference = freshOut().out;
    await executeExperiment(e, { out: reference, workers: 1 });
    const { out } = freshOut();
    const checkpoint = checkpointFile(out);
    let started = 0;
    await executeExperiment(e, { out, workers: 1, shouldStop: () => started++ >= 2 });
    const text = readFileSync(checkpoint, 'utf8');
    const last = text.trimEnd().split('\n').at(-1) as string;
    writeFileSync(checkpoint, text.slice(0, text.length - 1 - Math.floor(last.length / 2))); // cut the last line in half
    // resume, stop again after 3 more: the cut replication is rerun and 2 new ones are kept
    started = 0;
    await executeExperiment(e, { out, workers: 1, resume: true, shouldStop: () => started++ >= 3 });
    // resume to the end: only the 8 - 1 - 3 replications not yet in the checkpoint run
    let ran = 0;
    await executeExperiment(e, { out, workers: 1, resume: true, onProgress: () => ran++ });
    expect(ran - 1).toBe(8 - 1 - 3);
    expect(read(out, 'summary.json') === read(reference, 'summary.json')).toBe(true);
  });

  it('refuses to resume from the checkpoint of another seed or a different experiment, naming why', async () => {
    const e = smallExperiment();
    const { out } = freshOut();
    await executeExperiment(e, { out, workers: 1, shouldStop: () => true });
    await expect(executeExperiment(withConfig(e, { seed: 99 }), { out, workers: 1, resume: true })).rejects.toThrow(
      /cannot resume .*: it is a run with seed 11, not 99; run again without --resume/,
    );
    await expect(executeExperiment(withConfig(e, { horizonDays: 201 }), { out, workers: 1, resume: true })).rejects.toThrow(/cannot resume .* different experiment/);
    expect(existsSync(out)).toBe(false);
  });

  it('starts afresh, dropping an old checkpoint, without --resume', async () => {
    const e = smallExperiment();
    const { out } = freshOut();
    const checkpoint = checkpointFile(out);
    mkdirSync(join(out, '..'), { recursive: true });
    appendFileSync(checkpoint, 'not json\n');
    let ran = 0;
    await executeExperiment(withConfig(e, { replications: 2 }), { out, workers: 1, onProgress: () => ran++ });
    expect(ran).toBe(1 + 4);
    expect(existsSync(checkpoint)).toBe(false);
  });
});
