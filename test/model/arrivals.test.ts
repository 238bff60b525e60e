/**
 * Arrivals (day-of-week profile, Poisson counts), common random numbers and seeds, and capacity
 * schedules by day and by date.
 *
 * Every number in these models is a test value chosen to exercise a mechanism.
 */
import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../../src/engine/random/distributions.js';
import { baseModel, dailyColumn, meanVar, metric, poissonHalfWidth, run, Z, type Patch } from './support.js';

/** Nobody ever leaves acute care (and every place is free), so acute occupancy counts arrivals. */
const COUNT_ARRIVALS: Patch = {
  caseMix: [{ name: 'everyone', share: 1, acuteLengthOfStay: { type: 'fixed', value: 1e6 }, pathways: { P0: 1, P1: 0, P2: 0, P3: 0 } }],
};

/** Wilson-Hilferty approximation to the p-quantile of chi-squared with k degrees of freedom. */
function chiSquaredQuantile(p: number, k: number): number {
  const a = 2 / (9 * k);
  return k * (1 - a + normalQuantile(p) * Math.sqrt(a)) ** 3;
}

describe('emergency arrivals', () => {
  it('with dayOfWeek [2,1,1,1,1,0,0], admissions happen only Monday to Friday, at the profile rates', () => {
    const PER_DAY = 10;
    const WEEKS = 100;
    const config = baseModel(COUNT_ARRIVALS, { arrivals: { emergency: { perDay: PER_DAY, dayOfWeek: [2, 1, 1, 1, 1, 0, 0] } } });
    const r = run(config, { horizonDays: 7 * WEEKS, warmupDays: 0, seed: 31 });
    const occupancy = dailyColumn(r, 'acute', 'occupancy');
    // Admissions on day d = occupancy at midnight d + 1 - occupancy at midnight d (day 0 is a Monday).
    const byWeekday = [0, 0, 0, 0, 0, 0, 0];
    const days = [0, 0, 0, 0, 0, 0, 0];
    for (let d = 0; d + 1 < occupancy.length; d++) {
      const admitted = occupancy[d + 1] - occupancy[d];
      if (d % 7 >= 5) expect(admitted, `day ${d} is a weekend day`).toBe(0);
      byWeekday[d % 7] += admitted;
      days[d % 7]++;
    }
    [2, 1, 1, 1, 1, 0, 0].forEach((factor, wd) => {
      const mean = PER_DAY * factor * days[wd];
      expect(Math.abs(byWeekday[wd] - mean), `weekday ${wd}: ${byWeekday[wd]} vs ${mean}`).toBeLessThanOrEqual(poissonHalfWidth(mean));
    });
    // The count over the window is Poisson, mean perDay x 6/7 x days, variance the same.
    const mean = (PER_DAY * 6 * WEEKS * 7) / 7;
    expect(Math.abs(metric(r, 'admissions') - mean)).toBeLessThan(poissonHalfWidth(mean));
    expect(Math.abs(metric(r, 'admissionsPerDay') - mean / (7 * WEEKS))).toBeLessThan(poissonHalfWidth(mean) / (7 * WEEKS));
  });

  it('the count over a window is Poisson: its variance over seeds equals its mean', () => {
    const PER_DAY = 12;
    const DAYS = 7;
    const SEEDS = 200;
    const config = baseModel(COUNT_ARRIVALS, { arrivals: { emergency: { perDay: PER_DAY } } });
    const counts = Array.from({ length: SEEDS }, (_, i) => metric(run(config, { horizonDays: DAYS + 2, warmupDays: 2, seed: 1000 + i }), 'admissions'));
    const { mean, variance } = meanVar(counts);
    const expected = PER_DAY * DAYS;
    expect(Math.abs(mean - expected)).toBeLessThan(Z * Math.sqrt(expected / SEEDS));
    // Dispersion test: (n - 1) s^2 / mean is chi-squared with n - 1 degrees of freedom.
    const dispersion = ((SEEDS - 1) * variance) / expected;
    expect(dispersion).toBeGreaterThan(chiSquaredQuantile(5e-5, SEEDS - 1));
    expect(dispersion).toBeLessThan(chiSquaredQuantile(1 - 5e-5, SEEDS - 1));
  });
});

