/**
 * The code hash: stable, the same wherever the same code is installed, and changed by a change
 * to the code that computes replications but not by one elsewhere (CLI, report) or by a stray
 * file that nothing imports.
 */
import { appendFileSync, cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeHash, hashCode } from '../../src/experiment/code-hash.js';
import { ROOT } from '../cli/helpers.js';

const root = mkdtempSync(join(tmpdir(), 'careflow-code-hash-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let copies = 0;

/** A copy of the built dist/src with node_modules reachable; returns its experiment folder. */
function copyOfBuild(): string {
  const dir = join(root, `copy-${++copies}`);
  cpSync(join(ROOT, 'dist/src'), join(dir, 'dist/src'), { recursive: true, filter: (f) => !f.endsWith('.map') });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return join(dir, 'dist/src/experiment');
}

describe('the code hash', () => {
  it('is 16 hex digits, computed once, from the sources when run from them', () => {
    expect(codeHash()).toMatch(/^[0-9a-f]{16}$/);
    expect(codeHash()).toBe(codeHash());
    expect(codeHash()).toBe(hashCode(join(ROOT, 'src/experiment')));
  });

  it('is the same for the same build wherever it is installed', () => {
    expect(hashCode(copyOfBuild())).toBe(hashCode(join(ROOT, 'dist/src/experiment')));
  });

  it('changes with a file a replication runs, in the engine, the model or the job', () => {
    const built = hashCode(join(ROOT, 'dist/src/experiment'));
    for (const file of ['engine/event-list.js', 'model/run-replication.js', 'experiment/worker.js']) {
      const experiment = copyOfBuild();
      appendFileSync(join(experiment, '..', file), '\n// changed\n');
      expect(hashCode(experiment), file).not.toBe(built);
    }
  });

  it('does not change with the CLI, the report, the statistics or a file nothing imports', () => {
    const built = hashCode(join(ROOT, 'dist/src/experiment'));
    const experiment = copyOfBuild();
    for (const file of ['cli/main.js', 'report/html.js', 'experiment/statistics.js', 'experiment/distributed/coordinator.js']) appendFileSync(join(experiment, '..', file), '\n// changed\n');
    writeFileSync(join(experiment, '../model/left-over-from-a-deleted-source.js'), 'export const x = 1;\n');
    expect(hashCode(experiment)).toBe(built);
  });

  it('changes with the installed version of a package the replication code imports', () => {
    const experiment = copyOfBuild();
    const dir = join(experiment, '../../..');
    rmSync(join(dir, 'node_modules'));
    cpSync(join(ROOT, 'node_modules/seedrandom'), join(dir, 'node_modules/seedrandom'), { recursive: true, dereference: true });
    for (const name of ['zod', 'simple-statistics']) symlinkSync(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name));
    const before = hashCode(experiment);
    writeFileSync(join(dir, 'node_modules/seedrandom/package.json'), JSON.stringify({ name: 'seedrandom', version: '9.9.9' }));
    expect(hashCode(experiment)).not.toBe(before);
  });
});
