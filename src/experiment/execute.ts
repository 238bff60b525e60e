/**
 * An experiment from file to results folder: load, run (with checkpoints so an interrupted run
 * can resume), summarise and write.
 *
 * @module
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { QueueRunOptions } from './distributed/coordinator.js';
import { careflowVersion } from './version.js';
import { precisionRecord, precisionWarnings } from './precision.js';
import { saturationWarnings } from './saturation.js';
import { UsageProblem } from './problems.js';
import { thisMachine, writeResults, type Manifest } from './results.js';
import { runExperiment, type RunOutputs } from './runner.js';
import { hashOf, type LoadedExperiment } from './scenario.js';
import { summariseExperiment, type ExperimentSummary } from './summary.js';
import { decodeOutput, encodeOutput, type EncodedOutput } from './output-codec.js';
import type { ReplicationOutput } from './worker.js';

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

/** The checkpoint file beside a results folder, holding finished replications as JSON lines. */
export function checkpointFile(out: string): string {
  return `${out}.partial.jsonl`;
}

/** Runs an experiment and writes its results folder. */
export async function executeExperiment(experiment: LoadedExperiment, options: ExecuteOptions): Promise<ExecuteResult> {
  const startedAt = new Date();
  const checkpoint = checkpointFile(options.out);
  const experimentHash = hashOf({ config: experiment.config, scenarios: experiment.scenarios.map((s) => s.model) });
  const finished = options.resume ? readCheckpoint(checkpoint, experimentHash) : [];
  if (!options.resume) rmSync(checkpoint, { force: true });
  if (options.trace) mkdirSync(traceFolder(options.out), { recursive: true });
  mkdirSync(dirname(options.out), { recursive: true });
  if (!existsSync(checkpoint)) appendFileSync(checkpoint, JSON.stringify({ experimentHash }) + '\n');
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
        appendFileSync(checkpoint, encodeCheckpointLine(o) + '\n');
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
    experimentFile: resolve(experiment.file),
    modelFile: experiment.modelFile,
    experimentHash,
    modelHash: hashOf(experiment.model),
    seed: experiment.config.seed,
    replications: run.replications,
    workers: run.workers,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    wallSeconds: (finishedAt.getTime() - startedAt.getTime()) / 1000,
    node: process.version,
    machine: thisMachine(),
    experiment: experiment.config,
    model: experiment.model,
    scenarios: experiment.scenarios.map((s) => ({ name: s.name, hash: hashOf(s.model), policies: s.model.policies, model: s.model.config, capacity: s.model.capacity })),
    ...(experiment.sweep ? { sweep: experiment.sweep } : {}),
    ...(experiment.set && experiment.set.length > 0 ? { set: experiment.set } : {}),
    ...(precision ? { precision } : {}),
  };
  const traces = options.trace ? experiment.scenarios.map((sc, s) => ({ from: traceFile(options.out, s), name: `trace-${sc.name.replace(/[^A-Za-z0-9_.=-]+/g, '_')}.csv` })) : [];
  writeResults(options.out, experiment, run, summary, manifest, traces);
  if (options.trace) rmSync(traceFolder(options.out), { recursive: true, force: true });
  rmSync(checkpoint, { force: true });
  return { dir: options.out, checkpoint, summary, run, warnings: [...saturationWarnings(summary.saturation ?? []), ...precisionWarnings(precision)] };
}

function readCheckpoint(file: string, experimentHash: string): ReplicationOutput[] {
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const header = JSON.parse(lines[0] ?? '{}') as { experimentHash?: string };
  if (header.experimentHash !== experimentHash) {
    throw new UsageProblem(`cannot resume from ${file}: it belongs to a different experiment or model (files changed since)`);
  }
  // A line cut short by the interruption is ignored; its replication simply runs again.
  const outputs: ReplicationOutput[] = [];
  for (const line of lines.slice(1)) {
    try {
      outputs.push(decodeCheckpointLine(line));
    } catch {
      continue;
    }
  }
  return outputs;
}

/**
 * One finished replication as a checkpoint line: the output codec's exact form (every metric as
 * the bytes of a float64, so NaN and infinities come back as they were; the daily series
 * deflated), as JSON.
 */
export function encodeCheckpointLine(output: ReplicationOutput): string {
  return JSON.stringify(encodeOutput(output));
}

/** The inverse of {@link encodeCheckpointLine}; throws on a line that is not one. */
export function decodeCheckpointLine(line: string): ReplicationOutput {
  const encoded = JSON.parse(line) as EncodedOutput;
  if (typeof encoded !== 'object' || encoded === null || !Array.isArray(encoded.metricNames) || typeof encoded.metricValues !== 'string') {
    throw new Error('a checkpoint line without metrics');
  }
  return decodeOutput(encoded);
}
