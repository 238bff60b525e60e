/**
 * The spot budgets shared by a model's markets: a year's budget per payer, pro rata in the
 * first year, a pooled pot of the NHS's and the council's from a time, a council change.
 */
import { describe, expect, it } from 'vitest';
import { Calendar } from '../../../src/engine/calendar.js';
import { SpotLedger } from '../../../src/model/capacity/spot-ledger.js';

const NHS = 0;
const COUNCIL = 1;
// 2024-04-01 starts financial year 2024/25 (365 days): the first year is whole.
const calendar = new Calendar('2024-04-01');

describe('the spot ledger', () => {
  it('stops a payer once its spend reaches its budget, and starts again on 1 April', () => {
    const ledger = new SpotLedger({ perYear: [Infinity, 1000, Infinity], poolFrom: null, councilChange: null }, calendar);
    ledger.paying(COUNCIL, 100, 0); // GBP 100 a day from day 0
    expect(ledger.spent(COUNCIL, 9.99)).toBe(false);
    expect(ledger.spent(COUNCIL, 10)).toBe(true);
    expect(ledger.spent(NHS, 300)).toBe(false);
    expect(ledger.midnight(200)).toBe(false);
    expect(ledger.midnight(365)).toBe(true); // 2025-04-01
    expect(ledger.midnight(365)).toBe(true); // every market asking at that midnight hears it
    expect(ledger.spent(COUNCIL, 369)).toBe(false);
    expect(ledger.spent(COUNCIL, 375)).toBe(true);
  });

  it('gives a run that starts mid-year its share of the first budget', () => {
    // 2024-10-01 to 2025-04-01 is 182 of the 365 days of 2024/25.
    const ledger = new SpotLedger({ perYear: [Infinity, 365, Infinity], poolFrom: null, councilChange: null }, new Calendar('2024-10-01'));
    ledger.paying(COUNCIL, 1, 0);
    expect(ledger.spent(COUNCIL, 181.9)).toBe(false);
    expect(ledger.spent(COUNCIL, 182)).toBe(true);
  });

  it("pools the NHS's and the council's budgets from the pool's start: either buys while the pot has money", () => {
    const budgets = { perYear: [1000, 1000, Infinity], councilChange: null };
    const separate = new SpotLedger({ ...budgets, poolFrom: null }, calendar);
    const pooled = new SpotLedger({ ...budgets, poolFrom: 5 }, calendar);
    for (const l of [separate, pooled]) l.paying(COUNCIL, 100, 0);
    expect(separate.spent(COUNCIL, 15)).toBe(true);
    expect(pooled.spent(COUNCIL, 4.99)).toBe(false);
    expect(pooled.spent(COUNCIL, 15)).toBe(false); // GBP 1,500 of a 2,000 pot
    expect(pooled.spent(NHS, 20)).toBe(true); // the pot is spent for both
  });

  it('applies a council budget change from its time on', () => {
    const ledger = new SpotLedger({ perYear: [Infinity, 1000, Infinity], poolFrom: null, councilChange: { from: 5, factor: 0.5 } }, calendar);
    ledger.paying(COUNCIL, 100, 0);
    expect(ledger.spent(COUNCIL, 4.9)).toBe(false);
    expect(ledger.spent(COUNCIL, 5)).toBe(true); // GBP 500 of a halved budget
  });
});

describe('the spot budgets of a compiled model', () => {
  it('come from spotBudgetPerYear, with a pooled budget pooling them and changing the council part from its start', async () => {
    const { baseModel } = await import('../support.js');
    const { compileModel } = await import('../../../src/model/compile.js');
    const paid = { costBasis: 'capacity', costPerDay: 100 };
    const patch = { spotBudgetPerYear: { council: 5000 }, settings: { reablement: paid, stepDown: paid } };
    const plain = compileModel(baseModel(patch));
    expect(plain.spotBudgets).toEqual({ perYear: [Infinity, 5000, Infinity], poolFrom: null, councilChange: null });
    const policy = (mode: string): unknown => [{ policy: 'pooled-budget', start: 30, parameters: { mode, councilBudgetChange: -0.1 } }];
    const pooled = compileModel(baseModel(patch, { policies: policy('pooled') }));
    expect(pooled.spotBudgets.poolFrom).toBe(30);
    expect(pooled.spotBudgets.councilChange).toEqual({ from: 30, factor: 0.9 });
    expect(compileModel(baseModel(patch, { policies: policy('separate') })).spotBudgets.poolFrom).toBeNull();
  });
});
