/**
 * The interface the simulation calls for a setting's capacity, whatever behaviour runs it:
 * built once per replication from the setting's {@link CapacityPlan}, it owns the setting's
 * resource and decides how much of it a person takes.
 *
 * @module
 */
import type { Calendar } from '../../engine/calendar.js';
import type { EntityStream } from '../../engine/random/entity-stream.js';
import type { Resource } from '../../engine/resource.js';
import type { EventKind, Simulation } from '../../engine/simulation.js';
import type { PatientTable } from '../patients.js';
import type { CapacityPlan } from './plan.js';
import type { SpotLedger } from './spot-ledger.js';

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
  /**
   * Takes person p's request out of the waiting line (they were re-assessed to another service,
   * died or were readmitted while waiting); the place they hold stays theirs. False if they
   * were not waiting.
   */
  withdraw(p: number): boolean;
  /** Called at every midnight, before the day's measurements (visits taper, for example). */
  midnight(now: number): void;
  /** The results window starts (end of warm-up): a behaviour with measures of its own resets them. */
  startWindow?(now: number): void;
  /** Adds the behaviour's own metrics for setting `name` to `m` (a market's spot places, say). */
  addMetrics?(m: Record<string, number>, now: number, name: string): void;
  /** Adds costs beyond the setting's places (spot purchases) to `byPayer`, by payer index, over the window. */
  addCosts?(byPayer: Float64Array, now: number): void;
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
  /** The run's calendar (financial years, weekdays). */
  readonly calendar: Calendar;
  /** Every person's own streams (a behaviour drawing for a person opens its own purpose). */
  readonly person: EntityStream;
  /** The setting's payer shares, by payer index (see payers.ts). */
  readonly payerShares: Float64Array;
  /** The run's spot budgets, shared by its provider markets. */
  readonly spotLedger: SpotLedger;
}

/** A capacity behaviour's run-time half: builds the setting's capacity for one replication. */
export type CreateCapacity = (plan: CapacityPlan, run: CapacityRun) => SettingCapacity;
