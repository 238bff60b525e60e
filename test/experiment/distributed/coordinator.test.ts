/**
 * The coordinator and queue workers against a real redis-server, in this process: the same
 * results files as a local run, finished jobs read back instead of rerun, identical scenarios
 * sharing jobs, the precision target, a stopped coordinator resumed, failed jobs reported and
 * retried on resubmission, and jobs of an unknown schema version refused.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import { executeExperiment } from '../../../src/experiment/execute.js';
import { QUEUE_NAME } from '../../../src/experiment/distributed/connection.js';
import { JOB_NAME } from '../../../src/experiment/distributed/coordinator.js';
import { JOB_SCHEMA_VERSION, toPayload } from '../../../src/experiment/distributed/queued-job.js';
import { parseQueueUrl } from '../../../src/experiment/distributed/queue-url.js';
import { startQueueWorker, type RunningQueueWorker } from '../../../src/experiment/distributed/queue-worker.js';
import { loadExperiment, type LoadedExperiment } from '../../../src/experiment/scenario.js';
import { fixture, smallExperiment, tempDir, withConfig } from '../helpers.js';
import { SKIP_REDIS, useTestRedis } from './redis-server.js';

/** Resolves once `condition` holds (checked every 50 ms), or fails after 20 s. */
async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  for (const start = Date.now(); !(await condition()); await new Promise((r) => setTimeout(r, 50))) if (Date.now() - start > 20_000) throw new Error('timed out');
}

