/**
 * What the stages of one replication share: the kernel, the compiled model, the people, each
 * setting's capacity, the observations, the person stream and the policy decisions, with the
 * few helpers every stage uses (delays, traces, working time). The stages (arrivals, acute
 * care, downstream services, the warm start) reach each other through the small interfaces
 * here, so that none imports another.
 *
 * @module
 */
import type { WorkingWindow } from '../../engine/calendar.js';
import { EntityStream } from '../../engine/random/entity-stream.js';
import { RandomStreams } from '../../engine/random/stream.js';
import type { Resource } from '../../engine/resource.js';
import { Simulation } from '../../engine/simulation.js';
import type { SettingCapacity } from '../capacity/setting-capacity.js';
import { SpotLedger } from '../capacity/spot-ledger.js';
import type { CompiledModel } from '../compile.js';
import type { TraceEvent, TraceSink } from '../journey-trace.js';
import { Observations } from '../observations.js';
import { PatientTable } from '../patients.js';
import type { CompiledPolicies } from '../policies/compile-effects.js';
import { PolicyDecisions } from '../policy-decisions.js';
import type { RunWindow } from '../run-window.js';
import { STREAM_PEOPLE } from './stream-salts.js';

/** Arrivals, as the other stages call them. */
export interface ArrivalsStage {
  /** Draws the person's group (unless fixed, -1 for none), pathway and clinical stay for their episode. */
  sampleAdmission(p: number, fixedGroup: number): void;
}

/** Acute care, as the other stages call it. */
export interface AcuteStage {
  /** The person asks for an acute bed (an arrival or a readmission). */
  requestAcuteBed(p: number): void;
  /** Ends the person's acute delay and records their discharge (destination -1 = home). */
  leaveAcute(p: number, destination: number): void;
}

/** Downstream services, as the other stages call them. */
export interface DownstreamStage {
  /** The person is ready for setting `wanted` (a policy may redirect them; the provider may assess first). */
  proceedTo(p: number, wanted: number): void;
  /** The person, holding nothing, asks for a place in `target`. */
  requestPlace(p: number, target: number): void;
  /** The person asks for a place in `target`, keeping the place they hold until it is granted. */
  requestPlaceWhileHolding(p: number, target: number): void;
  /** The person leaves the setting they were in for home, death or readmission (a ROUTE_* code). */
  leaveSystem(p: number, how: number): void;
}

/** The shared state of one replication. */
export class RunState {
  /** The kernel. */
  readonly sim = new Simulation();
  /** People present. */
  readonly patients = new PatientTable();
  /** Each setting's capacity, in the model's setting order. */
  readonly capacities: SettingCapacity[];
  /** Each setting's resource (the capacities' resources, for quick access). */
  readonly resources: Resource[];
  /** What the run measures. */
  readonly observations: Observations;
  /** The replication's named random streams. */
  readonly streams: RandomStreams;
  /** Every person's own streams (see stream-salts.ts). */
  readonly person: EntityStream;
  /** What the policies decide about each person. */
  readonly decide: PolicyDecisions;
  /** What the model's policies do; `policies.any` is false for a model without them. */
  readonly policies: CompiledPolicies;
  /** The stages, set once all are built. */
  arrivals!: ArrivalsStage;
  acute!: AcuteStage;
  downstream!: DownstreamStage;

  constructor(
    readonly model: CompiledModel,
    readonly window: RunWindow,
    readonly trace: TraceSink | null,
  ) {
    this.streams = new RandomStreams(window.seed);
    this.policies = model.policies;
    this.person = new EntityStream(this.streams.stream(STREAM_PEOPLE));
    const spotLedger = new SpotLedger(model.spotBudgets, model.calendar);
    const run = { sim: this.sim, patients: this.patients, calendar: model.calendar, person: this.person, spotLedger };
    this.capacities = model.settings.map((s) => s.createCapacity(s.capacity, { ...run, name: s.name, index: s.index, payerShares: s.payerShares }));
    this.resources = this.capacities.map((c) => c.resource);
    this.observations = new Observations(model, this.capacities, window);
    this.decide = new PolicyDecisions(model, this.patients, this.person, this.capacities);
  }

  /** Moves the person's acute delay to `reason` (-1: no longer delayed). */
  setDelay(p: number, reason: number): void {
    const patients = this.patients;
    const now = this.sim.now;
    const old = patients.delayReason[p];
    if (old >= 0) this.observations.delayEnds(old, patients.pathway[p], now);
    patients.delayReason[p] = reason;
    if (reason >= 0) this.observations.delayStarts(reason, patients.pathway[p], now);
  }

  /** Records a move in the journey trace, if there is one. */
  traced(p: number, event: TraceEvent, setting: number, detail: string): void {
    if (this.trace === null) return;
    const name = setting >= 0 ? this.model.settings[setting].name : '';
    this.trace.record(this.sim.now, this.patients.identity[p], this.patients.episode[p], event, name, detail);
  }

  /** When `work` days of working time started at `start` end, in a window (null: around the clock). */
  afterWork(start: number, work: number, window: WorkingWindow | null): number {
    return window === null ? start + work : this.model.calendar.addWorkingTime(start, work, window);
  }
}

/** Pathway names by index, for traces. */
export const PATHWAY_NAMES: readonly string[] = ['P0', 'P1', 'P2', 'P3'];
