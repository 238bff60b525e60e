/**
 * An experiment from file to results folder: lock the folder, load, run (with checkpoints so an
 * interrupted run can resume), summarise and write.
 *
 * @module
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { QueueRunOptions } from './distributed/coordinator.js';
import { removeStaleTempFolders } from './atomic-folder.js';
import { appendToCheckpoint, checkpointFile, checkpointHeader, readCheckpoint, type RunIdentity } from './checkpoint.js';
import { codeHash } from './code-hash.js';
import { careflowVersion } from './version.js';
import { precisionRecord, precisionWarnings } from './precision.js';
import { processAlive, takeResultsLock } from './results-lock.js';
import { saturationWarnings } from './saturation.js';
import { thisMachine, writeResults, type Manifest } from './results.js';
import { runExperiment, type RunOutputs } from './runner.js';
import { hashOf, type LoadedExperiment } from './scenario.js';
import { summariseExperiment, type ExperimentSummary } from './summary.js';

/** Options of an experiment run. */
export interface ExecuteOptions {
  /** Results folder to create; it must not exist yet. */
  out: string;
  workers: number;
  replications?: number;
  /** Reuse the finished replications of an interrupted run into the same folder. */
  resume?: boolean;
  onProgress?: (done: number, total: number) => void;
  shouldStop?: () => boolean;
  /** Write the journey trace of replication 1 of every scenario (trace-<scenario>.csv). */
  trace?: boolean;
  /** Run the replications through this queue (workers elsewhere) instead of on local threads. */
  queue?: QueueRunOptions;
  /** The command, as the lock of the results folder names it to a second run (default: this process's arguments). */
  command?: string;
  /**
   * Told at once of what the run found and dealt with on its way: a stale lock taken over,
   * stale temporary folders removed, damaged checkpoint records dropped.
   */
  onNotice?: (message: string) => void;
}

/** What an experiment run produced. */
export interface ExecuteResult {
  /** The results folder, or null if the run was interrupted. */
  dir: string | null;
  /** Where finished replications are kept when interrupted. */
  checkpoint: string;
  summary: ExperimentSummary | null;
  run: RunOutputs;
  /** Warnings about the finished run (saturated settings, a precision target missed), for stderr. */
  warnings: string[];
}

/** The default results folder: results/<experiment>/<date and time>. */
export function defaultResultsDir(root: string, experiment: string, now = new Date()): string {
  return join(root, experiment, now.toISOString().replace(/\..*$/, '').replace(/:/g, '-'));
}

/** The folder beside a results folder where traces are written during the run. */
export function traceFolder(out: string): string {
  return `${out}.trace`;
}

function traceFile(out: string, scenarioIndex: number): string {
  return join(traceFolder(out), `${scenarioIndex}.csv`);
}

export { checkpointFile };

/**
 * Runs an experiment and writes its results folder, holding the folder's lock (results-lock.ts)
 * from before the checkpoint is touched until the end, so no other run writes into it meanwhile.
 */
export async function executeExperiment(experiment: LoadedExperiment, options: ExecuteOptions): Promise<ExecuteResult> {
  const notice = options.onNotice ?? (() => undefined);
  mkdirSync(dirname(options.out), { recursive: true });
  const lock = takeResultsLock(options.out, options.command ?? process.argv.slice(1).join(' '), notice);
  try {
    for (const stale of removeStaleTempFolders(options.out, processAlive)) notice(`removed ${stale}, left by a run killed while writing its results`);
    return await executeLocked(experiment, options, notice);
  } finally {
    lock.release();
  }
}

