/**
 * The job a worker thread runs: one replication of one scenario. Used by piscina, and called
 * directly when running on the main thread, so both paths compute exactly the same thing.
 *
 * @module
 */
import { CsvTraceFile } from '../model/journey-trace.js';
import { runReplication } from '../model/run-replication.js';
import type { ResolvedModel } from '../model/resolve/resolve-model.js';

/** One (scenario, replication) to run. */
export interface ReplicationJob {
  scenarioIndex: number;
  replication: number;
  /** The scenario's model, resolved (plain data: it crosses to worker threads and the queue). */
  model: ResolvedModel;
  horizonDays: number;
  warmupDays: number;
  /** The experiment's master seed; the replication's seed is derived from it. */
  seed: number | string;
  withDaily: boolean;
  /** Write this replication's journey trace to this CSV file. */
  traceFile?: string;
}

/** What a job returns. */
export interface ReplicationOutput {
  scenarioIndex: number;
  replication: number;
  metrics: Record<string, number>;
  daily: Float64Array | null;
  /** Acute patients delayed at each midnight by reason (DailySeries.reasonValues), or null. */
  dailyReasons: Float64Array | null;
  events: number;
  /** The queue worker that computed it, by name (absent for local runs): for manifest.json. */
  worker?: string;
}

/**
 * The seed of replication r: the same for every scenario, so that scenarios are compared on
 * the same arrivals and the same people (common random numbers).
 */
export function replicationSeed(seed: number | string, replication: number): string {
  return `${seed}/rep${replication}`;
}

/** Runs one job. */
export default function runJob(job: ReplicationJob): ReplicationOutput {
  const result = runReplication(
    job.model,
    { horizonDays: job.horizonDays, warmupDays: job.warmupDays, seed: replicationSeed(job.seed, job.replication) },
    job.traceFile ? new CsvTraceFile(job.traceFile) : null,
  );
  return {
    scenarioIndex: job.scenarioIndex,
    replication: job.replication,
    metrics: result.metrics,
    daily: job.withDaily ? result.daily.values : null,
    dailyReasons: job.withDaily ? result.daily.reasonValues : null,
    events: result.events,
  };
}
