/**
 * The results folder's lock: a second run into the same --out is refused at once, naming the
 * run that holds it; a lock left by a process that is gone is taken over with a notice; one of
 * another host is refused; the temporary folders of killed final writes are removed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { executeExperiment } from '../../src/experiment/execute.js';
import { UsageProblem } from '../../src/experiment/problems.js';
import { lockFile, processAlive, takeResultsLock } from '../../src/experiment/results-lock.js';
import { freshOut as freshOutIn, smallExperiment, tempDir, withConfig } from './helpers.js';

const root = tempDir('lock');
const freshOut = (): string => freshOutIn(root);

/** The pid of a process that has finished. */
function deadPid(): number {
  const pid = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
  expect(processAlive(Number(pid))).toBe(false);
  return Number(pid);
}

describe('the results lock', () => {
  it('is created with the holder, refused to a second taker naming it, and removed on release', () => {
    const out = freshOut();
    const lock = takeResultsLock(out, 'careflow run first.yaml', () => undefined);
    const holder = JSON.parse(readFileSync(lockFile(out), 'utf8'));
    expect(holder).toMatchObject({ pid: process.pid, host: hostname(), command: 'careflow run first.yaml' });
    let refusal: unknown;
    try {
      takeResultsLock(out, 'careflow run second.yaml', () => undefined);
    } catch (err) {
      refusal = err;
    }
    expect(refusal).toBeInstanceOf(UsageProblem);
    expect((refusal as Error).message).toBe(`--out: ${out} is in use by another run: pid ${process.pid} on ${hostname()}, started ${holder.startedAt}: careflow run first.yaml`);
    lock.release();
    expect(existsSync(lockFile(out))).toBe(false);
    takeResultsLock(out, 'careflow run second.yaml', () => undefined).release();
  });

  it('takes over the lock of a process that is gone, saying whose it was', () => {
    const out = freshOut();
    const pid = deadPid();
    writeFileSync(lockFile(out), JSON.stringify({ pid, host: hostname(), startedAt: '2026-01-01T00:00:00.000Z', command: 'careflow run x' }));
    const notices: string[] = [];
    const lock = takeResultsLock(out, 'careflow run y', (m) => notices.push(m));
    expect(notices).toEqual([`taking over the lock of a run that is gone: pid ${pid} on ${hostname()}, started 2026-01-01T00:00:00.000Z`]);
    expect(JSON.parse(readFileSync(lockFile(out), 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(readdirSync(join(out, '..'))).toEqual([]);
  });

  it('refuses a lock of another host, whose process it cannot check, saying which file to delete', () => {
    const out = freshOut();
    writeFileSync(lockFile(out), JSON.stringify({ pid: deadPid(), host: 'elsewhere', startedAt: 't', command: 'c' }));
    expect(() => takeResultsLock(out, 'careflow run y', () => undefined)).toThrow(`(another host: if that run is gone, delete ${lockFile(out)})`);
  });

  it('refuses a second run into the same --out at once, while the first runs, and the first finishes unharmed', async () => {
    const e = smallExperiment();
    const out = freshOut();
    const reference = freshOut();
    await executeExperiment(e, { out: reference, workers: 1 });
    const first = executeExperiment(e, { out, workers: 1, command: 'careflow run small.yaml' });
    let secondRan = 0;
    await expect(executeExperiment(withConfig(e, { seed: 99 }), { out, workers: 1, onProgress: () => secondRan++ })).rejects.toThrow(
      new RegExp(`^--out: ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is in use by another run: pid ${process.pid} on .*, started .*: careflow run small.yaml$`),
    );
    expect(secondRan).toBe(0);
    await first;
    expect(readFileSync(join(out, 'summary.json'), 'utf8') === readFileSync(join(reference, 'summary.json'), 'utf8')).toBe(true);
    expect(existsSync(lockFile(out))).toBe(false);
  });

  it('removes the temporary folders of final writes killed before their rename, and keeps those of live processes', async () => {
    const e = withConfig(smallExperiment(), { replications: 2 });
    const out = freshOut();
    const parent = join(out, '..');
    const dead = join(parent, `.results.tmp-${deadPid()}`);
    const live = join(parent, `.results.tmp-${process.ppid}`);
    for (const dir of [dead, live]) {
      mkdirSync(dir);
      writeFileSync(join(dir, 'summary.json'), '{"half": ');
    }
    const notices: string[] = [];
    await executeExperiment(e, { out, workers: 1, onNotice: (m) => notices.push(m) });
    expect(notices).toEqual([`removed ${dead}, left by a run killed while writing its results`]);
    expect(readdirSync(parent).sort()).toEqual([`.results.tmp-${process.ppid}`, 'results']);
  });
});
