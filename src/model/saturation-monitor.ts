/**
 * Saturation, counted at each midnight of the results window for every setting: how often it
 * was full, and whether the number waiting for a place trends upward through the window.
 *
 * A setting is full at a midnight when every place is in use or someone waits for one (for a
 * setting counted in visits, the visits left may be too few for the next client even though some
 * are free, so the waiting line is the test that holds for both). The trend is the
 * least-squares slope of the midnight queue on the day: a stable queue, however long, has a slope
 * near zero; a setting that cannot keep up has a queue that grows for as long as the run lasts.
 * The experiment layer tests the slope across replications (`src/experiment/saturation.ts`).
 *
 * Everything is running sums in preallocated arrays: nothing is allocated per midnight.
 *
 * @module
 */
import type { Resource } from '../engine/resource.js';

const DAYS_PER_YEAR = 365;

/** What the monitor reads of a setting's resource at a midnight. */
export type MonitoredResource = Pick<Resource, 'waiting' | 'inUse' | 'capacity'>;

/** Running midnight counts per setting. */
export class SaturationMonitor {
  private readonly resources: readonly MonitoredResource[];
  private midnights = 0;
  private readonly full: Float64Array;
  /** Per setting: sum of t, of t squared, of the queue q, and of t * q (t in days from the window start). */
  private readonly sums: Float64Array;

  constructor(resources: readonly MonitoredResource[]) {
    this.resources = resources;
    this.full = new Float64Array(resources.length);
    this.sums = new Float64Array(resources.length * 4);
  }

  /** Forgets everything (the start of the results window). */
  reset(): void {
    this.midnights = 0;
    this.full.fill(0);
    this.sums.fill(0);
  }

  /** A midnight of the results window, `t` days after its start. */
  sample(t: number): void {
    this.midnights++;
    for (let s = 0; s < this.resources.length; s++) {
      const r = this.resources[s];
      const q = r.waiting;
      if (q > 0 || r.inUse >= r.capacity) this.full[s]++;
      const b = s * 4;
      this.sums[b] += t;
      this.sums[b + 1] += t * t;
      this.sums[b + 2] += q;
      this.sums[b + 3] += t * q;
    }
  }

  /** Share of the window's midnights at which setting s was full (0 with no midnight). */
  fullShare(s: number): number {
    return this.midnights > 0 ? this.full[s] / this.midnights : 0;
  }

  /** Least-squares slope of setting s's midnight queue, in people per year (0 with under two midnights). */
  queueTrendPerYear(s: number): number {
    const n = this.midnights;
    const b = s * 4;
    const [st, stt, sq, stq] = [this.sums[b], this.sums[b + 1], this.sums[b + 2], this.sums[b + 3]];
    const spread = n * stt - st * st;
    return n >= 2 && spread > 0 ? (DAYS_PER_YEAR * (n * stq - st * sq)) / spread : 0;
  }
}