async function executeLocked(experiment: LoadedExperiment, options: ExecuteOptions, notice: (message: string) => void): Promise<ExecuteResult> {
  const startedAt = new Date();
  const checkpoint = checkpointFile(options.out);
  const experimentHash = hashOf({ config: experiment.config, scenarios: experiment.scenarios.map((s) => s.model) });
  const identity: RunIdentity = { experimentHash, seed: experiment.config.seed, codeHash: codeHash() };
  const finished = options.resume ? readCheckpoint(checkpoint, identity, notice) : [];
  if (!options.resume) rmSync(checkpoint, { force: true });
  if (options.trace) mkdirSync(traceFolder(options.out), { recursive: true });
  if (!existsSync(checkpoint)) appendFileSync(checkpoint, checkpointHeader(identity, careflowVersion()) + '\n');
  else if (!readFileSync(checkpoint, 'utf8').endsWith('\n')) appendFileSync(checkpoint, '\n'); // after a line cut short
  let kept = finished.length;
  let run: RunOutputs;
  try {
    run = await runExperiment(experiment, {
      workers: options.workers,
      replications: options.replications,
      finished,
      onProgress: options.onProgress,
      shouldStop: options.shouldStop,
      queue: options.queue,
      traceFileFor: options.trace ? (s) => traceFile(options.out, s) : undefined,
      onReplication: (o) => {
        appendToCheckpoint(checkpoint, o, identity);
        kept++;
      },
    });
  } catch (err) {
    // A run that failed before finishing any replication (say, an unreachable queue) leaves
    // nothing to resume: no checkpoint either.
    if (kept === 0) {
      rmSync(checkpoint, { force: true });
      if (options.trace) rmSync(traceFolder(options.out), { recursive: true, force: true });
    }
    throw err;
  }
  if (run.interrupted) return { dir: null, checkpoint, summary: null, run, warnings: [] };
  const precision = precisionRecord(experiment, run);
  const summary = summariseExperiment(experiment, run);
  const finishedAt = new Date();
  const manifest: Manifest = {
    careflowVersion: careflowVersion(),
    codeHash: identity.codeHash,
    experimentFile: resolve(experiment.file),
    modelFile: experiment.modelFile,
    experimentHash,
    modelHash: hashOf(experiment.model),
    seed: experiment.config.seed,
    replications: run.replications,
    workers: run.workers,
    ...(options.queue ? { replicationsByWorker: replicationsByWorker(run) } : {}),
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    wallSeconds: (finishedAt.getTime() - startedAt.getTime()) / 1000,
    node: process.version,
    machine: thisMachine(),
    experiment: experiment.config,
    model: experiment.model,
    scenarios: experiment.scenarios.map((s) => ({ name: s.name, hash: hashOf(s.model), policies: s.model.policies, model: s.model.config, capacity: s.model.capacity })),
    ...(experiment.sweep ? { sweep: experiment.sweep } : {}),
    ...(experiment.sensitivity ? { sensitivity: experiment.sensitivity } : {}),
    ...(experiment.set && experiment.set.length > 0 ? { set: experiment.set } : {}),
    ...(precision ? { precision } : {}),
  };
  const traces = options.trace ? experiment.scenarios.map((sc, s) => ({ from: traceFile(options.out, s), name: `trace-${sc.name.replace(/[^A-Za-z0-9_.=-]+/g, '_')}.csv` })) : [];
  writeResults(options.out, experiment, run, summary, manifest, traces);
  if (options.trace) rmSync(traceFolder(options.out), { recursive: true, force: true });
  rmSync(checkpoint, { force: true });
  return { dir: options.out, checkpoint, summary, run, warnings: [...saturationWarnings(summary.saturation ?? []), ...precisionWarnings(precision)] };
}

/**
 * How many replications each queue worker computed, by name, in name order; `local` for those
 * computed on this machine before a resume through the queue. Identical scenarios share one
 * job, so each of them is credited to its worker.
 */
function replicationsByWorker(run: RunOutputs): Record<string, number> {
  const counts = new Map<string, number>();
  for (const outputs of run.outputs) for (const o of outputs) counts.set(o.worker ?? 'local', (counts.get(o.worker ?? 'local') ?? 0) + 1);
  return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
