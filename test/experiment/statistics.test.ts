/**
 * Statistics across replications: summaries against simple-statistics and hand-computed
 * Student-t intervals, paired and Welch differences, the MSER-5 warm-up rule, and the point of
 * common random numbers: a paired interval much narrower than an unpaired one.
 *
 * Reference values were computed with SciPy 1.17 (scipy.stats.t.ppf, ttest_rel, ttest_ind with
 * equal_var=False) and are written out here, so the tests need nothing but the code under test.
 */
import seedrandom from 'seedrandom';
import { mean, quantile, sampleStandardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../src/experiment/runner.js';
import { CONFIDENCE_LEVEL, halfWidth, mser5, pairedDifference, summarise, unpairedDifference } from '../../src/experiment/statistics.js';
import { summariseExperiment } from '../../src/experiment/summary.js';
import { replicationSeed } from '../../src/experiment/worker.js';
import { smallExperiment, withConfig } from './helpers.js';

const VALUES = [2, 4, 4, 4, 5, 5, 7, 9];

describe('summarise', () => {
  it('agrees with simple-statistics on mean, standard deviation and percentiles', () => {
    const s = summarise(VALUES);
    expect(s.n).toBe(8);
    expect(s.mean).toBe(mean(VALUES));
    expect(s.sd).toBeCloseTo(sampleStandardDeviation(VALUES), 14);
    expect(s.p05).toBe(quantile(VALUES, 0.05));
    expect(s.median).toBe(quantile(VALUES, 0.5));
    expect(s.p95).toBe(quantile(VALUES, 0.95));
  });

  it('gives the hand-computed 95% Student-t interval', () => {
    // mean 5, sd = sqrt(32 / 7), t(0.975, 7 df) = 2.364624251592784 (SciPy)
    const sd = Math.sqrt(32 / 7);
    const h = (2.364624251592784 * sd) / Math.sqrt(8);
    const s = summarise(VALUES);
    expect(CONFIDENCE_LEVEL).toBe(0.95);
    expect(s.mean).toBe(5);
    expect(s.sd).toBeCloseTo(2.138089935299395, 12);
    expect(s.ciLow).toBeCloseTo(5 - h, 10);
    expect(s.ciHigh).toBeCloseTo(5 + h, 10);
    expect(s.ciLow).toBeCloseTo(3.21251208176379, 10);
    expect(s.ciHigh).toBeCloseTo(6.787487918236209, 10);
    expect(halfWidth(VALUES)).toBeCloseTo(1.7874879182362098, 10);
  });

  it('uses Student t, not the normal 1.96, for small counts', () => {
    // two values 0 and 2: sd = sqrt(2), so the half-width is t(0.975, 1 df) = 12.706...
    expect(halfWidth([0, 2])).toBeCloseTo(12.706204736174707, 8);
    // five values: t(0.975, 4 df) = 2.776445105197793
    const five = [1, 2, 3, 4, 5];
    expect(halfWidth(five)).toBeCloseTo((2.776445105197793 * sampleStandardDeviation(five)) / Math.sqrt(5), 10);
  });

  it('interpolates percentiles linearly between order statistics (as numpy.quantile, R type 7)', () => {
    // sorted 2 4 4 4 5 5 7 9: p05 at position 0.35 -> 2 + 0.35 * 2; p95 at 6.65 -> 7 + 0.65 * 2
    const s = summarise(VALUES);
    expect(s.p05).toBeCloseTo(2.7, 12);
    expect(s.median).toBe(4.5);
    expect(s.p95).toBeCloseTo(8.3, 12);
  });

  it('leaves out non-finite values', () => {
    const s = summarise([1, NaN, 3, Infinity, -Infinity]);
    expect(s.n).toBe(2);
    expect(s.mean).toBe(2);
    expect(s).toEqual(summarise([1, 3]));
  });

  it('gives a mean but no spread for one value, and NaN for none', () => {
    const one = summarise([4]);
    expect(one).toMatchObject({ mean: 4, n: 1, median: 4 });
    expect(one.sd).toBeNaN();
    expect(one.ciLow).toBeNaN();
    expect(one.ciHigh).toBeNaN();
    const none = summarise([NaN]);
    expect(none.n).toBe(0);
    expect(none.mean).toBeNaN();
  });

  it('gives a zero-width interval for constant values', () => {
    const s = summarise([3, 3, 3, 3]);
    expect(s).toMatchObject({ mean: 3, sd: 0, ciLow: 3, ciHigh: 3, n: 4 });
  });
});

describe('pairedDifference', () => {
  const scenario = [5.1, 6.3, 4.8, 7.0, 5.9];
  const baseline = [4.0, 5.5, 4.1, 6.2, 5.0];

  it('matches a paired t interval (SciPy ttest_rel)', () => {
    const d = pairedDifference(scenario, baseline);
    expect(d.mean).toBeCloseTo(0.86, 12);
    expect(d.ciLow).toBeCloseTo(0.6716923311651564, 10);
    expect(d.ciHigh).toBeCloseTo(1.0483076688348436, 10);
  });

  it('is the summary of the replication-by-replication differences', () => {
    const d = pairedDifference(scenario, baseline);
    const s = summarise(scenario.map((v, i) => v - baseline[i]));
    expect(d.mean).toBeCloseTo(s.mean, 12);
    expect(d.ciLow).toBeCloseTo(s.ciLow, 12);
    expect(d.ciHigh).toBeCloseTo(s.ciHigh, 12);
  });

  it('is exactly zero for identical runs', () => {
    expect(pairedDifference(baseline, baseline)).toEqual({ mean: 0, ciLow: 0, ciHigh: 0 });
  });

  it('drops pairs with a missing value and refuses unequal counts', () => {
    expect(pairedDifference([1, NaN, 3, 6], [0, 1, 1, 2])).toEqual(pairedDifference([1, 3, 6], [0, 1, 2]));
    expect(() => pairedDifference([1, 2, 3], [1, 2])).toThrow(RangeError);
    const none = pairedDifference([NaN], [1]);
    expect(none.mean).toBeNaN();
  });
});

describe('unpairedDifference (Welch)', () => {
  const a = [12.1, 11.4, 13.0, 12.7, 11.9, 12.3];
  const b = [10.2, 10.9, 9.8, 11.5, 10.1, 10.6, 11.0, 10.4];

  it("matches Welch's interval with Satterthwaite degrees of freedom (SciPy ttest_ind, 10.71 df)", () => {
    const d = unpairedDifference(a, b);
    expect(d.mean).toBeCloseTo(1.6708333333333343, 12);
    expect(d.ciLow).toBeCloseTo(0.9987215553072384, 9);
    expect(d.ciHigh).toBeCloseTo(2.3429451113594304, 9);
  });

  it('changes sign, not width, when the two sides swap', () => {
    const ab = unpairedDifference(a, b);
    const ba = unpairedDifference(b, a);
    expect(ba.mean).toBeCloseTo(-ab.mean, 12);
    expect(ba.ciHigh - ba.ciLow).toBeCloseTo(ab.ciHigh - ab.ciLow, 12);
  });

  it('accepts unequal counts, which a paired difference cannot', () => {
    expect(a.length).not.toBe(b.length);
    expect(() => unpairedDifference(a, b)).not.toThrow();
  });
});

describe('mser5', () => {
  /** Standard normal noise from a seeded generator (Box-Muller). */
  function noise(seed: string, n: number): number[] {
    const rng = seedrandom(seed);
    return Array.from({ length: n }, () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng()));
  }
  const SEEDS = Array.from({ length: 12 }, (_, i) => `mser-${i}`);
  const median = (xs: number[]): number => quantile(xs, 0.5);

  it('suggests a warm-up near the end of an exponentially decaying transient', () => {
    // 10 + 40 exp(-t / 15) plus noise of sd 1: the transient sinks into the noise at about
    // t = 15 ln 40 = 55 and is below a tenth of it by t = 15 ln 400 = 90.
    const suggested = SEEDS.map((seed) => mser5(noise(seed, 600).map((x, t) => 10 + 40 * Math.exp(-t / 15) + x)));
    for (const w of suggested) {
      expect(w % 5).toBe(0);
      expect(w).toBeGreaterThanOrEqual(40);
      expect(w).toBeLessThanOrEqual(120);
    }
    expect(median(suggested)).toBeGreaterThanOrEqual(50);
    expect(median(suggested)).toBeLessThanOrEqual(95);
  });

  it('cuts a step transient at the step, never before it', () => {
    // 100 points at 30, then noise around 10
    const suggested = SEEDS.map((seed) => mser5(noise(seed, 600).map((x, t) => (t < 100 ? 30 : 10) + x)));
    for (const w of suggested) expect(w).toBeGreaterThanOrEqual(100);
    expect(median(suggested)).toBeLessThanOrEqual(105);
  });

  it('suggests little or nothing for a series that starts in steady state', () => {
    const suggested = SEEDS.map((seed) => mser5(noise(seed, 600).map((x) => 10 + x)));
    expect(median(suggested)).toBeLessThanOrEqual(10);
  });

  it('searches the first half of the series only, and needs at least 4 batches of 5', () => {
    // a rising series: the best cut would be near the end, but only the first half is searched
    const rising = Array.from({ length: 200 }, (_, t) => t);
    expect(mser5(rising)).toBe(100);
    expect(mser5([50, 40, 30, 20, 10, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1])).toBe(0); // 3 batches
    expect(mser5([])).toBe(0);
    // a partial last batch is ignored
    expect(mser5([...Array(20).fill(9), ...Array(80).fill(1), 1000])).toBe(20);
  });
});

