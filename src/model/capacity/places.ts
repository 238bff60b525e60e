/**
 * Fixed places, or places that change on dated steps (a schedule): each person takes one place
 * and waits first come, first served when none is free.
 *
 * @module
 */
import { Resource } from '../../engine/resource.js';
import type { EventKind } from '../../engine/simulation.js';
import type { CapacityPlan } from './plan.js';
import type { CapacityRun, SettingCapacity } from './setting-capacity.js';

/** Places counted one a person. */
export class PlacesCapacity implements SettingCapacity {
  readonly resource: Resource;
  readonly unitsPerPerson = 1;

  constructor(plan: CapacityPlan, run: CapacityRun, resource?: Resource) {
    this.resource = resource ?? new Resource(run.sim, { name: run.name, capacity: plan.initial });
    if (plan.changes.length > 0) this.resource.scheduleCapacity(plan.changes);
  }

  ask(p: number, held: Resource | null, onGranted: EventKind): boolean {
    return held === null ? this.resource.request(p, onGranted) : this.resource.requestWhileHolding(p, held, onGranted);
  }

  withdraw(p: number): boolean {
    return this.resource.withdraw(p);
  }

  midnight(_now: number): void {}
}

/** The `places` behaviour's run-time half. */
export function createPlaces(plan: CapacityPlan, run: CapacityRun): SettingCapacity {
  return new PlacesCapacity(plan, run);
}
