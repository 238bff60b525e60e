/**
 * People who wait change (settings.<s>.whileWaiting): the share re-assessed, dying or readmitted
 * by day d of a wait follows 1 - prod(1 - q_k) for the file's daily probabilities (a constant, a
 * table of bands, a logistic curve), competing outcomes split in proportion to their hazards,
 * everyone is accounted for, bad files are named by field, and a model without the field runs
 * as before.
 */
import { describe, expect, it } from 'vitest';
import type { TraceEvent, TraceSink } from '../../../src/model/journey-trace.js';
import type { ResolvedModel } from '../../../src/model/resolve/resolve-model.js';
import { runReplication, type ReplicationResult } from '../../../src/model/run-replication.js';
import { cumulativeHazard, invert } from '../../../src/model/run/waiting-hazards.js';
import type { CompiledHazard } from '../../../src/model/waiting-hazard.js';
import { baseModel, binomialHalfWidth, configError, metric, runSystem, type Patch } from '../support.js';

interface Row {
  time: number;
  key: string;
  event: TraceEvent;
  setting: string;
  detail: string;
}

class MemorySink implements TraceSink {
  rows: Row[] = [];
  record(time: number, person: number, episode: number, event: TraceEvent, setting: string, detail: string): void {
    this.rows.push({ time, key: `${person}:${episode}`, event, setting, detail });
  }
  close(): void {}
}

const HORIZON = 150;
const window = { horizonDays: HORIZON, warmupDays: 0, seed: 11 };

function traced(config: ResolvedModel): { result: ReplicationResult; rows: Row[] } {
  const sink = new MemorySink();
  const result = runReplication(config, window, sink);
  return { result, rows: sink.rows };
}

/**
 * Per wait (keyed by person and episode): when it began (the first `startEvent` row) and when
 * something changed it (Infinity if nothing did).
 */
function waits(rows: Row[], startEvent: TraceEvent): { start: number; changed: number }[] {
  const byKey = new Map<string, { start: number; changed: number }>();
  for (const r of rows) {
    if (r.event === startEvent && !byKey.has(r.key)) byKey.set(r.key, { start: r.time, changed: Infinity });
    if (r.event === 'changedWhileWaiting') (byKey.get(r.key) as { changed: number }).changed = r.time;
  }
  return [...byKey.values()];
}

/** Checks the observed share changed by day d of the wait against `expected(d)`, over waits seen for d days. */
function expectShares(ws: { start: number; changed: number }[], days: number[], expected: (d: number) => number): void {
  for (const d of days) {
    const seen = ws.filter((w) => w.start + d <= HORIZON);
    const share = seen.filter((w) => w.changed - w.start <= d).length / seen.length;
    const p = expected(d);
    expect(seen.length).toBeGreaterThan(500);
    expect(Math.abs(share - p), `day ${d}: ${share} against ${p}`).toBeLessThanOrEqual(binomialHalfWidth(p, seen.length) + 1e-9);
  }
}

const logistic = (x: number): number => 1 / (1 + Math.exp(-x));

/** Everyone on P1, waiting in an acute bed for reablement, which has no places. */
const acuteWait = (whileWaiting: Patch, extra: Patch = {}): ResolvedModel =>
  baseModel(
    {
      caseMix: [{ name: 'everyone', share: 1, acuteLengthOfStay: { type: 'fixed', value: 4 }, pathways: { P0: 0, P1: 1, P2: 0, P3: 0 } }],
      settings: { reablement: { capacity: 0, whileWaiting } },
    },
    extra,
  );

/** Referrals from the community to reablement (no places), nobody admitted as an emergency. */
const communityWait = (whileWaiting: Patch): ResolvedModel =>
  baseModel({
    arrivals: { emergency: { perDay: 0 }, community: [{ name: 'gp', perDay: 20, to: 'reablement' }] },
    caseMix: [{ name: 'everyone', share: 1, acuteLengthOfStay: { type: 'fixed', value: 4 }, pathways: { P0: 1, P1: 0, P2: 0, P3: 0 } }],
    settings: { reablement: { capacity: 0, whileWaiting }, careHome: { next: [{ to: 'home', probability: 1 }] } },
  });

