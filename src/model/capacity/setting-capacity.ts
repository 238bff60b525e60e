/**
 * The interface the simulation calls for a setting's capacity, whatever behaviour runs it:
 * built once per replication from the setting's {@link CapacityPlan}, it owns the setting's
 * resource and decides how much of it a person takes.
 *
 * @module
 */
import type { Resource } from '../../engine/resource.js';
import type { EventKind, Simulation } from '../../engine/simulation.js';
import type { PatientTable } from '../patients.js';
import type { CapacityPlan } from './plan.js';

/** One setting's capacity during one replication. */
export interface SettingCapacity {
  /** The setting's places (or visits), with their waiting line and monitors. */
  readonly resource: Resource;
  /** How much of the resource a person takes on arrival (1 place, or the first day's visits). */
  readonly unitsPerPerson: number;
  /**
   * Asks for a place for person p, who holds `held` meanwhile (null when they hold nothing);
   * true if granted at once, otherwise `onGranted` runs when it is.
   */
  ask(p: number, held: Resource | null, onGranted: EventKind): boolean;
  /** Called at every midnight, before the day's measurements (visits taper, for example). */
  midnight(now: number): void;
}

/** What a behaviour is given to build a setting's capacity. */
export interface CapacityRun {
  readonly sim: Simulation;
  /** The setting's name (for messages and the resource). */
  readonly name: string;
  /** The setting's index in the model. */
  readonly index: number;
  /** The people of the run (a behaviour may read their state, as visit tapering does). */
  readonly patients: PatientTable;
}

/** A capacity behaviour's run-time half: builds the setting's capacity for one replication. */
export type CreateCapacity = (plan: CapacityPlan, run: CapacityRun) => SettingCapacity;