describe.skipIf(SKIP_REDIS)('the queue runner', () => {
  const redis = useTestRedis(1);
  const dir = tempDir('queue');
  const workers: RunningQueueWorker[] = [];
  let runs = 0;

  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    await redis.flush();
  });

  async function startWorker(concurrency = 2): Promise<RunningQueueWorker> {
    const worker = await startQueueWorker({ target: parseQueueUrl(redis.url), concurrency, lockDurationMs: 5000 });
    workers.push(worker);
    return worker;
  }

  async function run(experiment: LoadedExperiment, how: 'local' | 'queue', extra: { shouldStop?: () => boolean; resumeFrom?: string } = {}) {
    const out = extra.resumeFrom ?? join(dir, `${how}-${++runs}`);
    const queue = how === 'queue' ? { target: parseQueueUrl(redis.url), pollMs: 500 } : undefined;
    const result = await executeExperiment(experiment, { out, workers: 2, queue, shouldStop: extra.shouldStop, resume: extra.resumeFrom !== undefined });
    return { out, result };
  }

  /** Every results file but manifest.json (times, workers) is the same in both folders. */
  function expectSameFiles(queued: string, local: string): void {
    const files = readdirSync(local).filter((f) => f !== 'manifest.json');
    expect(readdirSync(queued).sort()).toEqual([...files, 'manifest.json'].sort());
    expect(files).toContain('summary.json');
    for (const file of files) expect(readFileSync(join(queued, file), 'utf8'), file).toBe(readFileSync(join(local, file), 'utf8'));
  }

  it('writes the same results files as a local run, and reads finished jobs back when resubmitted', async () => {
    const worker = await startWorker();
    const e = smallExperiment();
    const local = await run(e, 'local');
    const queued = await run(e, 'queue');
    expectSameFiles(queued.out, local.out);
    expect(worker.counts.completed).toBe(8);
    expect(queued.result.run.workers).toBe(1);
    // The same experiment again: every replication comes from the finished jobs.
    const again = await run(e, 'queue');
    expectSameFiles(again.out, local.out);
    expect(worker.counts.completed).toBe(8);
  });

  it('runs identical scenarios once, and another experiment containing a finished scenario reuses it', async () => {
    const worker = await startWorker();
    const e = smallExperiment();
    const twins = withConfig(e, { scenarios: [e.config.scenarios[0], { ...e.config.scenarios[0], name: 'twin' }] });
    const { result } = await run(twins, 'queue');
    expect(worker.counts.completed).toBe(4);
    const [base, twin] = result.summary?.scenarios ?? [];
    expect(twin.metrics).toEqual(base.metrics);
    // The small experiment's baseline is the same scenario: only moreBeds runs.
    await run(e, 'queue');
    expect(worker.counts.completed).toBe(8);
  });

  it('adds replications for a precision target as the local runner does', async () => {
    await startWorker();
    const e = loadExperiment(fixture('precision.yaml'));
    const local = await run(e, 'local');
    const queued = await run(e, 'queue');
    expect(queued.result.run.replications).toBe(local.result.run.replications);
    expect(queued.result.run.replications).toBeGreaterThan(3);
    expectSameFiles(queued.out, local.out);
  });

  it('keeps what finished when stopped, and a resumed coordinator completes the run with the same results', async () => {
    const e = smallExperiment();
    const local = await run(e, 'local');
    // No worker yet: the coordinator queues its jobs and is stopped while waiting.
    let polls = 0;
    const stopped = await run(e, 'queue', { shouldStop: () => ++polls > 5 });
    expect(stopped.result.dir).toBeNull();
    await startWorker();
    const resumed = await run(e, 'queue', { resumeFrom: stopped.out });
    expectSameFiles(resumed.out, local.out);
  });

  it('fails the run with the reason when a job fails, and a resubmission retries the failed jobs', async () => {
    const connection = parseQueueUrl(redis.url).connection;
    const broken = new Worker(QUEUE_NAME, async () => Promise.reject(new Error('out of memory, say')), { connection: { ...connection, maxRetriesPerRequest: null } });
    const e = smallExperiment();
    await expect(run(e, 'queue')).rejects.toThrow(/replication \d+ of scenario \d+ failed on a worker \(job cf[0-9a-f]+-r\d+\): out of memory, say/);
    await broken.close();
    await startWorker();
    const local = await run(e, 'local');
    const retried = await run(e, 'queue');
    expectSameFiles(retried.out, local.out);
  });

  it('gives back a job of other code or another schema version, saying why, and fails one that is no careflow job, without retrying it', async () => {
    const notices: string[] = [];
    const worker = await startQueueWorker({ target: parseQueueUrl(redis.url), concurrency: 1, lockDurationMs: 5000, name: 'w-this', onNotice: (m) => notices.push(m) });
    workers.push(worker);
    const connection = parseQueueUrl(redis.url).connection;
    const queue = new Queue(QUEUE_NAME, { connection });
    const events = new QueueEvents(QUEUE_NAME, { connection });
    try {
      await events.waitUntilReady();
      const e = smallExperiment();
      const payload = toPayload({ scenarioIndex: 0, replication: 0, model: e.scenarios[0].model, horizonDays: 200, warmupDays: 50, seed: 11, withDaily: false });
      const refusals: unknown[] = [];
      events.on('progress', ({ data }) => refusals.push(data));
      // Given back, not failed: each waits for a worker of its code.
      const other = await queue.add(JOB_NAME, { ...payload, codeHash: '0123456789abcdef' });
      await until(async () => refusals.length >= 1 && (await other.getState()) === 'waiting');
      expect(refusals[0]).toEqual({
        refusedBy: 'w-this',
        reason: expect.stringMatching(/^job from other code \(code 0123456789abcdef, careflow .*\), but this worker is code [0-9a-f]{16}/),
      });
      await other.remove();
      const future = await queue.add(JOB_NAME, { ...payload, schemaVersion: JOB_SCHEMA_VERSION + 98 });
      await until(async () => refusals.length >= 2 && (await future.getState()) === 'waiting');
      await future.remove();
      expect(worker.counts).toMatchObject({ failed: 0, refused: 2 });
      expect(notices).toHaveLength(2);
      expect(notices[0]).toMatch(/^refusing job \S+ and any like it: job from other code .*; they stay on the queue for workers of that code$/);
      expect(notices[1]).toMatch(/^refusing job \S+ and any like it: job schema version \d+, but this worker .*; they stay on the queue for workers of that code$/);
      const junk = await queue.add(JOB_NAME, 'hello' as never, { attempts: 3 });
      await expect(junk.waitUntilFinished(events, 20_000)).rejects.toThrow('the job has no careflow payload');
      expect((await queue.getJob(junk.id as string))?.attemptsMade).toBe(1);
      expect(worker.counts.failed).toBe(1);
    } finally {
      await Promise.all([events.close(), queue.close()]);
    }
  });

  it('records which worker ran what in manifest.json', async () => {
    const worker = await startWorker();
    const queued = await run(withConfig(smallExperiment(), { replications: 2 }), 'queue');
    const manifest = JSON.parse(readFileSync(join(queued.out, 'manifest.json'), 'utf8'));
    expect(manifest.codeHash).toMatch(/^[0-9a-f]{16}$/);
    expect(manifest.replicationsByWorker).toEqual({ [worker.name]: 4 });
  });
});
