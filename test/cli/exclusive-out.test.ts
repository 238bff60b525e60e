/**
 * One run per results folder, as processes: a second `run` into the --out of a running one is
 * refused at once with exit code 2, naming it; after the first is killed with SIGKILL, its lock
 * is stale, a resume with another seed is refused, and `--resume` takes the lock over and ends
 * with the summary of an uninterrupted run.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { careflow, ENV, fixture, literal, MAIN, ROOT, tempDir } from './helpers.js';

/** Replications of a few tenths of a second: the first run is still going when the second starts. */
const SLOW = fixture('slow.yaml');

describe('an exclusive results folder', () => {
  const root = tempDir('exclusive');

  it('refuses a second run into a running one, and resumes after a kill -9 with the uninterrupted summary', async () => {
    const reference = join(root, 'reference');
    expect(careflow(['run', SLOW, '-o', reference, '-r', '10', '-w', '1', '-q']).status).toBe(0);
    const out = join(root, 'shared');
    const first = spawn(process.execPath, [MAIN, 'run', SLOW, '-o', out, '-r', '10', '-w', '1'], { cwd: ROOT, env: ENV });
    let stderr = '';
    const progressed = new Promise<void>((resolve) =>
      first.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
        if (/slow: [1-9]\d*\/20 replications/.test(stderr)) resolve();
      }),
    );
    const closed = new Promise<void>((resolve) => first.on('close', () => resolve()));
    await progressed;
    expect(first.exitCode, 'the first run ended before the second started').toBeNull();
    const second = careflow(['run', SLOW, '-o', out, '-r', '10', '-w', '1', '-s', '99', '-q']);
    expect(second.status, second.stderr).toBe(2);
    expect(second.stderr).toMatch(
      new RegExp(
        `^careflow: --out: ${literal(out)} is in use by another run: pid ${first.pid} on ${literal(hostname())}, started \\S+: careflow run ${literal(SLOW)} -o ${literal(out)} -r 10 -w 1\\n$`,
      ),
    );
    first.kill('SIGKILL');
    await closed;
    expect(existsSync(`${out}.lock`)).toBe(true);
    // The stale lock is taken over, but the checkpoint is the first run's (seed 11): a resume
    // with another seed is refused.
    const otherSeed = careflow(['run', SLOW, '-o', out, '-r', '10', '-w', '1', '-s', '99', '--resume', '-q']);
    expect(otherSeed.status).toBe(2);
    expect(otherSeed.stderr).toMatch(new RegExp(`^careflow: taking over the lock of a run that is gone: pid ${first.pid} on \\S+, started \\S+\n`));
    expect(otherSeed.stderr).toMatch(/\ncareflow: cannot resume from .*: it is a run with seed 11, not 99; run again without --resume into a new --out\n$/);
    const resumed = careflow(['run', SLOW, '-o', out, '-r', '10', '-w', '1', '--resume', '-q']);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(readFileSync(join(out, 'summary.json'), 'utf8') === readFileSync(join(reference, 'summary.json'), 'utf8')).toBe(true);
    expect(existsSync(`${out}.lock`)).toBe(false);
    expect(existsSync(`${out}.partial.jsonl`)).toBe(false);
  });
});
