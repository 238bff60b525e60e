/**
 * Durable, all-or-nothing writes: a file or a folder is written under a temporary name, its
 * contents flushed to the disk (fsync), renamed into place, and the folder holding it flushed
 * too, so that after a crash or a power cut it is either there, whole, or absent. A rename
 * alone is atomic for readers but not durable: without the fsyncs a power cut can leave the
 * new name pointing at empty or half-written files.
 *
 * @module
 */
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Writes a file and flushes it to the disk. */
export function writeFileSynced(path: string, data: string | Uint8Array): void {
  const fd = openSync(path, 'w');
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a file or folder that is already written (a folder: its list of names). */
export function syncPath(path: string): void {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    // Windows cannot open a folder this way, and does not need to: its renames are durable.
    if (process.platform === 'win32') return;
    throw err;
  }
  try {
    fsyncSync(fd);
  } catch (err) {
    if (process.platform !== 'win32') throw err;
  } finally {
    closeSync(fd);
  }
}

/** Replaces a file atomically and durably (a temporary sibling, fsync, rename, fsync of the folder). */
export function writeFileAtomically(path: string, data: string): void {
  const temp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
  try {
    writeFileSynced(temp, data);
    renameSync(temp, path);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
  syncPath(dirname(path));
}

/** The temporary sibling folder a process writes `dir` into before renaming it into place. */
export function tempFolderFor(dir: string, pid = process.pid): string {
  return join(dirname(dir), `.${basename(dir)}.tmp-${pid}`);
}

/**
 * Renames a finished temporary folder into place: every file in it flushed first, then the
 * folder's list of names, then (after the rename) the parent's.
 */
export function commitFolder(temp: string, dir: string): void {
  for (const name of readdirSync(temp)) syncPath(join(temp, name));
  syncPath(temp);
  renameSync(temp, dir);
  syncPath(dirname(dir));
}

/**
 * Removes the temporary folders of `dir` left by processes that are gone (killed during the
 * final write): those named for a pid that `alive` says is not running. Returns their paths.
 */
export function removeStaleTempFolders(dir: string, alive: (pid: number) => boolean): string[] {
  const prefix = `.${basename(dir)}.tmp-`;
  let names: string[];
  try {
    names = readdirSync(dirname(dir));
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (!Number.isInteger(pid) || pid <= 0 || alive(pid)) continue;
    rmSync(join(dirname(dir), name), { recursive: true, force: true });
    removed.push(join(dirname(dir), name));
  }
  return removed;
}
