/**
 * Capacity that policies add to (or take from) a setting over time, merged into its schedule:
 * the resolved plan's initial capacity and changes include them.
 *
 * @module
 */
import type { CapacityChange } from '../../engine/resource.js';
import { valueAt, type Profile } from '../policies/profile.js';
import { capacityAt } from './plan.js';

/**
 * A setting's capacity schedule with policy deltas added: capacity(t) = scheduled(t) +
 * round(sum of deltas at t), changed at every schedule change and every day a delta moves.
 */
export function withCapacityDeltas(initial: number, changes: readonly CapacityChange[], deltas: Profile[]): { initial: number; changes: readonly CapacityChange[] } {
  if (deltas.length === 0) return { initial, changes };
  const scheduled = (t: number): number => capacityAt({ initial, changes }, t);
  const delta = (t: number): number => Math.round(deltas.reduce((sum, d) => sum + valueAt(d, t), 0));
  const times = new Set<number>(changes.map((c) => c.time));
  for (const d of deltas) {
    const first = d.times[0];
    const last = d.times[d.times.length - 1];
    // Ramps move daily; steps at their own times.
    for (let t = Math.max(0, first); t < last; t += 1) times.add(t);
    for (const t of d.times) if (t > 0) times.add(t);
  }
  const at = (t: number): number => Math.max(0, scheduled(t) + delta(t));
  const out: CapacityChange[] = [];
  let current = at(0);
  for (const t of [...times].filter((t) => t > 0).sort((a, b) => a - b)) {
    const c = at(t);
    if (c !== current) out.push({ time: t, capacity: c });
    current = c;
  }
  return { initial: at(0), changes: out };
}
