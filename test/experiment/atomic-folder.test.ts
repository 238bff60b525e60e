/**
 * Durable results: every file of a results folder, the folder and its parent are flushed to the
 * disk (fsync) before and after the rename that puts the folder in place.
 */
import * as fs from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { executeExperiment } from '../../src/experiment/execute.js';
import { smallExperiment, tempDir, withConfig } from './helpers.js';

const real = vi.hoisted(() => ({ fs: null as unknown as typeof fs }));
vi.mock('node:fs', async (original) => {
  real.fs = await original<typeof fs>();
  return { ...real.fs, fsyncSync: vi.fn(real.fs.fsyncSync), renameSync: vi.fn(real.fs.renameSync), openSync: vi.fn(real.fs.openSync) };
});

const root = tempDir('atomic');

describe('writing the results folder', () => {
  it('flushes every file and the folder before the rename, and the parent after it', async () => {
    // In order: the paths flushed and the renames.
    const synced: string[] = [];
    const open = new Map<number, string>();
    vi.mocked(fs.openSync).mockImplementation(((path: fs.PathLike, flags?: fs.OpenMode) => {
      const fd = real.fs.openSync(path, flags ?? 'r');
      open.set(fd, String(path));
      return fd;
    }) as typeof fs.openSync);
    vi.mocked(fs.fsyncSync).mockImplementation((fd: number) => {
      synced.push(open.get(fd) ?? '?');
      real.fs.fsyncSync(fd);
    });
    vi.mocked(fs.renameSync).mockImplementation((from, to) => {
      synced.push(`rename ${String(to)}`);
      real.fs.renameSync(from, to);
    });
    const out = join(root, 'results');
    await executeExperiment(withConfig(smallExperiment(), { replications: 2 }), { out, workers: 1 });
    const at = synced.indexOf(`rename ${out}`);
    expect(at).toBeGreaterThan(0);
    const before = synced.slice(0, at).map((p) => p.replace(/.*\.results\.tmp-\d+/, 'TEMP'));
    for (const file of ['summary.json', 'summary.csv', 'replications.csv', 'daily.csv', 'daily-reasons.csv', 'manifest.json']) expect(before).toContain(`TEMP/${file}`);
    expect(before.at(-1)).toBe('TEMP');
    expect(synced[at + 1]).toBe(root);
    expect(fs.readdirSync(out)).toContain('summary.json');
  });
});
