/**
 * The code hash: a short, stable hash of the code that computes a replication's result, so that
 * results are keyed by the code that made them rather than by package.json's version string
 * (which stays the same across many commits).
 *
 * What it covers, and why:
 * - the files reachable by import from the replication job (`experiment/worker`): the engine,
 *   the model and the few experiment modules a replication runs, and nothing else, so that a
 *   change to the CLI, the report, the statistics or the queue plumbing (which do not change a
 *   replication's numbers) does not make every cached job and checkpoint look foreign, and a
 *   stale file left in dist/ by a deleted source (never imported) does not split a fleet whose
 *   code is the same;
 * - the files in the form this process runs them: the compiled .js beside this module in
 *   dist/src, or the .ts sources when run from src/ (tests, tsx). Comments count: hashing text
 *   is cheap and never calls two different programs equal;
 * - the name and installed version of every package those files import (seedrandom,
 *   simple-statistics, zod): another random-number library gives other numbers.
 *
 * Node's version is not in it (it is in manifest.json): the arithmetic is IEEE 754 and V8's
 * Math functions are its own fdlibm port, so a fleet on mixed Node releases is allowed.
 *
 * Cost: about 60 files and 300 KB read and hashed once per process, a few milliseconds, and only
 * by the commands that need it (run, sweep, worker).
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The module a replication runs from, without its extension (worker threads load it). */
const ENTRY = 'worker';

let cached: string | undefined;

/** The code hash of this process's code (16 hex digits), computed on first use. */
export function codeHash(): string {
  cached ??= hashCode(dirname(fileURLToPath(import.meta.url)));
  return cached;
}

/**
 * The code hash of the replication code whose entry module is `<experimentDir>/worker.js`
 * (compiled) or `worker.ts` (sources): the files it imports, transitively, sorted by path
 * relative to the source root, each as path and contents, then the packages they import with
 * their installed versions.
 */
export function hashCode(experimentDir: string): string {
  const compiled = existsSync(join(experimentDir, `${ENTRY}.js`));
  const entry = join(experimentDir, `${ENTRY}.${compiled ? 'js' : 'ts'}`);
  const root = dirname(experimentDir);
  const files = new Map<string, string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '\0missing';
    files.set(file, text);
    for (const specifier of importsOf(text)) {
      if (specifier.startsWith('node:')) continue;
      if (specifier.startsWith('.')) visit(sourceFile(resolve(dirname(file), specifier), compiled));
      else packages.add(packageName(specifier));
    }
  };
  visit(entry);
  const hash = createHash('sha256');
  const byPath = [...files].map(([file, text]) => [relative(root, file).split(sep).join('/'), text] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // Lengths before contents, so that no two different sets of files give the same stream.
  for (const [path, text] of byPath) hash.update(`${path}\0${Buffer.byteLength(text)}\0`).update(text);
  for (const name of [...packages].sort()) hash.update(`${name}@${installedVersion(name, experimentDir)}\0`);
  return hash.digest('hex').slice(0, 16);
}

/** The specifiers of a module's static imports, re-exports and dynamic imports. */
function importsOf(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?:^|[;\s])(?:import|export)\s*(?:[^'"`;]*?\sfrom\s*)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1] ?? m[2]);
  return found;
}

/** Sources import each other by their compiled names (./x.js), so in src/ the file is x.ts. */
function sourceFile(path: string, compiled: boolean): string {
  return compiled || existsSync(path) ? path : path.replace(/\.js$/, '.ts');
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The version of an installed package, found as Node finds it (the nearest node_modules up). */
function installedVersion(name: string, from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(file)) {
      try {
        return String((JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version);
      } catch {
        return 'unreadable';
      }
    }
    if (dirname(dir) === dir) return 'missing';
  }
}
