/**
 * The coordinator: runs an experiment's replications on workers elsewhere, through a BullMQ
 * queue on Redis, as a {@link ReplicationRunner} (so precision rounds, ordering, checkpoints and
 * results are the local runner's). One job per (scenario, replication), with an id derived from
 * its content: a job finished before, by an interrupted run of this experiment or by another
 * experiment with the same scenario, is read back instead of run again.
 *
 * @module
 */
import { Queue, QueueEvents } from 'bullmq';
import type { ReplicationRunner } from '../replication-runner.js';
import type { ReplicationJob, ReplicationOutput } from '../worker.js';
import { bullConnection, checkReachable, QUEUE_NAME } from './connection.js';
import { decodeOutput, type EncodedOutput } from '../output-codec.js';
import { jobIdOf, toPayload, type QueuedReplication, type Refusal } from './queued-job.js';
import type { QueueTarget } from './queue-url.js';
import { codeHash } from '../code-hash.js';

/** How to run through a queue. */
export interface QueueRunOptions {
  target: QueueTarget;
  /** Told, once each, of conditions worth knowing while waiting (no worker yet, a lost connection). */
  onNotice?: (message: string) => void;
  /** How often the oldest unfinished jobs are looked up in Redis besides the completion events (ms). */
  pollMs?: number;
}

/** The BullMQ job name of a replication. */
export const JOB_NAME = 'replication';

/**
 * Finished jobs stay in Redis a week, so that a coordinator restarted or an experiment
 * resubmitted within that time reads them back; older ones are removed as new jobs finish.
 */
export const KEEP_FINISHED_SECONDS = 7 * 24 * 3600;

const DEFAULT_POLL_MS = 5000;
/** Jobs looked up, or added, per round trip. */
const CHUNK = 500;
/** Waiting loop period: how soon a stop request or a failure is noticed (ms). */
const TICK_MS = 100;

type Queued = Queue<QueuedReplication, EncodedOutput, string>;

/** Connects to the queue (failing within seconds if Redis cannot be reached) and returns its runner. */
export async function openQueueRunner(options: QueueRunOptions): Promise<ReplicationRunner> {
  await checkReachable(options.target);
  const connection = bullConnection(options.target);
  const queue: Queued = new Queue(QUEUE_NAME, { connection });
  const events = new QueueEvents(QUEUE_NAME, { connection });
  const coordinator = new Coordinator(queue, events, options);
  queue.on('error', coordinator.onConnectionError);
  events.on('error', coordinator.onConnectionError);
  await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
  return {
    run: (jobs, record, shouldStop) => coordinator.run(jobs, record, shouldStop),
    workers: () => coordinator.mostWorkers,
    close: async () => {
      await Promise.all([events.close(), queue.close()]);
    },
  };
}

/** The jobs of one batch that are not finished yet. */
class Batch {
  /** Job id to the (scenario, replication)s waiting for it: identical scenarios share a job. */
  readonly pending = new Map<string, ReplicationJob[]>();
  readonly payloads = new Map<string, QueuedReplication>();
  failure: Error | null = null;

  constructor(
    jobs: ReplicationJob[],
    private readonly record: (output: ReplicationOutput) => void,
  ) {
    for (const job of jobs) {
      const payload = toPayload(job);
      const id = jobIdOf(payload);
      this.payloads.set(id, payload);
      this.pending.set(id, [...(this.pending.get(id) ?? []), job]);
    }
  }

  /** Records a finished job for every scenario that asked for it; a job already recorded is ignored. */
  finish(id: string, value: EncodedOutput): void {
    const waiting = this.pending.get(id);
    if (waiting === undefined) return;
    let output: ReplicationOutput;
    try {
      output = decodeOutput(value);
    } catch (err) {
      // Called from BullMQ's event loop too, where a throw would go unheard.
      return this.fail(id, `its result cannot be read (${(err as Error).message})`);
    }
    this.pending.delete(id);
    for (const job of waiting) this.record({ ...output, scenarioIndex: job.scenarioIndex, replication: job.replication });
  }

  /** Marks the batch failed because one of its jobs failed on a worker. */
  fail(id: string, reason: string): void {
    const job = this.pending.get(id)?.[0];
    if (job === undefined || this.failure !== null) return;
    this.failure = new Error(`replication ${job.replication + 1} of scenario ${job.scenarioIndex + 1} failed on a worker (job ${id}): ${reason}`);
  }
}

class Coordinator {
  /** The most worker processes seen on the queue: manifest.json's `workers`. */
  mostWorkers = 0;
  private readonly noticed = new Set<string>();
  /** Workers seen giving this run's jobs back because they run other code, by name. */
  private readonly refusers = new Set<string>();

  constructor(
    private readonly queue: Queued,
    private readonly events: QueueEvents,
    private readonly options: QueueRunOptions,
  ) {}

  /** BullMQ reconnects by itself; the user is told once why the run may pause. */
  readonly onConnectionError = (err: Error): void => {
    this.notice(`Redis at ${this.options.target.display}: ${err.message}; waiting for it`);
  };

