/**
 * The queue worker: a long-running BullMQ worker that takes replication jobs from the queue
 * and runs them on its own pool of worker threads. Any number of them, on any machines, share
 * the jobs. If one dies mid-job its lock on the job expires, and another worker's stalled-job
 * check puts the job back on the queue.
 *
 * @module
 */
import { hostname } from 'node:os';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Piscina } from 'piscina';
import { createPool } from '../runner.js';
import type { ReplicationOutput } from '../worker.js';
import { bullConnection, checkReachable, QUEUE_NAME } from './connection.js';
import { encodeOutput, type EncodedOutput } from '../output-codec.js';
import { fromPayload, payloadProblem, type QueuedReplication } from './queued-job.js';
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
  /** Jobs this worker finished and failed so far. */
  counts: { completed: number; failed: number };
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

/** Checks that Redis answers, then starts taking jobs. */
export async function startQueueWorker(options: QueueWorkerOptions): Promise<RunningQueueWorker> {
  await checkReachable(options.target);
  const name = options.name ?? `${hostname()}-${process.pid}`;
  const lockDuration = options.lockDurationMs;
  // Threads even for one job at a time: a replication on the main thread would block the timers
  // that renew the job's lock, and the job would look stalled to other workers.
  const pool = createPool(options.concurrency);
  const worker = new Worker<QueuedReplication, EncodedOutput, string>(QUEUE_NAME, (job) => runQueued(job, pool), {
    connection: bullConnection(options.target),
    concurrency: options.concurrency,
    name,
    lockDuration,
    stalledInterval: lockDuration,
    maxStalledCount: MAX_STALLED,
  });
  const counts = { completed: 0, failed: 0 };
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
  let stopping: Promise<void> | null = null;
  return {
    name,
    counts,
    stop: (force = false) => {
      if (force) return worker.close(true).then(() => pool.destroy());
      stopping ??= worker.close().then(() => pool.destroy());
      return stopping;
    },
  };
}

/** Runs one job, after checking that this worker understands it. */
async function runQueued(job: Job<QueuedReplication, EncodedOutput, string>, pool: Piscina): Promise<EncodedOutput> {
  const problem = payloadProblem(job.data);
  // Unrecoverable: retrying on this worker cannot help, and the coordinator is told at once.
  if (problem !== null) throw new UnrecoverableError(problem);
  return encodeOutput((await pool.run(fromPayload(job.data))) as ReplicationOutput);
}
