/**
 * The provider market: block places, spot places found by a search whose mean grows with the
 * market's tightness, bought within a budget per payer and financial year.
 */
import { describe, expect, it } from 'vitest';
import { baseModel, configError, meanVar, metric, run, Z, type Patch } from '../support.js';

/** The base model with the care home run as a market (P3 only, so that every arrival wants it). */
function marketModel(capacity: Patch, extra: Patch = {}): ReturnType<typeof baseModel> {
  return baseModel(
    {
      caseMix: [{ name: 'everyone', share: 1, acuteLengthOfStay: { type: 'fixed', value: 4 }, pathways: { P0: 0, P1: 0, P2: 0, P3: 1 } }],
      settings: { careHome: { capacity: { type: 'market', ...capacity }, costBasis: 'capacity', costPerDay: 50, payers: { nhs: 0, council: 1, selfFunder: 0 } } },
    },
    extra,
  );
}

/** The same model with fixed places instead of a market. */
function placesModel(places: number, extra: Patch = {}): ReturnType<typeof baseModel> {
  return baseModel(
    {
      caseMix: [{ name: 'everyone', share: 1, acuteLengthOfStay: { type: 'fixed', value: 4 }, pathways: { P0: 0, P1: 0, P2: 0, P3: 1 } }],
      settings: { careHome: { capacity: places, costBasis: 'capacity', costPerDay: 50, payers: { nhs: 0, council: 1, selfFunder: 0 } } },
    },
    extra,
  );
}

const WINDOW = { horizonDays: 200, warmupDays: 50, seed: 11 };
const SAME = ['delayedBedDays', 'placements.careHome', 'occupancy.careHome', 'meanWaitDays.careHome', 'admissions', 'deaths'];

