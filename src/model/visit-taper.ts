/**
 * Visits that taper over a home-based stay, as in the IPACS model: a service counted in visits
 * per day gives each client the initial rate when they start and the final rate at the end of
 * their planned stay, in a straight line between.
 *
 * @module
 */
import type { DivisibleResource } from '../engine/divisible-resource.js';
import type { Resource } from '../engine/resource.js';
import type { CompiledModel } from './compile.js';
import type { PatientTable } from './patients.js';

/**
 * Once a day (at midnight, `now`), each client of a visit-counted service gets the visits due at
 * this point of their stay (the final rate while they wait, after it, for their next service).
 */
export function taperVisits(model: CompiledModel, resources: readonly Resource[], patients: PatientTable, now: number): void {
  for (const s of model.settings) {
    if (s.visits === null) continue;
    const resource = resources[s.index] as DivisibleResource;
    const { initial, final } = s.visits;
    for (let p = 0; p < patients.slotsIssued; p++) {
      const current = resource.amountHeld(p);
      if (!(current > 0) || patients.setting[p] !== s.index) continue;
      const progress = patients.stayLength[p] > 0 ? Math.min(1, (now - patients.placedAt[p]) / patients.stayLength[p]) : 1;
      // A final rate of 0 would free the place entirely; a client keeps a token share.
      const rate = Math.max(initial + (final - initial) * progress, 1e-6);
      if (rate !== current) resource.resize(p, rate);
    }
  }
}
