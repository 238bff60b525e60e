/**
 * The lock of a results folder: `<out>.lock`, created exclusively when a run or sweep starts and
 * removed when it ends, so that two runs never write into one `--out` (they would share one
 * checkpoint, so that a resume mixed their seeds, and the second would find the folder taken
 * at the very end and lose its work). It holds the pid, host, start time and command of the run
 * that took it, to name it when a second run is refused. A lock left by a run that died (its pid
 * no longer running on this host: kill -9, a crash) is stale and is taken over, so `--resume`
 * works after a kill; a lock of another host cannot be checked, so it is refused, naming the
 * file to delete if that run is gone.
 *
 * @module
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { UsageProblem } from './problems.js';

/** What a lock file says about the run holding it. */
export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
  command: string;
}

/** A lock held by this process. */
export interface ResultsLock {
  file: string;
  /** Removes the lock (once; later calls do nothing). */
  release(): void;
}

/** The lock file of a results folder. */
export function lockFile(out: string): string {
  return `${out}.lock`;
}

/** Whether a process with this pid runs on this host (one of another user counts). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock of `out`, or throws a UsageProblem (exit code 2) naming the run that holds
 * it. A stale lock is taken over, and `notice` says whose it was.
 */
export function takeResultsLock(out: string, command: string, notice: (message: string) => void): ResultsLock {
  const file = lockFile(out);
  const own: LockHolder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), command };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(file, own)) return held(file);
    const text = readText(file);
    if (text === null) continue; // released in between: try again
    const holder = parseHolder(text);
    // An unreadable lock is one being written (between its creation and its first write) or,
    // once old, one whose writer died in between.
    if (holder === null && Date.now() - mtimeMs(file) < UNREADABLE_GRACE_MS) throw new UsageProblem(`--out: ${out} is being locked by another run (${file})`);
    if (holder !== null && (holder.host !== own.host || processAlive(holder.pid))) {
      const where = holder.host === own.host ? '' : ` (another host: if that run is gone, delete ${file})`;
      throw new UsageProblem(`--out: ${out} is in use by another run: pid ${holder.pid} on ${holder.host}, started ${holder.startedAt}: ${holder.command}${where}`);
    }
    // Stale (or unreadable, which only an interrupted write of the lock leaves): moved aside
    // under a name of our own, then removed, if it is still the file we judged; a run that
    // took it over in between keeps its lock.
    const aside = `${file}.stale-${process.pid}`;
    try {
      renameSync(file, aside);
    } catch {
      continue;
    }
    if (readText(aside) !== text) {
      renameSync(aside, file);
      continue;
    }
    rmSync(aside, { force: true });
    notice(holder === null ? `${file} was unreadable; taken over` : `taking over the lock of a run that is gone: pid ${holder.pid} on ${holder.host}, started ${holder.startedAt}`);
  }
  throw new UsageProblem(`--out: cannot take the lock ${file}: other runs keep taking it`);
}

/** Creates the lock file if there is none; false if there is one. */
function tryCreate(file: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    writeSync(fd, JSON.stringify(holder) + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

function held(file: string): ResultsLock {
  let released = false;
  return {
    file,
    release: () => {
      if (released) return;
      released = true;
      rmSync(file, { force: true });
    },
  };
}

/** How long an unreadable lock is taken to be one another run is writing (ms). */
const UNREADABLE_GRACE_MS = 10_000;

function mtimeMs(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function parseHolder(text: string): LockHolder | null {
  try {
    const h = JSON.parse(text) as Partial<LockHolder>;
    return typeof h.pid === 'number' && typeof h.host === 'string' ? { pid: h.pid, host: h.host, startedAt: String(h.startedAt), command: String(h.command) } : null;
  } catch {
    return null;
  }
}