describe('a provider market', () => {
  it('with an unlimited market and no search time behaves as unlimited places', () => {
    const market = run(marketModel({ block: 5, sourcingDays: 0, spotCostPerDay: 80 }), WINDOW);
    const unlimited = run(placesModel(1_000_000), WINDOW);
    for (const name of SAME) expect(metric(market, name), name).toBe(metric(unlimited, name));
    expect(metric(market, 'delayedBedDays')).toBe(0);
    // Everyone beyond the 5 block places is in a spot place, paid at the spot price.
    // (Block places are all in use but for the moments between a resident leaving and the next arrival.)
    const blockInUse = metric(market, 'occupancy.careHome') - metric(market, 'spotPlacesInUse.careHome');
    expect(blockInUse).toBeLessThanOrEqual(5);
    expect(blockInUse).toBeGreaterThan(4.9);
    expect(metric(market, 'spotSpend.careHome')).toBeCloseTo(metric(market, 'spotPlacesInUse.careHome') * 150 * 80, 3);
    expect(metric(market, 'costBySetting.careHome')).toBeCloseTo(5 * 150 * 50 + metric(market, 'spotSpend.careHome'), 3);
    expect(metric(market, 'meanSourcingWaitDays.careHome')).toBe(0);
  });

  it('with no spot budget behaves as its block places alone', () => {
    const budget = { council: 0, nhs: 0, selfFunder: 0 };
    const market = run(marketModel({ block: 150, marketSize: 1000, sourcingDays: 1, spotCostPerDay: 80 }, { spotBudgetPerYear: budget }), WINDOW);
    const block = run(placesModel(150), WINDOW);
    for (const name of SAME) expect(metric(market, name), name).toBe(metric(block, name));
    expect(metric(block, 'delayedBedDays')).toBeGreaterThan(0); // the block places bind
    expect(metric(market, 'spotPurchases.careHome')).toBe(0);
    expect(metric(market, 'spotBudgetExhaustedDays.careHome')).toBe(150);
  });

  it('searches take sourcingDays / (1 - u)^exponent on average, u the share of the market in use', () => {
    // Arrivals far apart (one every 50 days) and searches short (0.1 days at u = 0), so that
    // each search starts with the places bought before it in use and none other under way: the
    // k-th of a market of 4 searches at u = (k - 1) / 4. Stays outlast the run.
    const sourcing = 0.1;
    const expected = (exponent: number): number => (sourcing * [0, 1, 2, 3].reduce((a, k) => a + 1 / Math.pow(1 - k / 4, exponent), 0)) / 4;
    for (const exponent of [1, 2]) {
      const config = marketModel(
        { block: 0, marketSize: 4, sourcingDays: sourcing, tightnessExponent: exponent, spotCostPerDay: 80 },
        { arrivals: { emergency: { perDay: 0.02 } }, settings: { careHome: { lengthOfStay: { type: 'fixed', value: 5000 } } } },
      );
      const means: number[] = [];
      for (let seed = 1; seed <= 300; seed++) {
        const r = run(config, { horizonDays: 1500, warmupDays: 0, seed });
        if (metric(r, 'spotPurchases.careHome') === 4) means.push(metric(r, 'meanSourcingWaitDays.careHome'));
      }
      expect(means.length).toBeGreaterThan(290);
      // Each replication's mean of 4 exponential searches has variance sum(mean_k^2) / 16.
      const variance = [0, 1, 2, 3].reduce((a, k) => a + Math.pow(sourcing / Math.pow(1 - k / 4, exponent), 2), 0) / 16;
      const { mean } = meanVar(means);
      expect(Math.abs(mean - expected(exponent)), `exponent ${exponent}`).toBeLessThan(Z * Math.sqrt(variance / means.length));
    }
  });

  it("spreads the searches by the person's placementDifficulty: P(search > t) = E[exp(-t / (sourcingDays D))]", () => {
    // One person a replication (kept when exactly one arrived and was placed), an unlimited
    // market (u = 0), no block places: the wait is sourcingDays x D x a standard exponential,
    // D lognormal of mean 1 and sd 3 drawn once for the person.
    const difficulty = { type: 'lognormal', mean: 1, sd: 3 };
    const config = marketModel(
      { block: 0, sourcingDays: 1, spotCostPerDay: 80, placementDifficulty: difficulty },
      { arrivals: { emergency: { perDay: 0.001 } }, settings: { careHome: { lengthOfStay: { type: 'fixed', value: 5000 } } } },
    );
    const waits: number[] = [];
    for (let seed = 1; seed <= 1500; seed++) {
      const r = run(config, { horizonDays: 1000, warmupDays: 0, seed });
      if (metric(r, 'admissions') === 1 && metric(r, 'spotPurchases.careHome') === 1) waits.push(metric(r, 'meanSourcingWaitDays.careHome'));
    }
    expect(waits.length).toBeGreaterThan(450);
    // E[exp(-t / D)] over the lognormal, by the midpoint rule on the normal scale.
    const sigma = Math.sqrt(Math.log(1 + 9));
    const mu = -(sigma * sigma) / 2;
    const survival = (t: number): number => {
      let sum = 0;
      const h = 0.001;
      for (let z = -8 + h / 2; z < 8; z += h) sum += Math.exp(-t / Math.exp(mu + sigma * z)) * Math.exp((-z * z) / 2) * h;
      return sum / Math.sqrt(2 * Math.PI);
    };
    for (const t of [0.25, 1, 4]) {
      const p = survival(t);
      const observed = waits.filter((w) => w > t).length / waits.length;
      expect(Math.abs(observed - p), `P(wait > ${t}): ${observed} against ${p}`).toBeLessThan(Z * Math.sqrt((p * (1 - p)) / waits.length));
      // Distinguishable from everyone alike (an exponential of mean 1).
      expect(Math.abs(p - Math.exp(-t))).toBeGreaterThan(3 * Math.sqrt((p * (1 - p)) / waits.length));
    }
    // The mean search is unchanged: sourcingDays (variance 2 (1 + cv^2) - 1 = 19).
    const { mean } = meanVar(waits);
    expect(Math.abs(mean - 1)).toBeLessThan(Z * Math.sqrt(19 / waits.length));
  });

  it('matched: freed block places go to the next search to end, so vacancies wait and everyone is still placed', () => {
    // No spot budget: only block places, given out in turn (queue) or by searches (matched).
    const budget = { spotBudgetPerYear: { council: 0, nhs: 0, selfFunder: 0 } };
    const capacity = { block: 150, marketSize: 1000, sourcingDays: 1, spotCostPerDay: 80 };
    const queue = run(marketModel(capacity, budget), WINDOW);
    const matched = run(marketModel({ ...capacity, blockAllocation: 'matched' }, budget), WINDOW);
    expect(metric(matched, 'spotPurchases.careHome')).toBe(0);
    // The same arrivals are placed, a little later: a freed place waits for a search to end.
    expect(Math.abs(metric(matched, 'placements.careHome') - metric(queue, 'placements.careHome'))).toBeLessThan(0.05 * metric(queue, 'placements.careHome'));
    expect(metric(matched, 'delayedBedDays')).toBeGreaterThan(metric(queue, 'delayedBedDays'));
    expect(metric(matched, 'occupancy.careHome')).toBeLessThan(metric(queue, 'occupancy.careHome'));
    expect(metric(matched, 'occupancy.careHome')).toBeGreaterThan(140);
  });

  it('stops buying when the payer has spent its budget for the year, and buys again from 1 April', () => {
    // 2024-01-01 to 1 April is 91 days of the 366 of financial year 2023/24: a quarter of the
    // budget. The run stops the day before the new year's budget (day 91).
    const capacity = { block: 0, sourcingDays: 0, spotCostPerDay: 100 };
    const stays = { settings: { careHome: { lengthOfStay: { type: 'fixed', value: 5000 } } }, spotBudgetPerYear: { council: 200_000 } };
    const window = { horizonDays: 90, warmupDays: 0, seed: 5 };
    const limited = run(marketModel(capacity, stays), window);
    const unlimited = run(marketModel(capacity, { ...stays, spotBudgetPerYear: {} }), window);
    const firstYear = (200_000 * 91) / 366;
    expect(metric(limited, 'spotPurchases.careHome')).toBeLessThan(metric(unlimited, 'spotPurchases.careHome'));
    expect(metric(limited, 'spotBudgetExhaustedDays.careHome')).toBeGreaterThan(0);
    // Spend passes the budget only through people already placed; each purchase was made with
    // the budget not yet spent, so the spend at the last purchase was below it.
    expect(metric(limited, 'spotSpend.careHome')).toBeGreaterThanOrEqual(firstYear);
    expect(metric(limited, 'spotSpendByPayer.council')).toBe(metric(limited, 'spotSpend.careHome'));
    const later = run(marketModel(capacity, stays), { ...window, horizonDays: 92 });
    expect(metric(later, 'spotPurchases.careHome')).toBeGreaterThan(metric(limited, 'spotPurchases.careHome'));
  });

  it('is refused with the field and the reason when its setting cannot run it', () => {
    const noBasis = configError(() => baseModel({ settings: { careHome: { capacity: { type: 'market', block: 5, sourcingDays: 1, spotCostPerDay: 80 } } } }));
    expect(noBasis.field).toBe('settings.careHome.costBasis');
    expect(noBasis.message).toMatch(/costBasis: capacity/);
    const size = configError(() => marketModel({ block: 5, marketSize: -1, sourcingDays: 1, spotCostPerDay: 80 }));
    expect(size.field).toBe('settings.careHome.capacity.marketSize');
    expect(size.line).toBeGreaterThan(0);
    const unknown = configError(() => marketModel({ block: 5, sourcingDays: 1, spotCostPerDay: 80, spotPrice: 3 }));
    expect(unknown.message).toMatch(/spotPrice/);
    // Checked against the market's own form, so a misspelt field is named, not "none of the forms".
    const misspelt = configError(() => marketModel({ blok: 5, sourcingDays: 1, spotCostPerDay: 80 }));
    expect(misspelt.field).toBe('settings.careHome.capacity.blok');
    expect(misspelt.reason).toMatch(/did you mean "block"/);
    const difficulty = configError(() => marketModel({ block: 5, sourcingDays: 1, spotCostPerDay: 80, placementDifficulty: { type: 'lognormal', mean: 2, sd: 1 } }));
    expect(difficulty.field).toBe('settings.careHome.capacity.placementDifficulty');
    expect(difficulty.reason).toMatch(/mean 1, got mean 2/);
    const negative = configError(() => marketModel({ block: 5, sourcingDays: 1, spotCostPerDay: 80, placementDifficulty: { type: 'normal', mean: 1, sd: 1 } }));
    expect(negative.field).toBe('settings.careHome.capacity.placementDifficulty');
    expect(negative.reason).toMatch(/must not take negative values/);
    const instant = configError(() => marketModel({ block: 5, sourcingDays: 0, spotCostPerDay: 80, blockAllocation: 'matched' }));
    expect(instant.field).toBe('settings.careHome.capacity.sourcingDays');
    expect(instant.reason).toMatch(/matched needs sourcingDays > 0/);
    const allocation = configError(() => marketModel({ block: 5, sourcingDays: 1, spotCostPerDay: 80, blockAllocation: 'fifo' }));
    expect(allocation.field).toBe('settings.careHome.capacity.blockAllocation');
    const budget = configError(() => marketModel({ block: 5, sourcingDays: 1, spotCostPerDay: 80 }, { spotBudgetPerYear: { county: 5 } }));
    expect(budget.message).toMatch(/county/);
  });
});

describe('a provider market under the personal-budgets policy', () => {
  it('leaves the self-arranged support paid per day used, not per place of its unlimited capacity', () => {
    const config = baseModel({
      settings: { reablement: { capacity: { type: 'market', block: 50, sourcingDays: 0.5, spotCostPerDay: 90 }, costBasis: 'capacity', costPerDay: 100 } },
      policies: [{ policy: 'personal-budgets', parameters: { setting: 'reablement', share: 0.5, costRatio: 0.9 } }],
    });
    const r = run(config, WINDOW);
    expect(metric(r, 'bedDays.personalBudget')).toBeGreaterThan(0);
    expect(metric(r, 'costBySetting.personalBudget')).toBeCloseTo(metric(r, 'bedDays.personalBudget') * 90, 3);
  });
});
