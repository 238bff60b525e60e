/**
 * Home-based capacity counted in visits per day instead of clients, as in the IPACS model: each
 * client needs `initial` visits a day at the start, tapering linearly to `final` at the end of
 * their planned stay; the setting's capacity is visits per day.
 *
 * @module
 */
import { DivisibleResource } from '../../engine/divisible-resource.js';
import type { Resource } from '../../engine/resource.js';
import type { EventKind } from '../../engine/simulation.js';
import type { PatientTable } from '../patients.js';
import type { CapacityPlan } from './plan.js';
import type { CapacityRun, SettingCapacity } from './setting-capacity.js';

/** Visit rates per client: at the start of a stay and at its planned end. */
export interface VisitRates {
  initial: number;
  final: number;
}

/** Visits per day, shared by the setting's clients. */
export class VisitsCapacity implements SettingCapacity {
  readonly resource: DivisibleResource;
  readonly unitsPerPerson: number;
  private readonly rates: VisitRates;
  private readonly index: number;
  private readonly patients: PatientTable;

  constructor(plan: CapacityPlan, run: CapacityRun) {
    this.rates = plan.parameters as unknown as VisitRates;
    this.unitsPerPerson = this.rates.initial;
    this.index = run.index;
    this.patients = run.patients;
    this.resource = new DivisibleResource(run.sim, { name: run.name, capacity: plan.initial });
    if (plan.changes.length > 0) this.resource.scheduleCapacity(plan.changes);
  }

  ask(p: number, held: Resource | null, onGranted: EventKind): boolean {
    return this.resource.requestAmount(p, this.rates.initial, onGranted, held);
  }

  withdraw(p: number): boolean {
    return this.resource.withdraw(p);
  }

  /**
   * Once a day each client gets the visits due at this point of their stay (the final rate
   * while they wait, after it, for their next service).
   */
  midnight(now: number): void {
    const patients = this.patients;
    const resource = this.resource;
    const { initial, final } = this.rates;
    for (let p = 0; p < patients.slotsIssued; p++) {
      const current = resource.amountHeld(p);
      if (!(current > 0) || patients.setting[p] !== this.index) continue;
      const progress = patients.stayLength[p] > 0 ? Math.min(1, (now - patients.placedAt[p]) / patients.stayLength[p]) : 1;
      // A final rate of 0 would free the place entirely; a client keeps a token share.
      const rate = Math.max(initial + (final - initial) * progress, 1e-6);
      if (rate !== current) resource.resize(p, rate);
    }
  }
}

/** The `visitsPerDay` behaviour's run-time half. */
export function createVisits(plan: CapacityPlan, run: CapacityRun): SettingCapacity {
  return new VisitsCapacity(plan, run);
}
