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
  { metric: 'delayedShareOfAcuteBeds', low: 0.08, high: 0.15, source: 'DRD delay bed days 9.6-11.4% of G&A beds; sitrep 12-14% (NHS England 2024/25)' },
  { metric: 'dischargeReadyDelayShare.sameDay', low: 0.83, high: 0.9, source: '86.46% discharged on the discharge ready date (NHS England DRD 2024/25)' },
  { metric: 'meanDelayOfDelayedDays', low: 5, high: 7.5, source: 'those delayed wait 6.09 days on average, monthly 5.93-6.31 (NHS England DRD 2024/25)' },
  { metric: 'intermediateToCareHomeRatio', low: 3, high: 5, source: 'intermediate care about 4x care homes (Health Foundation 2024)' },
  // The other bands of the discharge ready date publication (NHS England DRD 2024/25), +/-30%.
  ...(
    [
      ['day1', 0.0445],
      ['days2to3', 0.0322],
      ['days4to6', 0.023],
      ['days7to13', 0.0208],
      ['days14to20', 0.0071],
      ['days21plus', 0.0077],
    ] as const
  ).map(([band, share]) => ({
    metric: `dischargeReadyDelayShare.${band}`,
    low: share * 0.7,
    high: share * 1.3,
    source: `${(share * 100).toFixed(2)}% of discharges in this band of whole days after the ready date (NHS England DRD 2024/25), +/-30%`,
  })),
];

/**
 * Shares of delayed bed days by reason: patients waiting for P1, P2 and P3 services were 24%,
 * 24% and 16% of those delayed, the rest (36%) other reasons (NHS England, Delivery plan for
 * recovering urgent and emergency care services, January 2023, as summarised by the House of
 * Commons Library, 2023), +/-30% each.
 */
const REASON_SHARES: { reasons: string[]; share: number }[] = [
  { reasons: ['awaitingReablement'], share: 0.24 },
  { reasons: ['awaitingIntermediateCareBeds'], share: 0.24 },
  { reasons: ['awaitingCareHome'], share: 0.16 },
  { reasons: ['assessment', 'dischargeSummary', 'medicines', 'transport', 'therapy', 'medicalDecision'], share: 0.36 },
];

describe('models/england-typical.yaml calibration (20 replications, 730 days, 365 warm-up)', () => {
  const runs: Record<string, number>[] = [];
  let settings: string[] = [];
  const markets: Record<string, number> = {};

  beforeAll(() => {
    const model = compileModel(loadModel(MODEL));
    settings = model.settings.map((s) => s.name);
    for (const s of model.settings) if (s.capacity.behaviour === 'market') markets[s.name] = s.capacity.parameters.marketSize as number;
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

  for (const { reasons, share } of REASON_SHARES) {
    it(`delayed bed days waiting for ${reasons.join(' + ')} are ${share * 100}% (+/-30%) of all`, () => {
      const days = reasons.reduce((sum, r) => sum + meanOf(`delayedBedDaysByReason.${r}`), 0);
      const ratio = days / meanOf('delayedBedDays');
      expect(ratio).toBeGreaterThanOrEqual(share * 0.7);
      expect(ratio).toBeLessThanOrEqual(share * 1.3);
    });
  }

  it('has no saturated downstream setting or market and small but nonzero admission waits', () => {
    for (const s of settings) {
      if (s === 'acute') continue;
      const size = markets[s];
      if (size === undefined) expect(meanOf(`occupancyRate.${s}`), `occupancyRate.${s}`).toBeLessThan(0.98);
      else expect(meanOf(`spotPlacesInUse.${s}`) / size, `spot places in use / market size, ${s}`).toBeLessThan(0.95);
    }
    const wait = meanOf('meanAdmissionWaitDays');
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThan(0.25); // under 6 hours on average
  });
});
