/**
 * Runs an experiment's replications, on worker threads (piscina) or on the main thread, and
 * gathers their outputs in a fixed order so that results do not depend on the number of
 * workers or on which finished first.
 *
 * @module
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { LoadedExperiment } from './scenario.js';
import type { QueueRunOptions } from './distributed/coordinator.js';
import type { ReplicationRunner } from './replication-runner.js';
import { halfWidth } from './statistics.js';
import runJob, { type ReplicationJob, type ReplicationOutput } from './worker.js';

/** How to run. */
export interface RunOptions {
  /** Worker threads (default: the number of cores). 1 runs on the main thread. */
  workers?: number;
  /** Replications per scenario (default: the experiment's). */
  replications?: number;
  /** Called after every finished replication. */
  onProgress?: (done: number, total: number) => void;
  /** Replications already finished (from an interrupted run), reused instead of rerun. */
  finished?: ReplicationOutput[];
  /** Called with every newly finished replication (to checkpoint it). */
  onReplication?: (output: ReplicationOutput) => void;
  /** When it returns true, no new replication is started. */
  shouldStop?: () => boolean;
  /** Journey trace file for replication 1 of scenario s (none if it returns undefined). */
  traceFileFor?: (scenarioIndex: number) => string | undefined;
  /** Run the replications on workers elsewhere through this queue instead of on local threads. */
  queue?: QueueRunOptions;
}

/** Everything the runs produced, ordered by scenario then replication. */
export interface RunOutputs {
  /** outputs[scenario][replication]. */
  outputs: ReplicationOutput[][];
  /** Replications per scenario. */
  replications: number;
  /** Whether the run was stopped before the end. */
  interrupted: boolean;
  workers: number;
}

/**
 * The precision search adds at most 10 * PRECISION_STEP replications a round. It must not depend
 * on the number of workers, or the replications run (and summary.json) would.
 */
const PRECISION_STEP = 2;

/** The default number of workers: one per core. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/** Runs all scenarios and replications of an experiment (and more if a precision target asks). */
export async function runExperiment(experiment: LoadedExperiment, options: RunOptions = {}): Promise<RunOutputs> {
  const runner = options.queue ? await queueRunner(options.queue) : localRunner(options.workers ?? defaultWorkers());
  const done = new Map<string, ReplicationOutput>();
  for (const f of options.finished ?? []) done.set(key(f.scenarioIndex, f.replication), f);
  let replications = options.replications ?? experiment.config.replications;
  const maxReplications = experiment.config.precision?.maxReplications ?? replications;
  let interrupted = false;
  try {
    for (;;) {
      interrupted = await runBatch(experiment, replications, done, runner, options);
      if (interrupted) break;
      const wanted = replicationsForPrecision(experiment, done, replications, PRECISION_STEP);
      if (wanted <= replications || replications >= maxReplications) break;
      replications = Math.min(wanted, maxReplications);
    }
  } finally {
    await runner.close();
  }
  const outputs = experiment.scenarios.map((_, s) => Array.from({ length: replications }, (_, r) => done.get(key(s, r))).filter((o): o is ReplicationOutput => o !== undefined));
  return { outputs, replications, interrupted, workers: runner.workers() };
}

async function runBatch(experiment: LoadedExperiment, replications: number, done: Map<string, ReplicationOutput>, runner: ReplicationRunner, options: RunOptions): Promise<boolean> {
  const jobs: ReplicationJob[] = [];
  // Replication-major order: every scenario's replication r is run before r + 1, so that an
  // interrupted run keeps complete, comparable sets of replications.
  for (let r = 0; r < replications; r++) {
    experiment.scenarios.forEach((scenario, s) => {
      if (done.has(key(s, r))) return;
      jobs.push({
        scenarioIndex: s,
        replication: r,
        model: scenario.model,
        horizonDays: experiment.config.horizonDays,
        warmupDays: experiment.config.warmupDays,
        seed: experiment.config.seed,
        withDaily: experiment.config.outputs.daily,
        traceFile: r === 0 ? options.traceFileFor?.(s) : undefined,
      });
    });
  }
  const total = replications * experiment.scenarios.length;
  const record = (output: ReplicationOutput): void => {
    const k = key(output.scenarioIndex, output.replication);
    if (done.has(k)) return; // a replication is counted once, however often a queue delivers it
    done.set(k, output);
    options.onReplication?.(output);
    options.onProgress?.(done.size, total);
  };
  options.onProgress?.(done.size, total);
  return runner.run(jobs, record, () => options.shouldStop?.() ?? false);
}