describe('common random numbers and seeds', () => {
  // Scarce step-down beds (20 or 40), so the two scenarios really differ downstream.
  const scenario = (beds: number) =>
    baseModel({
      caseMix: [{ name: 'everyone', share: 1, acuteLengthOfStay: { type: 'lognormal', mean: 5, sd: 4 }, pathways: { P0: 0.5, P1: 0.2, P2: 0.2, P3: 0.1 }, inHospitalMortality: 0.05 }],
      settings: { stepDown: { capacity: beds, lengthOfStay: { type: 'lognormal', mean: 15, sd: 8 } } },
    });
  const window = { horizonDays: 600, warmupDays: 100, seed: 77 };
  const small = run(scenario(20), window);
  const large = run(scenario(40), window);

  it('two scenarios differing only in a downstream capacity see the same people arrive', () => {
    expect(metric(small, 'delayedBedDaysByReason.awaitingStepDown')).toBeGreaterThan(metric(large, 'delayedBedDaysByReason.awaitingStepDown'));
    expect(metric(small, 'admissions')).toBe(metric(large, 'admissions'));
    // The same people, with the same clinical stays and outcomes.
    expect(metric(small, 'medicallyOptimised')).toBe(metric(large, 'medicallyOptimised'));
    expect(metric(small, 'inHospitalDeaths')).toBe(metric(large, 'inHospitalDeaths'));
    expect(metric(small, 'inHospitalDeaths')).toBeGreaterThan(0);
  });

  it('the same seed gives identical metrics and daily series; another seed does not', () => {
    const again = run(scenario(20), window);
    expect(again.metrics).toEqual(small.metrics);
    expect(Array.from(again.daily.values)).toEqual(Array.from(small.daily.values));
    const other = run(scenario(20), { ...window, seed: 78 });
    expect(metric(other, 'admissions')).not.toBe(metric(small, 'admissions'));
    expect(metric(other, 'delayedBedDays')).not.toBe(metric(small, 'delayedBedDays'));
  });
});

describe('capacity schedules', () => {
  // Acute beds always full (50 arrivals a day, nobody leaves): occupancy at midnight is capacity.
  // 2024-01-01 is day 0, so 2024-02-01 is day 31.
  const config = baseModel(COUNT_ARRIVALS, {
    arrivals: { emergency: { perDay: 50 } },
    settings: {
      acute: {
        capacity: {
          initial: 10,
          changes: [
            { day: 20, capacity: 30 },
            { date: '2024-02-01', capacity: 40 },
          ],
        },
      },
    },
  });
  const H = 50;
  const r = run(config, { horizonDays: H, warmupDays: 0, seed: 1 });

  it('change capacity mid-run, by day number and by date', () => {
    const occupancy = dailyColumn(r, 'acute', 'occupancy');
    const queue = dailyColumn(r, 'acute', 'queue');
    for (let d = 1; d < H; d++) {
      // The midnight count of day d is taken before that day's change.
      const capacity = d <= 20 ? 10 : d <= 31 ? 30 : 40;
      expect(occupancy[d], `day ${d}`).toBe(capacity);
      expect(queue[d], `day ${d}`).toBeGreaterThan(0);
    }
  });

  it('acuteBeds is the mean capacity over the window, and occupancy never exceeds it', () => {
    const mean = (20 * 10 + 11 * 30 + 19 * 40) / H;
    expect(metric(r, 'acuteBeds')).toBeCloseTo(mean, 9);
    expect(metric(r, 'acuteOccupancyRate')).toBeLessThanOrEqual(1);
    // The beds are full all but the first hour or so.
    expect(metric(r, 'acuteOccupancyRate')).toBeGreaterThan(0.99);
    // After a warm-up, only the window counts.
    const late = run(config, { horizonDays: H, warmupDays: 25, seed: 1 });
    expect(metric(late, 'acuteBeds')).toBeCloseTo((6 * 30 + 19 * 40) / 25, 9);
  });

  it('a change dated before the start date is already in force at the start', () => {
    const earlier = baseModel(COUNT_ARRIVALS, {
      arrivals: { emergency: { perDay: 50 } },
      settings: {
        acute: {
          capacity: {
            initial: 10,
            changes: [
              { date: '2023-12-01', capacity: 20 },
              { day: 5, capacity: 30 },
            ],
          },
        },
      },
    });
    const e = run(earlier, { horizonDays: 10, warmupDays: 0, seed: 1 });
    const occupancy = dailyColumn(e, 'acute', 'occupancy');
    expect(occupancy.slice(1, 6)).toEqual([20, 20, 20, 20, 20]);
    expect(occupancy.slice(6)).toEqual([30, 30, 30, 30]);
    expect(metric(e, 'acuteBeds')).toBeCloseTo((5 * 20 + 5 * 30) / 10, 9);
  });

  it('a downstream capacity cut shows up as growing delays', () => {
    // Step-down beds close on day 100: from then on P2 patients wait in hospital.
    const cut = baseModel({ settings: { stepDown: { capacity: { initial: 1000, changes: [{ day: 100, capacity: 0 }] } } } });
    const c = run(cut, { horizonDays: 200, warmupDays: 0, seed: 5 });
    const delayed = dailyColumn(c, 'acute', 'delayed');
    expect(Math.max(...delayed.slice(0, 101))).toBe(0);
    // 20 arrivals a day, 20% on P2: about 4 more delayed each day (after the first days' beds empty).
    expect(delayed[199]).toBeGreaterThan(4 * 99 - poissonHalfWidth(4 * 99));
    expect(metric(c, 'delayedBedDaysByReason.awaitingStepDown')).toBeGreaterThan(0);
  });
});
