/**
 * A setting's capacity as resolved: which behaviour runs it, the places (or visits) it starts
 * with, dated changes in simulation days (policy deltas already added), and the behaviour's own
 * parameters. Plain data: it travels to worker threads and through the queue, and is written
 * to manifest.json, so that everything after *resolve* reads capacity from here.
 *
 * @module
 */
import type { CapacityChange } from '../../engine/resource.js';

/** A setting's capacity, resolved. */
export interface CapacityPlan {
  /** The behaviour's name (see registry.ts): `places`, `visitsPerDay`, or a registered one. */
  readonly behaviour: string;
  /** Capacity at time 0. */
  readonly initial: number;
  /** Later changes, in time order (times in days from the start, all > 0). */
  readonly changes: readonly CapacityChange[];
  /** The behaviour's own settings (for visits per day: the initial and final rates). */
  readonly parameters: Readonly<Record<string, unknown>>;
}

/** The capacity in force at time t (changes apply from their time on). */
export function capacityAt(plan: Pick<CapacityPlan, 'initial' | 'changes'>, t: number): number {
  let c = plan.initial;
  for (const change of plan.changes) if (change.time <= t) c = change.capacity;
  return c;
}
