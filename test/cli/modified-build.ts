/**
 * A copy of the built careflow whose model counts one more admission in every replication: a
 * build from modified code, as a worker or a run on a machine that was not updated would be.
 */
import { cpSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

/** Copies dist/ into `dir` with the change made; returns the path of its command line. */
export function modifiedBuild(dir: string): string {
  cpSync(join(ROOT, 'dist'), join(dir, 'dist'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  const file = join(dir, 'dist/src/model/run-replication.js');
  const text = readFileSync(file, 'utf8');
  const changed = text.replace('metrics: observations.metrics()', 'metrics: ((m) => ((m.admissions += 1), m))(observations.metrics())');
  if (changed === text) throw new Error(`${file}: the line to modify is not there any more; update modified-build.ts`);
  writeFileSync(file, changed);
  return join(dir, 'dist/src/cli/main.js');
}
