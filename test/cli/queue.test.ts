/**
 * `careflow run|sweep --queue` and `careflow worker` as processes against a real redis-server:
 * two workers share the jobs, a worker killed with SIGKILL in the middle of a job loses nothing,
 * SIGTERM stops a worker cleanly, and bad or unreachable queues are one-line errors.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Queue, QueueEvents } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import { QUEUE_NAME } from '../../src/experiment/distributed/connection.js';
import { parseQueueUrl } from '../../src/experiment/distributed/queue-url.js';
import { freePort, SKIP_REDIS, useTestRedis } from '../experiment/distributed/redis-server.js';
import { careflow, ENV, fixture, MAIN, ROOT, tempDir, type Outcome } from './helpers.js';
import { modifiedBuild } from './modified-build.js';

const SMALL = fixture('small.yaml');
/** Replications of a few tenths of a second: a worker can be killed in the middle of one. */
const SLOW = fixture('slow.yaml');
const COMPARED = ['summary.json', 'summary.csv', 'replications.csv', 'daily.csv'];

describe.skipIf(SKIP_REDIS)('careflow with --queue', () => {
  const redis = useTestRedis(2);
  const root = tempDir('queue');
  const children: ChildProcess[] = [];

  afterEach(async () => {
    for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await redis.flush();
  });

  /** Starts `careflow worker` and resolves once it takes jobs. */
  function startWorker(name: string, lockMs = 1000, main = MAIN): Promise<ChildProcess & { log: () => string }> {
    const child = spawn(process.execPath, [main, 'worker', '--queue', redis.url, '--name', name, '-c', '1', '--lock-duration', String(lockMs)], { cwd: ROOT, env: ENV });
    children.push(child);
    let log = '';
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`worker ${name} did not start:\n${log}`)), 15_000);
      child.stderr.on('data', () => {
        if (!log.includes('taking jobs from')) return;
        clearTimeout(timer);
        resolve(Object.assign(child, { log: () => log }));
      });
      child.once('exit', () => reject(new Error(`worker ${name} exited:\n${log}`)));
    });
  }

  /** Starts `careflow <args>` without blocking this process (the tests watch Redis meanwhile). */
  function careflowAsync(args: string[], main = MAIN): { child: ChildProcess; outcome: Promise<Outcome> } {
    const child = spawn(process.execPath, [main, ...args], { cwd: ROOT, env: ENV });
    children.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    return { child, outcome: new Promise((resolve) => child.once('close', (status) => resolve({ status, stdout, stderr }))) };
  }

  function exited(child: ChildProcess): Promise<number | null> {
    return new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));
  }

  let slowLocal: string | undefined;
  /** The local run of the slow experiment, made once for the tests that compare with it. */
  function localSlowRun(): string {
    if (slowLocal === undefined) {
      slowLocal = join(root, 'slow-local');
      expect(careflow(['run', SLOW, '--out', slowLocal, '-q']).status).toBe(0);
    }
    return slowLocal;
  }

  function expectSameResults(queued: string, local: string): void {
    for (const file of COMPARED) expect(readFileSync(join(queued, file), 'utf8'), file).toBe(readFileSync(join(local, file), 'utf8'));
  }

  /** Runs `use` with a BullMQ handle on the test queue. */
  async function withQueue<T>(use: (queue: Queue) => Promise<T>): Promise<T> {
    const queue = new Queue(QUEUE_NAME, { connection: parseQueueUrl(redis.url).connection });
    try {
      return await use(queue);
    } finally {
      await queue.close();
    }
  }

  /** Who ran each finished job, from Redis. */
  function processedBy(): Promise<string[]> {
    return withQueue(async (queue) => (await queue.getJobs(['completed'])).map((job) => job.processedBy ?? '?'));
  }

  it('shares the jobs between two workers, shows progress, and writes the results of a local run', async () => {
    const workers = [await startWorker('wa'), await startWorker('wb')];
    const local = join(root, 'shared-local');
    expect(careflow(['run', SMALL, '-r', '10', '--out', local, '-q']).status).toBe(0);
    const out = join(root, 'shared-queue');
    const r = await careflowAsync(['run', SMALL, '-r', '10', '--queue', redis.url, '--out', out]).outcome;
    expect(r.stderr).toMatch(/^small: 20\/20 replications/m);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^delayed patients\/day\s+moreBeds\s/m);
    expectSameResults(out, local);
    const names = await processedBy();
    expect(names).toHaveLength(20);
    expect(new Set(names)).toEqual(new Set(['wa', 'wb']));
    // SIGTERM: a clean stop, with a count of the jobs done.
    for (const w of workers) w.kill('SIGTERM');
    expect(await Promise.all(workers.map(exited))).toEqual([0, 0]);
    const counts = workers.map((w) => Number(/stopped: (\d+) jobs done, 0 failed/.exec(w.log())?.[1]));
    expect(counts[0] + counts[1]).toBe(20);
  });

  it('keys jobs by the code: a build from other code neither poisons the results nor stops a mixed fleet', async () => {
    const modified = modifiedBuild(join(root, 'modified'));
    const local = join(root, 'code-local');
    expect(careflow(['run', SMALL, '--out', local, '-q']).status).toBe(0);
    const admissions = (dir: string): number => JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')).scenarios[0].metrics.admissions.mean;
    // A coordinator and a worker built from the modified code: its (wrong) results go to Redis.
    const bad = await startWorker('bad', 1000, modified);
    const poisoned = join(root, 'code-poisoned');
    expect((await careflowAsync(['run', SMALL, '--queue', redis.url, '--out', poisoned, '-q'], modified).outcome).status).toBe(0);
    expect(admissions(poisoned)).toBe(admissions(local) + 1);
    // This code's run reads none of them back; the modified worker gives its jobs back, and the
    // run says that no worker of its code is there, then finishes once one comes.
    const out = join(root, 'code-queue');
    const run = careflowAsync(['run', SMALL, '--queue', redis.url, '--out', out, '-q']);
    let stderr = '';
    run.child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const deadline = Date.now() + 30_000;
    while (!/every worker on .* \(bad\) runs other code, so this run waits/.test(stderr) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(stderr).toMatch(
      /^careflow: worker bad refuses this run's jobs \(job from other code \(code [0-9a-f]{16}, careflow .*\), but this worker is code [0-9a-f]{16}.*\); they are left to workers of this code \(code [0-9a-f]{16}\)$/m,
    );
    expect(stderr).toMatch(/^careflow: every worker on .* \(bad\) runs other code, so this run waits: start workers built from this code/m);
    await startWorker('good');
    const r = await run.outcome;
    expect(r.status, r.stderr).toBe(0);
    expectSameResults(out, local);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).replicationsByWorker).toEqual({ good: 8 });
    expect(bad.log()).toMatch(/^careflow worker: refusing job \S+ and any like it: job from other code .*; they stay on the queue for workers of that code$/m);
    bad.kill('SIGTERM');
    expect(await exited(bad)).toBe(0);
    expect(bad.log()).toMatch(/stopped: 8 jobs done, 0 failed, \d+ refused \(other code\)/);
  });

  it('loses nothing when a worker is killed with SIGKILL in the middle of a job: another finishes the run', async () => {
    const connection = parseQueueUrl(redis.url).connection;
    const queue = new Queue(QUEUE_NAME, { connection });
    const events = new QueueEvents(QUEUE_NAME, { connection });
    const stalled: string[] = [];
    events.on('stalled', ({ jobId }) => stalled.push(jobId));
    try {
      await events.waitUntilReady();
      const local = localSlowRun();
      const victim = await startWorker('victim');
      const out = join(root, 'kill-queue');
      const run = careflowAsync(['run', SLOW, '--queue', redis.url, '--out', out, '-q']).outcome;
      // Kill it once it has finished a job and is running the next.
      await until(async () => (await queue.getCompletedCount()) >= 1 && (await queue.getActiveCount()) === 1);
      victim.kill('SIGKILL');
      await exited(victim);
      await startWorker('rescuer');
      const r = await run;
      expect(r.stderr).not.toMatch(/failed/);
      expect(r.status).toBe(0);
      expectSameResults(out, local);
      expect(stalled).toHaveLength(1); // the job under way when it died, put back by the rescuer
      const names = await processedBy();
      expect(names).toHaveLength(8);
      expect(names).toContain('rescuer');
    } finally {
      await Promise.all([events.close(), queue.close()]);
    }
  });

  it('picks up the finished jobs when a stopped coordinator is run again, and runs none twice', async () => {
    const worker = await startWorker('steady');
    const local = localSlowRun();
    const args = ['run', SLOW, '--queue', redis.url, '--out', join(root, 'restart-queue'), '-q'];
    const first = careflowAsync(args);
    await until(() => withQueue(async (queue) => (await queue.getCompletedCount()) >= 2));
    first.child.kill('SIGTERM');
    const stopped = await first.outcome;
    expect(stopped.status).toBe(1);
    expect(stopped.stderr).toMatch(/^careflow: stopping; queued jobs still run on the workers, and a rerun reads them back/m);
    // The same command again, while the worker is still busy with the queued jobs.
    const again = await careflowAsync(args).outcome;
    expect(again.status).toBe(0);
    expectSameResults(join(root, 'restart-queue'), local);
    worker.kill('SIGTERM');
    expect(await exited(worker)).toBe(0);
    expect(worker.log()).toMatch(/stopped: 8 jobs done, 0 failed/);
  });

  it('runs a sweep through the queue with the same results as a local sweep', async () => {
    await startWorker('sweeper');
    const args = ['sweep', SMALL, '--vary', 'settings.acute.capacity=125,135', '-r', '3', '-q'];
    const local = join(root, 'sweep-local');
    expect(careflow([...args, '--out', local]).status).toBe(0);
    const out = join(root, 'sweep-queue');
    const r = await careflowAsync([...args, '--queue', redis.url, '--out', out]).outcome;
    expect(r.status).toBe(0);
    expectSameResults(out, local);
  });

  it('says at once, on one line, that Redis cannot be reached (exit 1)', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    for (const args of [
      ['run', SMALL, '--queue', url, '--out', join(root, 'never')],
      ['worker', '--queue', url],
    ]) {
      const started = Date.now();
      const r = careflow(args);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(`careflow: run failed: cannot reach Redis at ${url}/0 (--queue): connect ECONNREFUSED 127.0.0.1:${url.split(':')[2]}\n`);
    }
    // Nothing finished, so nothing is left to resume: no checkpoint beside the folder either.
    expect(existsSync(join(root, 'never'))).toBe(false);
    expect(existsSync(join(root, 'never.partial.jsonl'))).toBe(false);
  });

  it.each([
    [['run', SMALL, '--queue', 'localhost:6379'], /^careflow: --queue: expected redis:\/\/\[\[user\]:password@\]host\[:port\]\[\/db\] or rediss:\/\/\.\.\. for TLS, got "localhost:6379"\n$/],
    [['run', SMALL, '--queue', 'redis://h', '-w', '2'], /^careflow: --workers: not used with --queue; give each worker --concurrency N \(careflow worker --help\)\n$/],
    [['run', SMALL, '--queue', 'redis://h', '--trace'], /^careflow: --trace: traces are written by local runs only; run without --queue to trace\n$/],
    [['worker'], /Missing required argument: queue/],
    [['worker', '--queue', 'redis://h', '-c', '0'], /^careflow: --concurrency: expected a whole number >= 1, got 0\n$/],
  ])('refuses bad queue flags with exit code 2: %j', (args, message) => {
    const r = careflow(args);
    expect(r.stderr).toMatch(message);
    expect(r.status).toBe(2);
  });
});

/** Resolves when the condition holds (checked every 20 ms), or fails after 20 s. */
async function until(condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for a condition');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
