/**
 * Pooled budget: one pot for the costed non-acute services moves places from the service with
 * spare capacity to the one with the longest queue, and moves cost between the payers who fund
 * the pot.
 *
 * Every number in these models is a test value chosen to exercise the mechanism.
 */
import { describe, expect, it } from 'vitest';
import { baseModel, metric, run } from '../support.js';
import { expectClose, expectDirection, pairedRuns, sharedPolicyTests, withPolicy } from './support.js';

/**
 * Reablement (council-funded) has 40 places for 6 people a day staying 10 days (60 needed): its
 * queue grows. Step-down beds (NHS-funded) have 120 for 4 a day staying 15 days (60 needed).
 * Both cost 100 a day, so a place sold buys a place.
 */
const PATCH = {
  settings: {
    reablement: { capacity: 40, costPerDay: 100, costBasis: 'capacity', payers: { council: 1 } },
    stepDown: { capacity: 120, costPerDay: 100, costBasis: 'capacity', payers: { nhs: 1 } },
  },
};
const ACTIVE = { maxShiftShare: 0.1, intervalDays: 7, leadTimeDays: 7 };
const WINDOW = { horizonDays: 150, warmupDays: 30 };

sharedPolicyTests('pooled-budget', PATCH, { active: ACTIVE });

describe('pooled-budget: direction', () => {
  const runs = pairedRuns(baseModel(PATCH), withPolicy(PATCH, 'pooled-budget', ACTIVE), 10, WINDOW);

  it('moves places to the queued service: its waits, and the delays in hospital, go down', () => {
    expectDirection(runs.diff('meanWaitDays.reablement'), 'down', 'meanWaitDays.reablement');
    expectDirection(runs.diff('delayedBedDaysByReason.awaitingReablement'), 'down', 'awaitingReablement');
    expectDirection(runs.diff('placements.reablement'), 'up', 'placements.reablement');
  });

  it('moves cost between NHS and council (nonzero shifts) and the shifts sum to zero in every replication', () => {
    for (const r of runs.scenario) {
      const nhs = metric(r, 'costShift.nhs');
      const council = metric(r, 'costShift.council');
      expect(nhs).not.toBe(0);
      expect(Math.abs(nhs + council)).toBeLessThanOrEqual(1e-9 * metric(r, 'costTotal'));
    }
    for (const r of runs.base) {
      expect(metric(r, 'costShift.nhs')).toBe(0);
      expect(metric(r, 'costShift.council')).toBe(0);
    }
  });

  it('attributes the pot in the shares the payers funded on day 0: NHS 120 of 160 places, council 40', () => {
    for (const r of runs.scenario) {
      const reablement = metric(r, 'costBySetting.reablement');
      const stepDown = metric(r, 'costBySetting.stepDown');
      const pot = reablement + stepDown;
      // Without the pot the NHS pays for the step-down beds and the council for reablement.
      expectClose(metric(r, 'costShift.nhs'), 0.75 * pot - stepDown, 1e-9, 'costShift.nhs');
      expectClose(metric(r, 'costShift.council'), 0.25 * pot - reablement, 1e-9, 'costShift.council');
      expectClose(metric(r, 'costByPayer.nhs'), 0.75 * pot + 0.5 * metric(r, 'costAssessments') + 0.5 * metric(r, 'costPolicies'), 1e-9, 'costByPayer.nhs');
      // The attribution moves cost between payers; it creates none.
      const parts = Object.keys(r.metrics)
        .filter((n) => n.startsWith('costBySetting.'))
        .reduce((a, n) => a + metric(r, n), 0);
      expectClose(metric(r, 'costTotal'), parts + metric(r, 'costAssessments') + metric(r, 'costPolicies'), 1e-9, 'costTotal');
    }
  });

  // Once a bug: the pot's attribution applied over the whole window, whatever the start.
  it('moves no cost between payers before it starts', () => {
    const window = { horizonDays: 100, warmupDays: 0, seed: 3 };
    const base = run(baseModel(PATCH), window);
    const late = run(withPolicy(PATCH, 'pooled-budget', ACTIVE, { start: 200, runningCostPerYear: 0 }), window);
    expect(metric(late, 'costShift.nhs')).toBe(0);
    expect(metric(late, 'costByPayer.nhs')).toBe(metric(base, 'costByPayer.nhs'));
    expect(metric(late, 'costByPayer.council')).toBe(metric(base, 'costByPayer.council'));
  });

  it("never acts before it starts: capacities and queues are the baseline's", () => {
    const window = { horizonDays: 100, warmupDays: 0, seed: 3 };
    const base = run(baseModel(PATCH), window);
    const late = run(withPolicy(PATCH, 'pooled-budget', ACTIVE, { start: 200, runningCostPerYear: 0 }), window);
    for (const [name, value] of Object.entries(base.metrics)) if (!name.startsWith('cost')) expect(late.metrics[name], name).toEqual(value);
    expect(late.daily).toEqual(base.daily);
  });
});