describe('common random numbers', () => {
  it('replication r has the same seed in every scenario and a different one for each r', () => {
    expect(replicationSeed(11, 0)).toBe('11/rep0');
    expect(replicationSeed('abc', 3)).toBe('abc/rep3');
    expect(new Set([0, 1, 2, 3].map((r) => replicationSeed(11, r))).size).toBe(4);
    expect(replicationSeed(1, 12)).not.toBe(replicationSeed(11, 2));
  });

  it('makes a scenario identical to the baseline give exactly zero differences', async () => {
    const base = smallExperiment();
    const e = withConfig(base, {
      scenarios: [
        { name: 'base', description: '', overrides: {}, policies: [] },
        { name: 'same', description: 'the capacity it already has', overrides: { 'settings.acute.capacity': 120 }, policies: [] },
      ],
    });
    const run = await runExperiment(e, { workers: 1, replications: 3 });
    expect(run.outputs[1].map((o) => o.metrics)).toEqual(run.outputs[0].map((o) => o.metrics));
    // ...while the replications themselves differ from one another
    expect(run.outputs[0][0].metrics.admissions).not.toBe(run.outputs[0][1].metrics.admissions);
    const summary = summariseExperiment(e, run);
    for (const d of Object.values(summary.scenarios[1].differences)) {
      if (Number.isFinite(d.mean)) expect(d).toEqual({ mean: 0, ciLow: 0, ciHigh: 0 });
    }
  });

  it('gives a paired interval for a capacity change much narrower than the unpaired one', async () => {
    const e = smallExperiment(); // base against ten more acute beds, same replication seeds
    const run = await runExperiment(e, { workers: 1, replications: 10 });
    const values = (s: number, m: string): number[] => run.outputs[s].map((o) => o.metrics[m]);
    const width = (d: { ciLow: number; ciHigh: number }): number => d.ciHigh - d.ciLow;
    for (const metric of ['delayedPatientsPerDay', 'admissions', 'occupancy.acute', 'costPerDay']) {
      const paired = pairedDifference(values(1, metric), values(0, metric));
      const unpaired = unpairedDifference(values(1, metric), values(0, metric));
      expect(paired.mean, metric).toBeCloseTo(unpaired.mean, 9); // same point estimate
      expect(width(paired), metric).toBeGreaterThan(0);
      expect(width(paired), metric).toBeLessThan(width(unpaired) / 2);
    }
    // and the summary's differences are the paired ones
    const summary = summariseExperiment(e, run);
    expect(summary.scenarios[1].differences.costPerDay).toEqual(pairedDifference(values(1, 'costPerDay'), values(0, 'costPerDay')));
  });
});
