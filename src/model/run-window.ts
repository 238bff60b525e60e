/**
 * How long a replication runs, when its statistics start, and its seed.
 *
 * @module
 */

/** How long to run and when statistics start. */
export interface RunWindow {
  /** Days simulated in all, warm-up included. */
  horizonDays: number;
  /** Days at the start excluded from statistics. */
  warmupDays: number;
  /** Master seed. */
  seed: number | string;
}