describe('waiting hazards: the inversion', () => {
  it('gives survival prod(1 - q_k) at whole days and finds each day boundary', () => {
    const h: CompiledHazard = { form: 'table', fromDay: [0, 3], toDay: [3, Infinity], dailyProbability: [0.1, 0.4] };
    const H = cumulativeHazard(h, 10);
    let survival = 1;
    for (let d = 0; d <= 10; d++) {
      expect(Math.exp(-H[d])).toBeCloseTo(survival, 12);
      if (d > 0 && d < 10) expect(invert(H, H[d])).toBeCloseTo(d, 9);
      survival *= d < 3 ? 0.9 : 0.6;
    }
    expect(invert(H, H[10] + 1)).toBe(Infinity);
    const certain = cumulativeHazard({ form: 'table', fromDay: [2], toDay: [Infinity], dailyProbability: [1] }, 5);
    expect(invert(certain, 50)).toBe(2); // a certain outcome falls at the start of its day
    expect(invert(cumulativeHazard({ form: 'logistic', intercept: -1000, perDay: 0 }, 5), 1e-9)).toBe(Infinity);
  });
});

describe('waiting hazards in a run', () => {
  it('re-assesses a constant share q a day of those waiting in acute beds: 1 - (1 - q)^d by day d, and they go to the new setting', () => {
    const q = 0.1;
    const { result, rows } = traced(acuteWait({ reassess: { to: 'careHome', table: [{ fromDay: 0, dailyProbability: q }] } }));
    expectShares(waits(rows, 'medicallyOptimised'), [1, 3, 7, 14], (d) => 1 - (1 - q) ** d);
    const reassessed = metric(result, 'reassessedWhileWaiting.reablement');
    expect(reassessed).toBeGreaterThan(1000);
    // The care home has room: each re-assessed person leaves the acute bed for it at once.
    expect(metric(result, 'placements.careHome')).toBe(reassessed);
    expect(metric(result, 'newCareHomePlacementsFromHospital')).toBe(reassessed);
    expect(metric(result, 'diedWhileWaiting.reablement')).toBe(0);
    expect(metric(result, 'readmittedWhileWaiting.reablement')).toBe(0);
    expect(rows.filter((r) => r.event === 'changedWhileWaiting').every((r) => r.setting === 'reablement' && r.detail === 'reassessed:careHome')).toBe(true);
  });

  it('lets the new setting assess the re-assessed person first (a provider assessment of 2 days, spent in the acute bed)', () => {
    const config = acuteWait(
      { reassess: { to: 'careHome', table: [{ fromDay: 0, dailyProbability: 0.2 }] } },
      { settings: { careHome: { providerAssessment: { type: 'fixed', value: 2 } } } },
    );
    const { result, rows } = traced(config);
    const changed = new Map(rows.filter((r) => r.event === 'changedWhileWaiting').map((r) => [r.key, r.time]));
    const left = rows.filter((r) => r.event === 'leftAcute' && changed.has(r.key));
    expect(left.length).toBeGreaterThan(1000);
    for (const r of left) expect(r.time - (changed.get(r.key) as number)).toBeCloseTo(2, 9);
    // Those days are the delay awaiting the care home (cut at the horizon for the last few).
    const awaiting = [...changed.values()].reduce((sum, t) => sum + Math.min(2, HORIZON - t), 0);
    expect(metric(result, 'delayedBedDaysByReason.awaitingCareHome')).toBeCloseTo(awaiting, 6);
  });

  it('follows a table of bands for deaths in acute beds, which are deaths and not discharges', () => {
    const bands = [
      { fromDay: 0, toDay: 7, dailyProbability: 0 },
      { fromDay: 7, toDay: 14, dailyProbability: 0.1 },
      { fromDay: 14, dailyProbability: 0.3 },
    ];
    const config = acuteWait(
      { death: { table: bands } },
      { caseMix: [{ name: 'everyone', share: 1, acuteLengthOfStay: { type: 'fixed', value: 4 }, pathways: { P0: 0.5, P1: 0.5, P2: 0, P3: 0 } }] },
    );
    const { result, rows } = traced(config);
    const home = new Set(rows.filter((r) => r.event === 'leftAcute' && r.detail === 'home').map((r) => r.key));
    const ws = waits(
      rows.filter((r) => !home.has(r.key)),
      'medicallyOptimised',
    );
    const survival = (d: number): number => 0.9 ** Math.max(0, Math.min(d, 14) - 7) * 0.7 ** Math.max(0, d - 14);
    expectShares(ws, [7, 10, 14, 17, 21], (d) => 1 - survival(d));
    const died = metric(result, 'diedWhileWaiting.reablement');
    expect(died).toBeGreaterThan(500);
    expect(metric(result, 'inHospitalDeaths')).toBe(died);
    expect(metric(result, 'deaths')).toBe(died);
    // Only the P0 patients were discharged (alive, at once): the dead are no discharges.
    expect(metric(result, 'meanFitToDischargeDays')).toBe(0);
    expect(metric(result, 'dischargeReadyDelayShare.sameDay')).toBe(1);
  });

  it('follows a logistic hazard for readmissions of people waiting at home, who come back to hospital', () => {
    const [a, b] = [-4, 0.15];
    const { result, rows } = traced(communityWait({ readmission: { logistic: { intercept: a, perDay: b } } }));
    const survival = (d: number): number => {
      let s = 1;
      for (let k = 0; k < d; k++) s *= 1 - logistic(a + b * k);
      return s;
    };
    expectShares(waits(rows, 'referred'), [2, 5, 10, 20], (d) => 1 - survival(d));
    const readmitted = metric(result, 'readmittedWhileWaiting.reablement');
    expect(readmitted).toBeGreaterThan(1000);
    expect(metric(result, 'readmissions')).toBe(readmitted);
    expect(rows.filter((r) => r.event === 'readmitted').length).toBe(readmitted);
  });

  it('splits competing outcomes in proportion to their hazards and accounts for everyone waiting at home', () => {
    const q = { reassess: 0.05, death: 0.02, readmission: 0.03 };
    const config = communityWait({
      reassess: { to: 'careHome', table: [{ fromDay: 0, dailyProbability: q.reassess }] },
      death: { table: [{ fromDay: 0, dailyProbability: q.death }] },
      readmission: { table: [{ fromDay: 0, dailyProbability: q.readmission }] },
    });
    const system = runSystem(config, window);
    const m = system.observations.metrics();
    const counts = [m['reassessedWhileWaiting.reablement'], m['diedWhileWaiting.reablement'], m['readmittedWhileWaiting.reablement']];
    const changed = counts[0] + counts[1] + counts[2];
    const hazards = [q.reassess, q.death, q.readmission].map((x) => -Math.log1p(-x));
    const total = hazards[0] + hazards[1] + hazards[2];
    hazards.forEach((h, i) => expect(Math.abs(counts[i] / changed - h / total)).toBeLessThanOrEqual(binomialHalfWidth(h / total, changed)));
    const reablement = system.resources[system.resources.findIndex((r) => r.name === 'reablement')];
    expect(m.communityReferrals).toBe(changed + reablement.waiting);
    expect(m['placements.careHome']).toBe(counts[0]);
    expect(m.deaths).toBe(counts[1]);
    expect(m.readmissions).toBe(counts[2]);
    expect(m.inHospitalDeaths).toBe(0);
  });

  it('takes people blocking another setting out of it: died or readmitted, everyone placed is accounted for', () => {
    const q = { death: 0.04, readmission: 0.02 };
    const config = baseModel({
      caseMix: [{ name: 'everyone', share: 1, acuteLengthOfStay: { type: 'fixed', value: 4 }, pathways: { P0: 0, P1: 0, P2: 1, P3: 0 } }],
      settings: {
        stepDown: { next: [{ to: 'careHome', probability: 1 }] },
        careHome: {
          capacity: 0,
          whileWaiting: { death: { table: [{ fromDay: 0, dailyProbability: q.death }] }, readmission: { table: [{ fromDay: 0, dailyProbability: q.readmission }] } },
        },
      },
    });
    const system = runSystem(config, window);
    const m = system.observations.metrics();
    const died = m['diedWhileWaiting.careHome'];
    const readmitted = m['readmittedWhileWaiting.careHome'];
    const stepDown = system.resources[system.resources.findIndex((r) => r.name === 'stepDown')];
    expect(died + readmitted).toBeGreaterThan(1000);
    expect(m['placements.stepDown']).toBe(died + readmitted + stepDown.inUse);
    expect(m.deaths).toBe(died);
    expect(m.readmissions).toBe(readmitted);
    expect(m['delayedDays.stepDown']).toBeGreaterThan(0);
    const hazardShare = -Math.log1p(-q.death) / (-Math.log1p(-q.death) - Math.log1p(-q.readmission));
    expect(Math.abs(died / (died + readmitted) - hazardShare)).toBeLessThanOrEqual(binomialHalfWidth(hazardShare, died + readmitted));
  });

  it('withdraws people from a provider market, ending their spot search', () => {
    const config = baseModel({
      caseMix: [{ name: 'everyone', share: 1, acuteLengthOfStay: { type: 'fixed', value: 4 }, pathways: { P0: 0, P1: 0, P2: 0, P3: 1 } }],
      settings: {
        careHome: {
          capacity: { type: 'market', block: 0, marketSize: 1000000, sourcingDays: 10, spotCostPerDay: 100 },
          costBasis: 'capacity',
          whileWaiting: { death: { table: [{ fromDay: 0, dailyProbability: 0.1 }] } },
        },
      },
    });
    const system = runSystem(config, window);
    const m = system.observations.metrics();
    const careHome = system.resources[system.resources.findIndex((r) => r.name === 'careHome')];
    // Every fit patient was placed by a search, died waiting, or is still waiting.
    expect(m.medicallyOptimised).toBe(m['spotPurchases.careHome'] + m['diedWhileWaiting.careHome'] + careHome.waiting);
    // Exponential search (mean 10 days) against death (hazard -ln 0.9 a day): the search wins with probability r / (r + h).
    const [r, h] = [0.1, -Math.log(0.9)];
    const decided = m['spotPurchases.careHome'] + m['diedWhileWaiting.careHome'];
    expect(Math.abs(m['spotPurchases.careHome'] / decided - r / (r + h))).toBeLessThanOrEqual(binomialHalfWidth(r / (r + h), decided));
  });
});

