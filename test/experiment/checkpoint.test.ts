/**
 * The checkpoint's run identity and checksums: every record names its run and carries a
 * checksum; a damaged record (one bit flipped in a result) is dropped, said, and run again, so
 * the resumed run still ends with the bytes of an uninterrupted one; a record of another run is
 * refused, naming the line and why.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkpointFile } from '../../src/experiment/checkpoint.js';
import { codeHash } from '../../src/experiment/code-hash.js';
import { executeExperiment } from '../../src/experiment/execute.js';
import { freshOut as freshOutIn, smallExperiment, tempDir, withConfig } from './helpers.js';

const root = tempDir('checkpoint');
const freshOut = (): string => freshOutIn(root);
const read = (dir: string, file: string): string => readFileSync(join(dir, file), 'utf8');
const lines = (file: string): string[] => readFileSync(file, 'utf8').trimEnd().split('\n');

/** Runs the small experiment until `k` replications are checkpointed, then stops. */
async function interrupted(k: number, experiment = smallExperiment()): Promise<string> {
  const out = freshOut();
  let started = 0;
  await executeExperiment(experiment, { out, workers: 1, shouldStop: () => started++ >= k });
  return out;
}

/** The line with the lowest bit of one byte of its first metric value flipped. */
function flipOneBit(line: string): string {
  const record = JSON.parse(line);
  const bytes = Buffer.from(record.output.metricValues, 'base64');
  bytes[3] ^= 1;
  record.output.metricValues = bytes.toString('base64');
  return JSON.stringify(record);
}

describe('the checkpoint', () => {
  it('names the run in its header and in every record, with a checksum of each record', async () => {
    const e = smallExperiment();
    const file = checkpointFile(await interrupted(2, e));
    const [header, ...records] = lines(file).map((l) => JSON.parse(l));
    expect(header).toMatchObject({ checkpoint: 2, seed: 11, codeHash: codeHash() });
    expect(records).toHaveLength(2);
    for (const r of records) {
      expect(Object.keys(r)).toEqual(['run', 'output', 'sum']);
      expect(r.run).toEqual({ experimentHash: header.experimentHash, seed: 11, codeHash: codeHash() });
      expect(r.sum).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it('drops a record with one bit flipped, says so, runs it again, and ends with the bytes of an uninterrupted run', async () => {
    const e = smallExperiment();
    const reference = freshOut();
    await executeExperiment(e, { out: reference, workers: 1 });
    const out = await interrupted(3, e);
    const file = checkpointFile(out);
    const text = lines(file);
    text[2] = flipOneBit(text[2]);
    writeFileSync(file, text.join('\n') + '\n');
    const notices: string[] = [];
    let ran = 0;
    await executeExperiment(e, { out, workers: 1, resume: true, onNotice: (m) => notices.push(m), onProgress: () => ran++ });
    expect(notices).toEqual([`${file}: 1 damaged record dropped, line 3 (checksum mismatch): its replication runs again`]);
    expect(ran - 1).toBe(8 - 2); // the damaged one runs again with those never run
    expect(read(out, 'summary.json') === read(reference, 'summary.json')).toBe(true);
    expect(read(out, 'replications.csv') === read(reference, 'replications.csv')).toBe(true);
  });

  it('rewrites the checkpoint without the damaged record, so a later resume does not meet it again', async () => {
    const e = smallExperiment();
    const out = await interrupted(3, e);
    const file = checkpointFile(out);
    const text = lines(file);
    writeFileSync(file, [text[0], text[1], 'garbage', text[2], text[3]].join('\n') + '\n');
    const notices: string[] = [];
    let started = 0;
    await executeExperiment(e, { out, workers: 1, resume: true, onNotice: (m) => notices.push(m), shouldStop: () => started++ >= 1 });
    expect(notices).toEqual([`${file}: 1 damaged record dropped, line 3 (not JSON): its replication runs again`]);
    expect(lines(file)).toHaveLength(1 + 3 + 1);
    notices.length = 0;
    await executeExperiment(e, { out, workers: 1, resume: true, onNotice: (m) => notices.push(m) });
    expect(notices).toEqual([]);
  });

  it("refuses a record of another run, naming its line, even under this run's header", async () => {
    const e = smallExperiment();
    const out = await interrupted(2, e);
    const other = await interrupted(2, withConfig(e, { seed: 12 }));
    const file = checkpointFile(out);
    writeFileSync(file, [...lines(file), lines(checkpointFile(other))[1]].join('\n') + '\n');
    const before = readFileSync(file, 'utf8');
    await expect(executeExperiment(e, { out, workers: 1, resume: true })).rejects.toThrow(
      `cannot resume from ${file}: line 4 is a replication of another run: it is a run with seed 12, not 11; run again without --resume into a new --out`,
    );
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('refuses a checkpoint written by other code', async () => {
    const e = smallExperiment();
    const out = await interrupted(1, e);
    const file = checkpointFile(out);
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll(codeHash(), '0123456789abcdef'));
    await expect(executeExperiment(e, { out, workers: 1, resume: true })).rejects.toThrow(
      `cannot resume from ${file}: it was written by other code (code 0123456789abcdef; this is code ${codeHash()}), whose replications may differ from this code's; run again without --resume into a new --out`,
    );
  });
});
