/**
 * Policies that change capacities while the simulation runs, reacting to queues: a pooled
 * budget that buys places where queues are longest, and flexible beds that switch between
 * acute and step-down use. Each reviews on its own timetable through the kernel's events.
 *
 * @module
 */
import type { Resource } from '../engine/resource.js';
import type { EventKind, Simulation } from '../engine/simulation.js';
import type { CompiledModel } from './compile.js';
import type { CompiledPolicies } from './policies/compile-effects.js';
import type { PolicyCosts } from './policy-costs.js';

/** Reviews run just after midnight's measurements and before other events of the instant. */
const REVIEW_PRIORITY = -5;

/**
 * One budget for several services. At each review the places of the service with the most
 * spare capacity are sold (up to a share) and the money buys places for the service with the
 * longest queue relative to its size, at each one's cost per place-day; the change lands after
 * the lead time. The pot is funded by NHS and council in their shares of the first day's spend.
 */
export class PooledBudgetController {
  private readonly onReview: EventKind;
  private readonly onChange: EventKind;
  private readonly changes: { setting: number; delta: number }[] = [];
  /** By setting: places ordered (or given up) and not yet delivered. */
  private readonly pending: Float64Array;
  private started = false;

  constructor(
    private readonly sim: Simulation,
    private readonly resources: Resource[],
    private readonly model: CompiledModel,
    private readonly spec: NonNullable<CompiledPolicies['pooledBudget']>,
    private readonly costs: PolicyCosts,
  ) {
    this.pending = new Float64Array(model.settings.length);
    const spend = new Float64Array(2);
    for (const s of spec.settings) {
      const setting = model.settings[s];
      for (const k of [0, 1]) spend[k] += setting.capacity.initial * setting.costPerDay * setting.payerShares[k];
    }
    const pot = spend[0] + spend[1];
    if (spec.pooled) costs.setPool(spec.settings, Float64Array.of(pot > 0 ? spend[0] / pot : 0.5, pot > 0 ? spend[1] / pot : 0.5, 0), spec.start);
    this.onReview = sim.defineEvent(() => this.review(), 'pooled budget review');
    this.onChange = sim.defineEvent((i) => this.applyChange(i), 'pooled budget capacity change');
  }

  /** Schedules the first review at the policy's start. */
  start(): void {
    this.sim.scheduleAt(this.spec.start, this.onReview, 0, REVIEW_PRIORITY);
  }

  private review(): void {
    if (!this.started) {
      this.started = true;
      this.costs.startPool(this.sim.now);
    }
    this.sim.schedule(this.spec.intervalDays, this.onReview, 0, REVIEW_PRIORITY);
    for (const group of this.spec.groups) this.reallocate(group);
  }

  /**
   * Moves money from the setting with most spare places to the one with the longest queue,
   * counting places already ordered and not yet delivered (so a queue is not bought for twice
   * while the lead time runs), and buying no more places than the queue needs.
   */
  private reallocate(settings: number[]): void {
    let receiver = -1;
    let pressure = 0;
    let need = 0;
    for (const s of settings) {
      const r = this.resources[s];
      const unmet = r.waiting - Math.max(0, this.pending[s]);
      const p = unmet / Math.max(1, r.capacity);
      if (unmet > 0 && p > pressure) [receiver, pressure, need] = [s, p, unmet];
    }
    if (receiver < 0) return;
    let donor = -1;
    let spare = 0;
    for (const s of settings) {
      const r = this.resources[s];
      const free = r.available + Math.min(0, this.pending[s]);
      if (s !== receiver && free > 0 && free / Math.max(1, r.capacity) > spare) [donor, spare] = [s, free / Math.max(1, r.capacity)];
    }
    if (donor < 0) return;
    const d = this.resources[donor];
    const donorCost = this.model.settings[donor].costPerDay;
    const receiverCost = this.model.settings[receiver].costPerDay;
    const free = d.available + Math.min(0, this.pending[donor]);
    const sellable = Math.min(free, Math.floor(this.spec.maxShiftShare * d.capacity));
    const bought = Math.min(need, Math.floor((sellable * donorCost) / receiverCost));
    if (bought < 1) return;
    // Sell only what pays for the places bought.
    const sold = Math.min(sellable, Math.ceil((bought * receiverCost) / donorCost - 1e-9));
    this.later(donor, -sold);
    this.later(receiver, bought);
  }

  private later(setting: number, delta: number): void {
    this.changes.push({ setting, delta });
    this.pending[setting] += delta;
    this.sim.schedule(this.spec.leadTimeDays, this.onChange, this.changes.length - 1, REVIEW_PRIORITY);
  }

  private applyChange(i: number): void {
    const { setting, delta } = this.changes[i];
    this.pending[setting] -= delta;
    const r = this.resources[setting];
    r.setCapacity(Math.max(0, r.capacity + delta));
  }
}

/**
 * A pool of beds shared by the acute setting and a bedded step-down setting. At each review
 * free pooled beds move to the side with the longer queue (admissions waiting for a bed, or
 * people waiting for step-down), by at most the difference between the queues.
 */
export class FlexibleBedsController {
  private readonly onReview: EventKind;
  private inAcute: number;

  constructor(
    private readonly sim: Simulation,
    private readonly resources: Resource[],
    private readonly acute: number,
    private readonly spec: CompiledPolicies['flexibleBeds'][number],
  ) {
    this.inAcute = spec.fromAcute;
    this.onReview = sim.defineEvent(() => this.review(), 'flexible beds review');
  }

  /** Schedules the first review at the policy's start. */
  start(): void {
    this.sim.scheduleAt(this.spec.start, this.onReview, 0, REVIEW_PRIORITY);
  }

  private review(): void {
    this.sim.schedule(this.spec.intervalDays, this.onReview, 0, REVIEW_PRIORITY);
    const acute = this.resources[this.acute];
    const stepDown = this.resources[this.spec.stepDown];
    const gap = acute.waiting - stepDown.waiting;
    if (gap > 0) this.move(stepDown, acute, Math.min(gap, this.spec.beds - this.inAcute, stepDown.available), 1);
    else if (gap < 0) this.move(acute, stepDown, Math.min(-gap, this.inAcute, acute.available), -1);
  }

  private move(from: Resource, to: Resource, beds: number, towardsAcute: 1 | -1): void {
    if (beds <= 0) return;
    from.setCapacity(from.capacity - beds);
    to.setCapacity(to.capacity + beds);
    this.inAcute += towardsAcute * beds;
  }
}
