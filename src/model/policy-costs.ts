/**
 * The costs that policies add or move: running costs (staff, systems), costs moved between
 * payers over time (free personal care), and the pooled budget's attribution of costs to the
 * payers who fund the pot, from the day it starts. Kept apart from Observations so that a model
 * with no policies costs exactly as before.
 *
 * @module
 */
import type { Resource } from '../engine/resource.js';
import type { CompiledModel } from './compile.js';
import { PAYERS } from './payers.js';
import { integral, valueAt } from './policies/profile.js';

/** Policy costs of one run. */
export class PolicyCosts {
  private windowStart: number;
  private lastAccrual: number;
  /** By setting: cost so far in the window by payer, for settings booked day by day. */
  private readonly accrued: Float64Array[];
  /** By setting: cost moved to each payer by the pooled budget so far in the window. */
  private readonly moved: Float64Array[];
  private readonly lastIntegral: Float64Array;
  /** By setting: place-days of capacity at the last accrual (for placeCostPerDay). */
  private readonly lastCapacityDays: Float64Array;
  /** By setting: whether its costs are booked day by day (payer shares change over time). */
  private readonly daily: boolean[];
  private pool: { member: boolean[]; contributions: Float64Array; start: number; startIntegral: Float64Array | null; startCapacityDays: Float64Array | null } | null = null;

  constructor(
    private readonly model: CompiledModel,
    private readonly resources: Resource[],
    windowStart: number,
  ) {
    this.windowStart = windowStart;
    this.lastAccrual = 0;
    this.accrued = model.settings.map(() => new Float64Array(PAYERS.length));
    this.moved = model.settings.map(() => new Float64Array(PAYERS.length));
    this.lastIntegral = new Float64Array(model.settings.length);
    this.lastCapacityDays = new Float64Array(model.settings.length);
    this.daily = model.policies.payerShifts.map((shifts) => shifts.length > 0);
  }

  /** Starts the results window: costs booked so far are forgotten. */
  startWindow(now: number): void {
    this.windowStart = now;
    // A pool already running: all of the window is the pot's.
    this.pool?.startIntegral?.fill(0);
    this.pool?.startCapacityDays?.fill(0);
    this.lastAccrual = now;
    for (const a of [...this.accrued, ...this.moved]) a.fill(0);
    this.lastIntegral.fill(0);
    this.lastCapacityDays.fill(0);
  }

  /** From `start` on, these settings' public costs are paid by NHS and council in these shares. */
  setPool(settings: number[], contributions: Float64Array, start: number): void {
    const member = this.model.settings.map((s) => settings.includes(s.index));
    this.pool = { member, contributions, start, startIntegral: null, startCapacityDays: null };
  }

  /** The pool starts now: costs from here on are the pot's (see {@link settingCostByPayer}). */
  startPool(now: number): void {
    if (this.pool === null) return;
    // Started in the warm-up, this is forgotten at the window's start (see startWindow).
    this.pool.startIntegral = Float64Array.from(this.resources, (_, s) => this.paidPlaceDays(s, now));
    this.pool.startCapacityDays = Float64Array.from(this.resources, (r) => r.capacityLevel.integral(now));
  }

  /**
   * Books the costs of settings whose payers change over time, day by day (called at each
   * midnight), at the shares of the middle of the day: exact for changes at midnight, and for
   * ramps to within a day.
   */
  accrue(now: number): void {
    const mid = (this.lastAccrual + now) / 2;
    const shares = new Float64Array(PAYERS.length);
    for (let s = 0; s < this.daily.length; s++) {
      if (!this.daily[s]) continue;
      const paid = this.paidPlaceDays(s, now);
      const capacityDays = this.resources[s].capacityLevel.integral(now);
      const cost = this.costOf(s, paid - this.lastIntegral[s], capacityDays - this.lastCapacityDays[s]);
      this.lastIntegral[s] = paid;
      this.lastCapacityDays[s] = capacityDays;
      this.sharesAt(s, mid, shares);
      const pooled = this.pool !== null && this.pool.member[s] && this.pool.startIntegral !== null && mid >= this.pool.start;
      const publicShare = shares[0] + shares[1];
      for (let k = 0; k < PAYERS.length; k++) {
        const share = pooled && k < 2 ? publicShare * (this.pool as { contributions: Float64Array }).contributions[k] : shares[k];
        this.accrued[s][k] += cost * share;
        this.moved[s][k] += cost * (share - shares[k]);
      }
    }
    this.lastAccrual = now;
  }

  /** The cost of setting s so far in the window by payer into `out`, and what the pool moved into `moved`. */
  settingCostByPayer(s: number, now: number, out: Float64Array, moved: Float64Array): void {
    if (this.daily[s]) {
      if (now > this.lastAccrual) this.accrue(now);
      out.set(this.accrued[s]);
      moved.set(this.moved[s]);
      return;
    }
    const setting = this.model.settings[s];
    const paid = this.paidPlaceDays(s, now);
    const capacityDays = this.resources[s].capacityLevel.integral(now);
    const cost = this.costOf(s, paid, capacityDays);
    for (let k = 0; k < PAYERS.length; k++) out[k] = cost * setting.payerShares[k];
    moved.fill(0);
    const pool = this.pool;
    if (pool === null || !pool.member[s] || pool.startIntegral === null || pool.startCapacityDays === null) return;
    // Since the pool started, the public part of the cost is paid in the pot's shares.
    const since = this.costOf(s, paid - pool.startIntegral[s], capacityDays - pool.startCapacityDays[s]);
    const publicCost = since * (setting.payerShares[0] + setting.payerShares[1]);
    for (const k of [0, 1]) {
      moved[k] = publicCost * pool.contributions[k] - since * setting.payerShares[k];
      out[k] += moved[k];
    }
  }

  /** Running costs of the policies over the window: by policy, and added to `byPayer`. */
  runningCosts(now: number, byPayer: Float64Array, m: Record<string, number>): number {
    let total = 0;
    for (const c of this.model.policies.runningCosts) {
      const cost = c.perDay * integral(c.level, this.windowStart, now);
      m[`costByPolicy.${c.policy}`] = (m[`costByPolicy.${c.policy}`] ?? 0) + cost;
      byPayer[0] += cost * c.payers.nhs;
      byPayer[1] += cost * c.payers.council;
      byPayer[2] += cost * c.payers.selfFunder;
      total += cost;
    }
    return total;
  }

  /**
   * The cost of `paid` place-days of setting s's basis at costPerDay, and of `capacityDays`
   * place-days of its capacity at placeCostPerDay. (A setting without a place cost adds exactly
   * nothing, so its cost is bit for bit what it was before place costs existed.)
   */
  private costOf(s: number, paid: number, capacityDays: number): number {
    const setting = this.model.settings[s];
    const cost = paid * setting.costPerDay;
    return setting.placeCostPerDay > 0 ? cost + capacityDays * setting.placeCostPerDay : cost;
  }

  /** Place-days paid for at costPerDay so far in the window: occupied ones, or all of the capacity. */
  private paidPlaceDays(s: number, now: number): number {
    const r = this.resources[s];
    return this.model.settings[s].costBasis === 'capacity' ? r.capacityLevel.integral(now) : r.occupancy.integral(now);
  }

  private sharesAt(s: number, t: number, shares: Float64Array): void {
    shares.set(this.model.settings[s].payerShares);
    for (const shift of this.model.policies.payerShifts[s]) {
      const moved = shares[shift.from] * valueAt(shift.share, t);
      shares[shift.from] -= moved;
      shares[shift.to] += moved;
    }
  }
}
