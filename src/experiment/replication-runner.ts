/**
 * Where replications run: on local threads (runner.ts) or on workers reached through a queue
 * (distributed/coordinator.ts), behind one interface.
 *
 * @module
 */
import type { ReplicationJob, ReplicationOutput } from './worker.js';

/** Where replications run: on local threads, or on workers reached through a queue. */
export interface ReplicationRunner {
  /** Runs the jobs, calling `record` once per finished job in any order; resolves true if stopped early. */
  run(jobs: ReplicationJob[], record: (output: ReplicationOutput) => void, shouldStop: () => boolean): Promise<boolean>;
  /** The number of workers, for the manifest (read after the run). */
  workers(): number;
  close(): Promise<void>;
}