describe('pooled-budget: separate budgets and a council cut', () => {
  it("in separate mode with one service per payer, nothing can move: results are the baseline's, with no cost shift", () => {
    const runs = pairedRuns(baseModel(PATCH), withPolicy(PATCH, 'pooled-budget', { ...ACTIVE, mode: 'separate' }, { runningCostPerYear: 0 }), 3, WINDOW);
    runs.scenario.forEach((r, i) => {
      expect(r.metrics).toEqual(runs.base[i].metrics);
      expect(metric(r, 'costShift.nhs')).toBe(0);
    });
  });

  it('in separate mode, the council moves places between its own services only, and no cost between payers', () => {
    // A second council service paid by capacity, long-term home care for P3 instead of care homes, with spare
    // places: 2 a day for 20 days need 40 of its 100.
    const twoCouncil = {
      pathways: { P3: { to: 'homeCare', assessment: false } },
      settings: {
        ...PATCH.settings,
        homeCare: {
          kind: 'home',
          capacity: 100,
          costPerDay: 100,
          costBasis: 'capacity',
          payers: { council: 1 },
          lengthOfStay: { type: 'fixed', value: 20 },
          next: [{ to: 'home', probability: 1 }],
        },
      },
    };
    const runs = pairedRuns(baseModel(twoCouncil), withPolicy(twoCouncil, 'pooled-budget', { ...ACTIVE, mode: 'separate' }), 10, WINDOW);
    expectDirection(runs.diff('meanWaitDays.reablement'), 'down', 'meanWaitDays.reablement');
    for (const r of runs.scenario) {
      expect(metric(r, 'costShift.nhs')).toBe(0);
      expect(metric(r, 'costShift.council')).toBe(0);
    }
    // The NHS's step-down beds are alone in their group and their users (P2, with unlimited
    // acute beds) meet nobody else: they are exactly as in the baseline.
    for (const name of ['placements.stepDown', 'bedDays.stepDown', 'meanWaitDays.stepDown', 'costBySetting.stepDown']) {
      for (const d of runs.diffs(name)) expect(d, name).toBe(0);
    }
  });

  it('a council cut takes the council-funded share of places away: reablement is capped at half its places', () => {
    // councilBudgetChange -0.5 with nothing moved: reablement (all council) goes from 40 places
    // to 20, step-down (all NHS) keeps 120. With 20 places and fixed 10-day stays at most
    // 20 x (T / 10 + 1) people can start reablement in a T-day window.
    const T = WINDOW.horizonDays - WINDOW.warmupDays;
    const runs = pairedRuns(baseModel(PATCH), withPolicy(PATCH, 'pooled-budget', { maxShiftShare: 0, councilBudgetChange: -0.5 }), 5, WINDOW);
    expectDirection(runs.diff('placements.reablement'), 'down', 'placements.reablement');
    expectDirection(runs.diff('meanWaitDays.reablement'), 'up', 'meanWaitDays.reablement');
    for (const r of runs.scenario) expect(metric(r, 'placements.reablement')).toBeLessThanOrEqual(20 * (T / 10 + 1));
    for (const r of runs.base) expect(metric(r, 'placements.reablement')).toBeGreaterThan(20 * (T / 10 + 1));
    for (const d of runs.diffs('placements.stepDown')) expect(d).toBe(0);
  });
});

describe('pooled-budget: what money can move', () => {
  it('needs two settings paid by capacity: spot-purchased empty places are no money to move', () => {
    const spot = { settings: { reablement: { costPerDay: 100 }, stepDown: { costPerDay: 100 } } };
    expect(() => withPolicy(spot, 'pooled-budget', ACTIVE)).toThrow(
      /policies\.0\.parameters\.maxShiftShare: needs at least two non-acute settings paid by capacity \(costBasis: capacity\) to move money between; this model has none/,
    );
  });
});
