/**
 * The spot budgets of one replication: money per payer and financial year for spot places,
 * shared by every provider market of the model (a council has one budget for what it buys
 * beyond its block contracts, whichever service it buys), spent as spot places are occupied.
 *
 * A payer whose budget for the year is spent buys no more spot places until 1 April; the first,
 * partial year of a run has its share of the budget. Under a pooled budget (the pooled-budget
 * policy, mode pooled) the NHS's and the council's budgets are one pot from the policy's start:
 * either may buy while the pot has money, so NHS money can buy the spot places a council cut
 * leaves short. Separate budgets cannot move. A council budget change (a cut) applies from its
 * time on, to the year's budget.
 *
 * @module
 */
import type { Calendar } from '../../engine/calendar.js';
import { TimeWeighted } from '../../engine/monitors/time-weighted.js';
import { PAYERS } from '../payers.js';

const NHS = PAYERS.indexOf('nhs');
const COUNCIL = PAYERS.indexOf('council');

/** What the ledger is built from (plain data in the compiled model). */
export interface SpotBudgets {
  /** Budget per financial year by payer index; Infinity: no limit. */
  perYear: number[];
  /** When the NHS and council budgets become one pot (a pooled budget's start); null: never. */
  poolFrom: number | null;
  /** A change to the council's budget (a pooled budget's councilBudgetChange) from a time on; null: none. */
  councilChange: { from: number; factor: number } | null;
}

/** Spot spending and budgets of one run, shared by its markets. */
export class SpotLedger {
  /** Spend rate (GBP a day) by payer since the financial year began, integrated. */
  private readonly spend = PAYERS.map(() => new TimeWeighted());
  private readonly budget = new Float64Array(PAYERS.length);
  private yearStartedAt = 0;

  constructor(
    private readonly budgets: SpotBudgets,
    private readonly calendar: Calendar,
  ) {
    this.startYear(0, firstYearShare(calendar));
  }

  /** Whether any budget is limited (if none, markets need not consult the ledger). */
  get limited(): boolean {
    return this.budgets.perYear.some((b) => b !== Infinity);
  }

  /** A spot place costing `perDay` starts (or, negative, ends) being paid by payer k. */
  paying(k: number, perDay: number, now: number): void {
    this.spend[k].add(now, perDay);
  }

  /** Whether payer k can buy no more spot places this year. */
  spent(k: number, now: number): boolean {
    if (this.budgets.poolFrom !== null && now >= this.budgets.poolFrom && (k === NHS || k === COUNCIL)) {
      const pot = this.budgetOf(NHS, now) + this.budgetOf(COUNCIL, now);
      return pot !== Infinity && this.spend[NHS].integral(now) + this.spend[COUNCIL].integral(now) >= pot;
    }
    const budget = this.budgetOf(k, now);
    return budget !== Infinity && this.spend[k].integral(now) >= budget;
  }

  /** Payer k's budget for this year as it stands at `now` (a council change applies from its time). */
  private budgetOf(k: number, now: number): number {
    const change = this.budgets.councilChange;
    return k === COUNCIL && change !== null && now >= change.from ? this.budget[k] * change.factor : this.budget[k];
  }

  /** Whether some limited payer's budget is spent now. */
  anySpent(now: number): boolean {
    for (let k = 0; k < PAYERS.length; k++) if (this.spent(k, now)) return true;
    return false;
  }

  /**
   * Called at every midnight by each market (idempotent): starts a new financial year on
   * 1 April. Returns whether a year started at this midnight, so that a market can restart the
   * searches the spent budget held up.
   */
  midnight(now: number): boolean {
    if (now === this.yearStartedAt) return now > 0;
    const date = this.calendar.dateAt(now + 1e-9);
    if (now > 0 && date.getUTCMonth() === 3 && date.getUTCDate() === 1) {
      this.startYear(now, 1);
      return true;
    }
    return false;
  }

  private startYear(now: number, share: number): void {
    this.yearStartedAt = now;
    for (let k = 0; k < PAYERS.length; k++) {
      this.spend[k].reset(now);
      this.budget[k] = this.budgets.perYear[k] * share;
    }
  }
}

/** The part of the first financial year (1 April to 31 March) that a run starting on the calendar's start covers. */
function firstYearShare(calendar: Calendar): number {
  const start = calendar.dateAt(0);
  const y = start.getUTCMonth() >= 3 ? start.getUTCFullYear() : start.getUTCFullYear() - 1;
  const next = Date.UTC(y + 1, 3, 1);
  const length = (next - Date.UTC(y, 3, 1)) / 86_400_000;
  return (next - start.getTime()) / 86_400_000 / length;
}