/** Runs replications on this machine: on the main thread for one worker, else on a piscina pool. */
export function localRunner(workers: number): ReplicationRunner {
  const pool = workers > 1 ? createPool(workers) : null;
  return {
    run: (jobs, record, shouldStop) => (pool === null ? runOnMainThread(jobs, record, shouldStop) : runOnPool(pool, jobs, record, shouldStop)),
    workers: () => workers,
    close: async () => pool?.destroy(),
  };
}

/** The queue's runner, loaded only when asked for, so that local runs do not load BullMQ. */
async function queueRunner(queue: QueueRunOptions): Promise<ReplicationRunner> {
  const { openQueueRunner } = await import('./distributed/coordinator.js');
  return openQueueRunner(queue);
}

/** A pool of `threads` worker threads running {@link runJob}. */
export function createPool(threads: number): Piscina {
  return new Piscina({ filename: workerFile(), maxThreads: threads, minThreads: threads });
}

async function runOnMainThread(jobs: ReplicationJob[], record: (o: ReplicationOutput) => void, shouldStop: () => boolean): Promise<boolean> {
  for (const job of jobs) {
    if (shouldStop()) return true;
    record(runJob(job));
    await new Promise((resolve) => setImmediate(resolve)); // let signals and progress through
  }
  return false;
}

async function runOnPool(pool: Piscina, jobs: ReplicationJob[], record: (o: ReplicationOutput) => void, shouldStop: () => boolean): Promise<boolean> {
  let stopped = false;
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < jobs.length) {
      if (shouldStop()) {
        stopped = true;
        return;
      }
      const job = jobs[next++];
      record((await pool.run(job)) as ReplicationOutput);
    }
  };
  await Promise.all(Array.from({ length: pool.options.maxThreads }, lane));
  return stopped;
}

/** How many replications the precision target needs, estimated from those done so far. */
function replicationsForPrecision(experiment: LoadedExperiment, done: Map<string, ReplicationOutput>, current: number, step: number): number {
  const target = experiment.config.precision;
  if (!target) return current;
  let needed = current;
  experiment.scenarios.forEach((_, s) => {
    for (const metric of target.metrics) {
      const values: number[] = [];
      for (let r = 0; r < current; r++) {
        const v = done.get(key(s, r))?.metrics[metric];
        if (v !== undefined) values.push(v);
      }
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const h = halfWidth(values);
      if (!(Math.abs(mean) > 0) || !Number.isFinite(h)) continue;
      const ratio = h / (target.relativeHalfWidth * Math.abs(mean));
      // Half-widths shrink as 1 / sqrt(n): n * ratio^2 replications should reach the target.
      if (ratio > 1) needed = Math.max(needed, Math.min(current + 10 * step, Math.max(current + 1, Math.ceil(current * ratio * ratio))));
    }
  });
  return needed === current ? current : Math.max(needed, current + 1);
}

function key(scenario: number, replication: number): string {
  return `${scenario}:${replication}`;
}

/** The compiled worker module; tests running the TypeScript sources use the built copy. */
function workerFile(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const compiled = join(here, 'worker.js');
  if (existsSync(compiled)) return compiled;
  const built = join(here, '..', '..', 'dist', 'src', 'experiment', 'worker.js');
  if (existsSync(built)) return built;
  throw new Error(`cannot find the compiled worker (${built}); run "npm run build" first`);
}