describe('waiting hazards: a model without them', () => {
  it('reports no waiting metrics, and hazards of zero change nothing else', () => {
    const without = runReplication(acuteWait(undefined as unknown as Patch, { settings: { reablement: { capacity: 50 } } }), window);
    expect(Object.keys(without.metrics).filter((k) => k.includes('WhileWaiting'))).toEqual([]);
    const zero = { table: [{ fromDay: 0, dailyProbability: 0 }] };
    const withZero = runReplication(acuteWait({ reassess: { to: 'careHome', ...zero }, death: zero, readmission: zero }, { settings: { reablement: { capacity: 50 } } }), window);
    const { 'reassessedWhileWaiting.reablement': r, 'diedWhileWaiting.reablement': d, 'readmittedWhileWaiting.reablement': a, ...rest } = withZero.metrics;
    expect([r, d, a]).toEqual([0, 0, 0]);
    expect(rest).toEqual(without.metrics);
    expect(withZero.daily.values).toEqual(without.daily.values);
  });
});

describe('waiting hazards: configuration errors', () => {
  const bad = (whileWaiting: Patch, setting = 'reablement'): ReturnType<typeof configError> => configError(() => baseModel({ settings: { [setting]: { whileWaiting } } }));

  it('names the field and the reason', () => {
    const overlap = bad({
      death: {
        table: [
          { fromDay: 0, toDay: 10, dailyProbability: 0.1 },
          { fromDay: 5, dailyProbability: 0.2 },
        ],
      },
    });
    expect(overlap.field).toBe('settings.reablement.whileWaiting.death.table.1.fromDay');
    expect(overlap.message).toMatch(/must not overlap/);
    expect(overlap.line).toBeGreaterThan(0);
    expect(bad({ death: { table: [{ fromDay: 0.5, dailyProbability: 0.1 }] } }).field).toBe('settings.reablement.whileWaiting.death.table.0.fromDay');
    expect(bad({ death: { table: [{ fromDay: 3, toDay: 3, dailyProbability: 0.1 }] } }).field).toBe('settings.reablement.whileWaiting.death.table.0.toDay');
    expect(bad({ death: { table: [{ fromDay: 0, dailyProbability: 1.5 }] } }).field).toBe('settings.reablement.whileWaiting.death.table.0.dailyProbability');
    const both = bad({ readmission: { table: [{ fromDay: 0, dailyProbability: 0.1 }], logistic: { intercept: 0, perDay: 0 } } });
    expect(both.field).toBe('settings.reablement.whileWaiting.readmission');
    expect(both.message).toMatch(/exactly one of table/);
    expect(bad({ reassess: { logistic: { intercept: 0, perDay: 0 } } }).field).toBe('settings.reablement.whileWaiting.reassess.to');
    expect(bad({ dying: { logistic: { intercept: 0, perDay: 0 } } }).message).toMatch(/dying/);
  });

  it('checks the re-assessment target and where whileWaiting may be written', () => {
    for (const to of ['nowhere', 'acute', 'reablement']) {
      const err = bad({ reassess: { to, logistic: { intercept: -3, perDay: 0 } } });
      expect(err.field).toBe('settings.reablement.whileWaiting.reassess.to');
      expect(err.message).toMatch(to === 'reablement' ? /another setting than the one waited for/ : /unknown setting/);
    }
    expect(bad({ death: { logistic: { intercept: -3, perDay: 0 } } }, 'acute').field).toBe('settings.acute.whileWaiting');
  });
});
