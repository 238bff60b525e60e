/**
 * The costs that policies add or move: running costs (staff, systems), costs moved between
 * payers over time (free personal care), and the pooled budget's attribution of costs to the
 * payers who fund the pot. Kept apart from Observations so that a model with no policies
 * costs exactly as before.
 *
 * @module
 */
import type { Resource } from '../engine/resource.js';
import { PAYERS, type CompiledModel } from './compile.js';
import { integral, valueAt } from './policies/profile.js';

/** Policy costs of one run. */
export class PolicyCosts {
  private windowStart: number;
  private lastAccrual: number;
  private readonly accrued: Float64Array[];
  private readonly lastIntegral: Float64Array;
  private pool: { settings: number[]; contributions: Float64Array } | null = null;

  constructor(
    private readonly model: CompiledModel,
    private readonly resources: Resource[],
    windowStart: number,
  ) {
    this.windowStart = windowStart;
    this.lastAccrual = 0;
    this.accrued = model.settings.map(() => new Float64Array(PAYERS.length));
    this.lastIntegral = new Float64Array(model.settings.length);
  }

  /** Starts the results window: costs moved so far are forgotten. */
  startWindow(now: number): void {
    this.windowStart = now;
    this.lastAccrual = now;
    for (const a of this.accrued) a.fill(0);
    this.lastIntegral.fill(0);
  }

  /** Pools these settings' costs, funded by the payers in these shares. */
  setPool(settings: number[], contributions: Float64Array): void {
    this.pool = { settings, contributions };
  }

  /**
   * Books the costs of settings whose payer shares change over time, day by day, at the shares
   * of the middle of the day (exact for steps at midnight, and for ramps to within a day).
   */
  accrue(now: number): void {
    const shifts = this.model.policies.payerShifts;
    const mid = (this.lastAccrual + now) / 2;
    for (let s = 0; s < shifts.length; s++) {
      if (shifts[s].length === 0) continue;
      const occupied = this.resources[s].occupancy.integral(now);
      const cost = (occupied - this.lastIntegral[s]) * this.model.settings[s].costPerDay;
      this.lastIntegral[s] = occupied;
      const shares = this.sharesAt(s, mid);
      for (let k = 0; k < PAYERS.length; k++) this.accrued[s][k] += cost * shares[k];
    }
    this.lastAccrual = now;
  }

  /** The cost of setting s so far in the window, by payer, into `out`. */
  settingCostByPayer(s: number, now: number, out: Float64Array): void {
    const setting = this.model.settings[s];
    if (this.model.policies.payerShifts[s].length > 0) {
      this.accrue(now);
      out.set(this.accrued[s]);
      return;
    }
    const cost = this.resources[s].occupancy.integral(now) * setting.costPerDay;
    for (let k = 0; k < PAYERS.length; k++) out[k] = cost * setting.payerShares[k];
  }

  /** The pot's payers instead of each setting's own, for pooled settings; returns the cost moved to each payer. */
  poolAttribution(s: number, byPayer: Float64Array): Float64Array {
    const moved = new Float64Array(PAYERS.length);
    if (this.pool === null || !this.pool.settings.includes(s)) return moved;
    const publicCost = byPayer[0] + byPayer[1];
    for (const k of [0, 1]) {
      const attributed = publicCost * this.pool.contributions[k];
      moved[k] = attributed - byPayer[k];
      byPayer[k] = attributed;
    }
    return moved;
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

  private sharesAt(s: number, t: number): Float64Array {
    const shares = Float64Array.from(this.model.settings[s].payerShares);
    for (const shift of this.model.policies.payerShifts[s]) {
      const moved = shares[shift.from] * valueAt(shift.share, t);
      shares[shift.from] -= moved;
      shares[shift.to] += moved;
    }
    return shares;
  }
}
