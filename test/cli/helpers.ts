/**
 * Running the built command line (`node dist/src/cli/main.js`) from the tests. Build first:
 * `npx tsc -p .` (npm test does it in pretest).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The built command line. */
export const MAIN = join(ROOT, 'dist/src/cli/main.js');
/** The folder of experiment fixtures. */
export const FIXTURES = join(ROOT, 'test/fixtures/experiments');

/** What a finished command gave. */
export interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of every spawned command: no debug stack traces, no colours. */
export const ENV = { ...process.env, CAREFLOW_DEBUG: '', NO_COLOR: '1', FORCE_COLOR: '0' };

/** Runs `careflow <args>` to completion. */
export function careflow(args: string[], cwd = ROOT): Outcome {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npx tsc -p ." before these tests`);
  const r = spawnSync(process.execPath, [MAIN, ...args], { cwd, encoding: 'utf8', env: ENV, timeout: 90_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Path of an experiment fixture. */
export function fixture(name: string): string {
  return join(FIXTURES, name);
}

/** 1-based line of the first occurrence of `needle` in a file. */
export function lineIn(file: string, needle: string): number {
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not in ${file}`);
  return text.slice(0, at).split('\n').length;
}

/** A new temporary folder, removed after the test file. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `careflow-cli-${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Escapes text for use in a regular expression. */
export function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
