/**
 * Outcomes: readmissions after a discharge home (with extra risk per delayed day) and deaths in
 * hospital.
 *
 * Every number in these models is a test value chosen to exercise a mechanism.
 */
import { describe, expect, it } from 'vitest';
import { baseModel, metric, run, Z, type Patch } from './support.js';

/** Everyone goes home (P0) after a fixed 3-day stay, 20 arrivals a day. */
function home(extra: Patch = {}, group: Patch = {}): Patch {
  return {
    caseMix: [{ name: 'everyone', share: 1, acuteLengthOfStay: { type: 'fixed', value: 3 }, pathways: { P0: 1, P1: 0, P2: 0, P3: 0 }, ...group }],
    ...extra,
  };
}

// Readmissions come 0 to 30 days after discharge: a 60-day warm-up fills that pipeline.
const window = { horizonDays: 1560, warmupDays: 60, seed: 12 };

/**
 * Readmissions in the window are one Bernoulli(risk) per discharge home, give or take the
 * discharges of the 30 days before each end of the window (whose readmissions fall across it).
 */
function readmissionBand(discharges: number, risk: number, dischargesPerDay: number): number {
  const edge = 2 * 30 * dischargesPerDay * risk * risk;
  return Z * Math.sqrt(discharges * risk * (1 - risk) + edge);
}

describe('readmissions', () => {
  it('risk 0 gives no readmissions', () => {
    const r = run(baseModel(home({ readmission: { riskAfterDischarge: 0 } })), window);
    expect(metric(r, 'medicallyOptimised')).toBeGreaterThan(20000);
    expect(metric(r, 'readmissions')).toBe(0);
  });

  it('riskAfterDischarge 0.2 readmits 20% of discharges home', () => {
    const r = run(baseModel(home({ readmission: { riskAfterDischarge: 0.2 } })), window);
    // With no deaths and no discharge process, every medically optimised patient is a discharge home.
    const discharges = metric(r, 'medicallyOptimised');
    const readmissions = metric(r, 'readmissions');
    const band = readmissionBand(discharges, 0.2, discharges / metric(r, 'windowDays'));
    expect(Math.abs(readmissions - 0.2 * discharges), `${readmissions} of ${discharges}`).toBeLessThan(band);
    // Readmissions are admissions too: about 20 a day arrive, plus the readmissions.
    expect(metric(r, 'admissions')).toBeGreaterThan(readmissions);
  });

  it('extraRiskPerDelayedDay raises readmissions as delays grow', () => {
    // Risk = 0.05 + 0.05 x days delayed; the discharge process delays everyone 1 or 3 days.
    const rates = [1, 3].map((delay) => {
      const r = run(baseModel(home({ readmission: { riskAfterDischarge: 0.05, extraRiskPerDelayedDay: 0.05 }, discharge: { process: { type: 'fixed', value: delay } } })), window);
      expect(metric(r, 'meanFitToDischargeDays')).toBeCloseTo(delay, 9);
      const risk = 0.05 + 0.05 * delay;
      const discharges = metric(r, 'medicallyOptimised');
      const readmissions = metric(r, 'readmissions');
      const band = readmissionBand(discharges, risk, discharges / metric(r, 'windowDays'));
      expect(Math.abs(readmissions - risk * discharges), `delay ${delay}: ${readmissions} of ${discharges}`).toBeLessThan(band);
      return readmissions / discharges;
    });
    expect(rates[1]).toBeGreaterThan(rates[0] + 0.05);
  });

  it('no extra risk without delays', () => {
    const r = run(baseModel(home({ readmission: { riskAfterDischarge: 0, extraRiskPerDelayedDay: 0.5 } })), window);
    expect(metric(r, 'readmissions')).toBe(0);
  });
});

describe('in-hospital mortality', () => {
  it('the share of acute stays that end in death is the mortality', () => {
    const MORTALITY = 0.08;
    const config = baseModel(home({}, { inHospitalMortality: MORTALITY, pathways: { P0: 0.5, P1: 0.2, P2: 0.2, P3: 0.1 } }));
    const r = run(config, { horizonDays: 800, warmupDays: 50, seed: 6 });
    const deaths = metric(r, 'inHospitalDeaths');
    const n = deaths + metric(r, 'medicallyOptimised');
    expect(Math.abs(deaths / n - MORTALITY), `${deaths} of ${n}`).toBeLessThan(Z * Math.sqrt((MORTALITY * (1 - MORTALITY)) / n));
    // All deaths = in hospital + in services (care-home stays in the base model end in death).
    expect(metric(r, 'deaths')).toBeGreaterThan(deaths);
    const none = run(baseModel(home({}, { inHospitalMortality: 0 })), { horizonDays: 800, warmupDays: 50, seed: 6 });
    expect(metric(none, 'inHospitalDeaths')).toBe(0);
  });
});

describe('independence after reablement', () => {
  it('counts moves on to other services as not independent', () => {
    // Half of reablement's leavers go home, half on to long-term home care.
    const patch: Patch = {
      caseMix: [{ name: 'everyone', share: 1, acuteLengthOfStay: { type: 'fixed', value: 2 }, pathways: { P0: 0, P1: 1, P2: 0, P3: 0 } }],
      settings: {
        reablement: {
          next: [
            { to: 'home', probability: 0.5 },
            { to: 'homeCare', probability: 0.5 },
          ],
        },
        homeCare: { kind: 'home', capacity: 1000000, lengthOfStay: { type: 'fixed', value: 30 }, next: [{ to: 'home', probability: 1 }] },
      },
    };
    const r = run(baseModel(patch), { horizonDays: 400, warmupDays: 40, seed: 3 });
    const leavers = metric(r, 'placements.reablement');
    const share = metric(r, 'independenceAfterReablement');
    expect(Math.abs(share - 0.5)).toBeLessThan(Z * Math.sqrt(0.25 / leavers));
  });
});
