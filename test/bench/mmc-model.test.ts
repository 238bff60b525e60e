/**
 * The kernel against queueing theory: the M/M/c queue against Erlang C, the M/M/c/c loss
 * system against Erlang B, and Little's law on the resource's own monitors.
 *
 * Each check runs independent replications (seeds 1..R) and asks that the theoretical value
 * lie inside the 99% Student-t confidence interval of the replication means, as the kernel
 * issue requires. Seeds are fixed, so the test is deterministic.
 */
import { describe, expect, it } from 'vitest';
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { runMmc, type MmcOptions, type MmcResult } from '../../src/bench/mmc-model.js';
import { erlangB, mmcTheory } from '../../src/engine/theory/erlang.js';
import { tCriticalValue } from '../../src/engine/theory/student-t.js';

const REPLICATIONS = 20;

function replicate(options: Omit<MmcOptions, 'seed'>): MmcResult[] {
  return Array.from({ length: REPLICATIONS }, (_, r) => runMmc({ ...options, seed: `erlang-${r + 1}` }));
}

function interval99(values: number[]): [number, number] {
  const half = (tCriticalValue(0.99, values.length - 1) * sampleStandardDeviation(values)) / Math.sqrt(values.length);
  return [mean(values) - half, mean(values) + half];
}

function expectInside(value: number, [low, high]: [number, number], what: string): void {
  expect(value, `${what}: ${value} outside the 99% CI [${low}, ${high}]`).toBeGreaterThanOrEqual(low);
  expect(value, `${what}: ${value} outside the 99% CI [${low}, ${high}]`).toBeLessThanOrEqual(high);
}

describe('M/M/c queue against Erlang C', () => {
  const settings = [
    { lambda: 2.5, mu: 1, servers: 3, customers: 100_000 }, // rho 0.83
    { lambda: 9.2, mu: 1, servers: 10, customers: 100_000 }, // rho 0.92, heavily loaded
    { lambda: 0.95, mu: 1, servers: 1, customers: 150_000 }, // rho 0.95, M/M/1
    { lambda: 4, mu: 0.25, servers: 20, customers: 60_000 }, // rho 0.8, many servers
  ];
  for (const s of settings) {
    it(`lambda ${s.lambda}, mu ${s.mu}, c ${s.servers}: mean wait and P(wait > 0)`, () => {
      const theory = mmcTheory(s.lambda, s.mu, s.servers);
      const runs = replicate(s);
      expectInside(theory.meanWait, interval99(runs.map((r) => r.meanWait)), 'mean wait');
      expectInside(theory.probabilityOfWait, interval99(runs.map((r) => r.probabilityOfWait)), 'P(wait > 0)');
      // The resource's own counters (waitedShare, meanWaitOfWaitedDays): the same share, and the
      // mean wait of those who wait, 1 / (c mu - lambda) for M/M/c.
      for (const r of runs) expect(r.waitedShare).toBe(r.probabilityOfWait);
      expectInside(1 / (s.servers * s.mu - s.lambda), interval99(runs.map((r) => r.meanWaitOfWaited)), 'mean wait of those who wait');
      // The intervals must also be tight enough to mean something: within 10% of the value.
      const [low, high] = interval99(runs.map((r) => r.meanWait));
      expect((high - low) / 2 / theory.meanWait).toBeLessThan(0.1);
    });
  }
});

describe('M/M/c/c loss system against Erlang B', () => {
  for (const s of [
    { lambda: 8, mu: 1, servers: 10 },
    { lambda: 3, mu: 0.5, servers: 4 },
  ]) {
    it(`lambda ${s.lambda}, mu ${s.mu}, c ${s.servers}: blocking probability`, () => {
      const runs = replicate({ ...s, customers: 100_000, system: 'loss' });
      const blocking = runs.map((r) => r.blocked / r.arrivals);
      expectInside(erlangB(s.lambda / s.mu, s.servers), interval99(blocking), 'blocking probability');
    });
  }
});

describe("Little's law on the resource monitors", () => {
  it('L = lambda W for the waiting line and for the servers, in every replication', () => {
    for (const r of replicate({ lambda: 2.5, mu: 1, servers: 3, customers: 50_000 })) {
      const throughput = r.served / r.windowLength;
      // Queue: mean number waiting = arrival rate x mean wait. Both sides come from different
      // monitors (a time-weighted level and a tally), so agreement is a real check; the only
      // gap is customers still waiting at the window's ends, a few in 50,000.
      expect(r.meanQueueLength / (throughput * r.meanWait)).toBeCloseTo(1, 2);
      expect(r.meanBusy / (throughput * r.meanServiceTime)).toBeCloseTo(1, 2);
      expect(r.meanBusy).toBeCloseTo(2.5, 0); // offered load lambda / mu
    }
  });
});