  async run(jobs: ReplicationJob[], record: (output: ReplicationOutput) => void, shouldStop: () => boolean): Promise<boolean> {
    const batch = new Batch(jobs, record);
    // Listen before looking anything up, so that no job can finish unseen in between.
    const onCompleted = ({ jobId, returnvalue }: { jobId: string; returnvalue: unknown }): void => batch.finish(jobId, returnvalue as EncodedOutput);
    const onFailed = ({ jobId, failedReason }: { jobId: string; failedReason: string }): void => batch.fail(jobId, failedReason);
    const onProgress = ({ jobId, data }: { jobId: string; data: unknown }): void => {
      if (batch.pending.has(jobId)) this.refused(data);
    };
    this.events.on('completed', onCompleted);
    this.events.on('failed', onFailed);
    this.events.on('progress', onProgress);
    try {
      await this.submit(batch, shouldStop);
      if (batch.pending.size > 0) await this.checkWorkers();
      return await this.wait(batch, shouldStop);
    } finally {
      this.events.off('completed', onCompleted);
      this.events.off('failed', onFailed);
      this.events.off('progress', onProgress);
    }
  }

  /**
   * A worker of other code gave one of this run's jobs back (its progress says so): the job
   * stays queued for the workers of this code, and the user is told once per such worker.
   */
  private refused(progress: unknown): void {
    const refusal = progress as Partial<Refusal> | null;
    if (typeof refusal?.refusedBy !== 'string') return;
    this.refusers.add(refusal.refusedBy);
    this.notice(`worker ${refusal.refusedBy} refuses this run's jobs (${String(refusal.reason)}); they are left to workers of this code (code ${codeHash()})`);
  }

  /** Reads back finished jobs, retries failed ones, and adds the rest in the batch's order. */
  private async submit(batch: Batch, shouldStop: () => boolean): Promise<void> {
    const missing: string[] = [];
    for (const ids of chunks([...batch.pending.keys()], CHUNK)) {
      if (shouldStop()) return;
      missing.push(...(await this.lookUp(batch, ids, 'retry')));
    }
    for (const ids of chunks(missing, CHUNK)) {
      if (shouldStop()) return;
      await this.add(batch, ids);
    }
  }

  /**
   * Looks jobs up by id: a completed one is recorded; a failed one is retried (a resubmission
   * after an earlier failure) or fails the batch; a queued one is left to finish. Returns the
   * ids that are not in Redis.
   */
  private async lookUp(batch: Batch, ids: string[], failed: 'retry' | 'fail'): Promise<string[]> {
    const states = await Promise.all(ids.map((id) => this.queue.getJobState(id)));
    const missing: string[] = [];
    await Promise.all(
      ids.map(async (id, i) => {
        if (states[i] !== 'completed' && states[i] !== 'failed') {
          if (states[i] === 'unknown') missing.push(id);
          return;
        }
        const job = await this.queue.getJob(id);
        if (job === undefined)
          missing.push(id); // removed in between
        else if (states[i] === 'completed') batch.finish(id, job.returnvalue);
        else if (failed === 'retry') await job.retry('failed');
        else batch.fail(id, job.failedReason);
      }),
    );
    return missing;
  }

  private async add(batch: Batch, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.queue.addBulk(ids.map((id) => ({ name: JOB_NAME, data: batch.payloads.get(id) as QueuedReplication, opts: jobOptions(id) })));
  }

  private async wait(batch: Batch, shouldStop: () => boolean): Promise<boolean> {
    const pollMs = this.options.pollMs ?? DEFAULT_POLL_MS;
    let lastPoll = Date.now();
    while (batch.pending.size > 0 && batch.failure === null) {
      // Stopping leaves the queued jobs to the workers: a resumed run reads them back.
      if (shouldStop()) return true;
      await new Promise((resolve) => setTimeout(resolve, TICK_MS));
      if (Date.now() - lastPoll >= pollMs) {
        await this.poll(batch);
        lastPoll = Date.now();
      }
    }
    if (batch.failure !== null) throw batch.failure;
    return false;
  }

  /**
   * Looks up the oldest unfinished jobs directly: a completion event can be missed (the
   * coordinator's connection dropped, or the event stream was trimmed), and a job can vanish
   * (the queue was cleaned), in which case it is added again.
   */
  private async poll(batch: Batch): Promise<void> {
    const oldest = [...batch.pending.keys()].slice(0, CHUNK);
    await this.add(batch, await this.lookUp(batch, oldest, 'fail'));
    await this.checkWorkers();
  }

  /** Counts the workers on the queue, and says so if there are none. */
  private async checkWorkers(): Promise<void> {
    let count: number;
    try {
      count = await this.queue.getWorkersCount();
    } catch {
      return; // some hosted Redis forbid CLIENT LIST; the count is only informative
    }
    this.mostWorkers = Math.max(this.mostWorkers, count);
    if (count === 0) this.notice(`no worker is taking jobs from ${this.options.target.display} yet; start one with: careflow worker --queue <url>`);
    else if (this.refusers.size > 0) await this.checkCompatible(count);
  }

  /** Says so when every worker on the queue is one that refused this run's jobs. */
  private async checkCompatible(count: number): Promise<void> {
    let names: string[];
    try {
      // A named worker's Redis client is called <queue's client name>:w:<worker name>.
      names = (await this.queue.getWorkers()).map((w) => String(w.rawname).replace(/^.*?:w:/, ''));
    } catch {
      return;
    }
    if (names.length === count && names.every((n) => this.refusers.has(n))) {
      this.notice(
        `every worker on ${this.options.target.display} (${names.join(', ')}) runs other code, so this run waits: start workers built from this code (code ${codeHash()}) with: careflow worker --queue <url>`,
      );
    }
  }

  private notice(message: string): void {
    if (this.noticed.has(message)) return;
    this.noticed.add(message);
    this.options.onNotice?.(message);
  }
}

function jobOptions(jobId: string) {
  return { jobId, removeOnComplete: { age: KEEP_FINISHED_SECONDS }, removeOnFail: { age: KEEP_FINISHED_SECONDS } };
}

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}
