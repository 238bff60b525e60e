/**
 * The care system as a discrete-event model of one replication: the stages (arrivals, acute
 * care, downstream services, the warm start, midnight accounting) wired to one kernel.
 *
 * Event-scheduling style: each kind of event is a method of its stage, registered once; the
 * payload is a patient slot (see PatientTable). A person who finishes one service and needs
 * another keeps their place until the next is granted (Resource.requestWhileHolding): that is a
 * delayed discharge in hospital, and blocking everywhere else.
 *
 * Randomness: arrivals come from the named stream "arrivals"; everything about a person comes
 * from their own entity stream, opened by (identity, purpose), so the same person has the same
 * needs in every scenario (common random numbers).
 *
 * @module
 */
import type { Resource } from '../../engine/resource.js';
import type { Simulation, EventKind } from '../../engine/simulation.js';
import { FlexibleBedsController, PooledBudgetController } from '../capacity-controllers.js';
import type { CompiledModel } from '../compile.js';
import type { TraceSink } from '../journey-trace.js';
import type { Observations } from '../observations.js';
import type { PatientTable } from '../patients.js';
import type { RunWindow } from '../run-window.js';
import { AcuteCare } from './acute-care.js';
import { Arrivals } from './arrivals.js';
import { Downstream } from './downstream.js';
import { RunState } from './run-state.js';
import { fillWarmStart } from './warm-start.js';

/** One replication of a care system. Build, then {@link CareSystemModel.run}. */
export class CareSystemModel {
  /** The kernel. */
  readonly sim: Simulation;
  /** One resource per setting, in the model's setting order. */
  readonly resources: Resource[];
  /** What the run measures. */
  readonly observations: Observations;
  /** People present. */
  readonly patients: PatientTable;

  private readonly state: RunState;
  private readonly arrivals: Arrivals;
  private readonly acute: AcuteCare;
  private readonly downstream: Downstream;
  private readonly controllers: { start(): void }[] = [];
  private readonly onMidnight: EventKind;
  private readonly onWarmupEnd: EventKind;

  constructor(model: CompiledModel, window: RunWindow, trace: TraceSink | null = null) {
    const state = new RunState(model, window, trace);
    this.state = state;
    this.sim = state.sim;
    this.resources = state.resources;
    this.observations = state.observations;
    this.patients = state.patients;
    this.arrivals = state.arrivals = new Arrivals(state);
    this.acute = state.acute = new AcuteCare(state);
    this.downstream = state.downstream = new Downstream(state);
    this.onMidnight = this.sim.defineEvent(() => this.midnight(), 'midnight');
    this.onWarmupEnd = this.sim.defineEvent(() => this.observations.startWindow(this.sim.now), 'end of warm-up');
    const pool = state.policies.pooledBudget;
    if (pool !== null) this.controllers.push(new PooledBudgetController(this.sim, this.resources, model, pool, this.observations.policyCosts));
    for (const beds of state.policies.flexibleBeds) this.controllers.push(new FlexibleBedsController(this.sim, this.resources, model.acute, beds));
  }

  /** Runs the replication to the horizon. */
  run(): Observations {
    const { horizonDays, warmupDays } = this.state.window;
    fillWarmStart(this.state, this.arrivals, this.acute, this.downstream);
    this.arrivals.start();
    for (const controller of this.controllers) controller.start();
    this.sim.scheduleAt(0, this.onMidnight, 0, -10);
    if (warmupDays > 0) this.sim.scheduleAt(warmupDays, this.onWarmupEnd, 0, -20);
    this.sim.run(horizonDays);
    this.observations.finish(horizonDays, this.patients);
    return this.observations;
  }

  /** Midnight: capacities' daily work (visits taper), the day's measurements, the next midnight. */
  private midnight(): void {
    const now = this.sim.now;
    for (const capacity of this.state.capacities) capacity.midnight(now);
    this.observations.midnight(now);
    this.sim.schedule(1, this.onMidnight, 0, -10);
  }
}
