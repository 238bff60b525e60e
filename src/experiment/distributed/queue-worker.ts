/**
 * The queue worker: a long-running BullMQ worker that takes replication jobs from the queue
 * and runs them on its own pool of worker threads. Any number of them, on any machines, share
 * the jobs. If one dies mid-job its lock on the job expires, and another worker's stalled-job
 * check puts the job back on the queue.
 *
 * @module
 */
import { hostname } from 'node:os';
import { UnrecoverableError, WaitingError, Worker, type Job } from 'bullmq';
import { createPool } from '../runner.js';
import type { ReplicationOutput } from '../worker.js';
import { bullConnection, checkReachable, QUEUE_NAME } from './connection.js';
import { encodeOutput, type EncodedOutput } from '../output-codec.js';
import { fromPayload, payloadProblem, type QueuedReplication, type Refusal } from './queued-job.js';
import { codeHash } from '../code-hash.js';
import type { QueueTarget } from './queue-url.js';

/** How a queue worker runs. */
export interface QueueWorkerOptions {
  target: QueueTarget;
  /** Jobs run at once, each on its own thread. */
  concurrency: number;
  /** The name jobs record as processedBy (default host-pid). */
  name?: string;
  /**
   * How long a job's lock lasts without renewal, and how often this worker checks for jobs whose
   * lock has expired (ms). A killed worker's jobs run again elsewhere after one to three times it.
   */
  lockDurationMs: number;
  /** Told of each job that failed and of connection problems. */
  onNotice?: (message: string) => void;
}

/** A running queue worker. */
export interface RunningQueueWorker {
  name: string;
  /** The code hash of the jobs it runs (code-hash.ts); it gives back jobs of other code. */
  codeHash: string;
  /** Jobs this worker finished and failed so far, and jobs of other code it gave back. */
  counts: { completed: number; failed: number; refused: number };
  /**
   * Stops taking jobs, lets those under way finish, then closes. With `force`, abandons them
   * instead: they go back on the queue when their locks expire.
   */
  stop(force?: boolean): Promise<void>;
}

/**
 * A job whose worker died is put back this many times; once more and it fails (a job that kills
 * every worker that takes it must not go round for ever).
 */
const MAX_STALLED = 3;

/**
 * After giving back a job of other code, a worker takes no job for this long (ms), so that the
 * job goes to a worker of its code rather than straight back to this one.
 */
export const REFUSAL_PAUSE_MS = 2000;

type QueuedJob = Job<QueuedReplication, EncodedOutput, string>;

/** Checks that Redis answers, then starts taking jobs. */
export async function startQueueWorker(options: QueueWorkerOptions): Promise<RunningQueueWorker> {
  await checkReachable(options.target);
  const name = options.name ?? `${hostname()}-${process.pid}`;
  const lockDuration = options.lockDurationMs;
  // Threads even for one job at a time: a replication on the main thread would block the timers
  // that renew the job's lock, and the job would look stalled to other workers.
  const pool = createPool(options.concurrency);
  const counts = { completed: 0, failed: 0, refused: 0 };
  const refusals = new Set<string>();
  let resumeTimer: NodeJS.Timeout | undefined;
  let stopping: Promise<void> | null = null;
  /**
   * Gives a job of other code back to the queue (it is not failed: a worker of its code runs
   * it, so a mixed fleet keeps going), tells the coordinator through the job's progress, and
   * says so here once per other code.
   */
  const refuse = async (job: QueuedJob, token: string | undefined, reason: string): Promise<never> => {
    counts.refused++;
    if (!refusals.has(reason)) options.onNotice?.(`refusing job ${job.id ?? '?'} and any like it: ${reason}; they stay on the queue for workers of that code`);
    refusals.add(reason);
    await job.updateProgress({ refusedBy: name, reason } satisfies Refusal);
    await worker.pause(true);
    resumeTimer ??= setTimeout(() => {
      resumeTimer = undefined;
      if (stopping === null) worker.resume();
    }, REFUSAL_PAUSE_MS);
    await job.moveToWait(token);
    throw new WaitingError();
  };
  const run = async (job: QueuedJob, token?: string): Promise<EncodedOutput> => {
    const problem = payloadProblem(job.data);
    if (problem === null) return { ...encodeOutput((await pool.run(fromPayload(job.data))) as ReplicationOutput), worker: name };
    if (problem.otherCode) return refuse(job, token, problem.reason);
    // Unrecoverable: retrying cannot help, and the coordinator is told at once.
    throw new UnrecoverableError(problem.reason);
  };
  const worker = new Worker<QueuedReplication, EncodedOutput, string>(QUEUE_NAME, run, {
    connection: bullConnection(options.target),
    concurrency: options.concurrency,
    name,
    lockDuration,
    stalledInterval: lockDuration,
    maxStalledCount: MAX_STALLED,
  });
  let lastError = '';
  worker.on('completed', () => counts.completed++);
  worker.on('failed', (job, err) => {
    counts.failed++;
    options.onNotice?.(`job ${job?.id ?? '?'} failed: ${err.message}`);
  });
  worker.on('error', (err) => {
    // BullMQ reconnects by itself; the same error repeated every second says nothing new.
    if (err.message !== lastError) options.onNotice?.(`Redis at ${options.target.display}: ${err.message}`);
    lastError = err.message;
  });
  await worker.waitUntilReady();
  return {
    name,
    codeHash: codeHash(),
    counts,
    stop: (force = false) => {
      clearTimeout(resumeTimer);
      if (force) return worker.close(true).then(() => pool.destroy());
      stopping ??= worker.close().then(() => pool.destroy());
      return stopping;
    },
  };
}
