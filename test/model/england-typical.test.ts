/**
 * Calibration of the shipped model models/england-typical.yaml: over 20 replications (seeds
 * 1..20, horizon 730 days, warm-up 365 days) the mean of each calibration metric must lie in
 * the range the published figures support. The table of targets, sources and measured values is
 * in models/README.md ("Calibration"); a change to the model or to the mechanics that moves a
 * mean out of its range fails here.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/load-model.js';
import { compileModel } from '../../src/model/compile.js';
import { runReplication } from '../../src/model/run-replication.js';

const MODEL = join(dirname(fileURLToPath(import.meta.url)), '../../models/england-typical.yaml');
const REPLICATIONS = 20;
const WINDOW = { horizonDays: 730, warmupDays: 365 };

/** Calibration targets: metric, published range, and where the range comes from. */
const TARGETS: { metric: string; low: number; high: number; source: string }[] = [
  { metric: 'acuteOccupancyRate', low: 0.9, high: 0.96, source: 'G&A occupancy 94-96% in winter 2022/23 (Health Foundation 2023)' },
  { metric: 'delayedShareOfAcuteBeds', low: 0.1, high: 0.16, source: '13% of beds delayed, Dec 2022 (Health Foundation 2023)' },
  { metric: 'meanFitToDischargeDays', low: 1.0, high: 2.0, source: 'mean 1.3 days, regions 1.0-2.1 (Health Foundation 2023)' },
  { metric: 'sameDayDischargeShare', low: 0.35, high: 0.5, source: "42% same day (NHS Confederation 2022; King's Fund 2023)" },
  { metric: 'intermediateToCareHomeRatio', low: 3, high: 5, source: 'intermediate care about 4x care homes (Health Foundation 2024)' },
];

describe('models/england-typical.yaml calibration (20 replications, 730 days, 365 warm-up)', () => {
  const runs: Record<string, number>[] = [];
  let settings: string[] = [];

  beforeAll(() => {
    const model = compileModel(loadModel(MODEL));
    settings = model.settings.map((s) => s.name);
    for (let seed = 1; seed <= REPLICATIONS; seed++) runs.push(runReplication(model, { ...WINDOW, seed }).metrics);
  });

  const meanOf = (metric: string): number => runs.reduce((sum, m) => sum + m[metric], 0) / runs.length;

  for (const { metric, low, high, source } of TARGETS) {
    it(`mean ${metric} lies in [${low}, ${high}]: ${source}`, () => {
      const mean = meanOf(metric);
      expect(mean, `${metric} mean ${mean}`).toBeGreaterThanOrEqual(low);
      expect(mean, `${metric} mean ${mean}`).toBeLessThanOrEqual(high);
    });
  }

  it('has no saturated downstream setting and small but nonzero admission waits', () => {
    for (const s of settings) expect(meanOf(`occupancyRate.${s}`), `occupancyRate.${s}`).toBeLessThan(0.98);
    const wait = meanOf('meanAdmissionWaitDays');
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThan(0.25); // under 6 hours on average
  });
});
