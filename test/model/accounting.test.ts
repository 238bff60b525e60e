/**
 * Bed days, delayed days and costs add up, and Little's law holds on every setting.
 *
 * Every number in these models is a test value chosen to exercise a mechanism.
 */
import { describe, expect, it } from 'vitest';
import { createDistribution, type DistributionSpec } from '../../src/engine/random/distributions.js';
import { PATHWAYS } from '../../src/model/pathways.js';
import { baseModel, dailyColumn, metric, run, Z, type Patch } from './support.js';

/** A system with real delays everywhere: scarce downstream places, assessments, a discharge process. */
const CONGESTED: Patch = {
  arrivals: { emergency: { perDay: 20 } },
  caseMix: [
    {
      name: 'everyone',
      share: 1,
      acuteLengthOfStay: { type: 'lognormal', mean: 5, sd: 4 },
      pathways: { P0: 0.45, P1: 0.25, P2: 0.2, P3: 0.1 },
    },
  ],
  pathways: { P1: { to: 'reablement', assessment: true }, P2: { to: 'stepDown', assessment: true }, P3: { to: 'careHome', assessment: true } },
  discharge: { process: { type: 'exponential', mean: 0.3 } },
  assessment: {
    referralDelay: { type: 'exponential', mean: 0.5 },
    duration: { type: 'fixed', value: 0.1 },
    window: { startHour: 9, endHour: 17, days: [0, 1, 2, 3, 4] },
    costPerAssessment: 180,
    payers: { nhs: 0.6, council: 0.4 },
  },
  settings: {
    acute: { capacity: 200, costPerDay: 420 },
    reablement: { capacity: 60, costPerDay: 70, payers: { nhs: 0.3, council: 0.7 }, lengthOfStay: { type: 'gamma', mean: 12, sd: 6 } },
    stepDown: {
      capacity: 70,
      costPerDay: 260,
      payers: { nhs: 1 },
      lengthOfStay: { type: 'lognormal', mean: 18, sd: 10 },
      next: [
        { to: 'home', probability: 0.7 },
        { to: 'careHome', probability: 0.3 },
      ],
    },
    careHome: { capacity: 150, costPerDay: 130, payers: { council: 0.6, selfFunder: 0.4 }, lengthOfStay: { type: 'exponential', mean: 60 } },
  },
};

const SETTINGS = ['acute', 'reablement', 'stepDown', 'careHome'];

describe('no capacity limits and no process times', () => {
  it('gives no delays at all: every medically optimised patient leaves the same day, at once', () => {
    // Assessments are needed but take no time; every place is free.
    const config = baseModel({
      pathways: { P1: { to: 'reablement', assessment: true }, P2: { to: 'stepDown', assessment: true }, P3: { to: 'careHome', assessment: true } },
      caseMix: [{ name: 'everyone', share: 1, acuteLengthOfStay: { type: 'lognormal', mean: 5, sd: 4 }, pathways: { P0: 0.4, P1: 0.3, P2: 0.2, P3: 0.1 } }],
    });
    const r = run(config, { horizonDays: 400, warmupDays: 100, seed: 11 });
    expect(metric(r, 'medicallyOptimised')).toBeGreaterThan(5000);
    expect(metric(r, 'assessments')).toBeGreaterThan(3000);
    expect(metric(r, 'delayedBedDays')).toBe(0);
    expect(metric(r, 'delayedPatientsPerDay')).toBe(0);
    expect(metric(r, 'meanFitToDischargeDays')).toBe(0);
    expect(metric(r, 'sameDayDischargeShare')).toBe(1);
    expect(metric(r, 'meanAdmissionWaitDays')).toBe(0);
    for (const s of SETTINGS) {
      expect(metric(r, `delayedDays.${s}`), s).toBe(0);
      expect(metric(r, `meanWaitDays.${s}`), s).toBe(0);
      expect(metric(r, `meanQueue.${s}`), s).toBe(0);
    }
  });
});

describe('bed days and delayed days', () => {
  const window = { horizonDays: 1500, warmupDays: 300, seed: 5 };
  const r = run(baseModel(CONGESTED), window);

  it('has delays of every kind to account for (the model is congested)', () => {
    for (const reason of ['dischargeProcess', 'assessment', 'awaitingReablement', 'awaitingStepDown', 'awaitingCareHome']) {
      expect(metric(r, `delayedBedDaysByReason.${reason}`), reason).toBeGreaterThan(0);
    }
    expect(metric(r, 'delayedDays.stepDown')).toBeGreaterThan(0); // blocked waiting for a care home
    expect(metric(r, 'windowDays')).toBe(window.horizonDays - window.warmupDays);
  });

  it('bedDays.<setting> = occupancy.<setting> x windowDays, and needed + delayed = bedDays', () => {
    const days = metric(r, 'windowDays');
    for (const s of SETTINGS) {
      const bedDays = metric(r, `bedDays.${s}`);
      expect(bedDays, s).toBeGreaterThan(0);
      expect(bedDays, s).toBeCloseTo(metric(r, `occupancy.${s}`) * days, 6);
      expect(metric(r, `neededBedDays.${s}`) + metric(r, `delayedDays.${s}`), s).toBeCloseTo(bedDays, 6);
      expect(metric(r, `neededBedDays.${s}`), s).toBeGreaterThanOrEqual(0);
      expect(metric(r, `delayedDays.${s}`), s).toBeLessThanOrEqual(bedDays);
    }
  });

  it('delayedBedDays is the acute delayed days, the sum over reasons and the sum over pathways', () => {
    const total = metric(r, 'delayedBedDays');
    const byReason = ['dischargeProcess', 'assessment', 'awaitingReablement', 'awaitingStepDown', 'awaitingCareHome'].map((x) => metric(r, `delayedBedDaysByReason.${x}`));
    const byPathway = PATHWAYS.map((p) => metric(r, `delayedBedDaysByPathway.${p}`));
    expect(total).toBeCloseTo(metric(r, 'delayedDays.acute'), 6);
    expect(byReason.reduce((a, b) => a + b, 0)).toBeCloseTo(total, 6);
    expect(byPathway.reduce((a, b) => a + b, 0)).toBeCloseTo(total, 6);
    expect(metric(r, 'delayedBedDaysPerDay') * metric(r, 'windowDays')).toBeCloseTo(total, 6);
    // A P0 discharge waits only for the discharge process; P1..P3 never do.
    expect(metric(r, 'delayedBedDaysByPathway.P0')).toBeCloseTo(metric(r, 'delayedBedDaysByReason.dischargeProcess'), 6);
    // Only acute beds can be delayed by reasons: no reason is reported for awaiting an acute bed.
    expect(r.metrics['delayedBedDaysByReason.awaitingAcute']).toBeUndefined();
  });

  it('every midnight, the daily reasons of acute delays add up to the delayed count, each reason present', () => {
    const acute = dailyColumn(r, 'acute', 'delayed');
    const process = dailyColumn(r, 'acute', 'dischargeProcess');
    const assessment = dailyColumn(r, 'acute', 'assessment');
    const others = SETTINGS.filter((s) => s !== 'acute');
    const awaited = others.map((s) => dailyColumn(r, s, 'awaitedFromHospital'));
    for (let d = 0; d < acute.length; d++) {
      const sum = process[d] + assessment[d] + awaited.reduce((a, column) => a + column[d], 0);
      expect(sum, `day ${d}`).toBe(acute[d]);
    }
    // The acute row awaits nothing from hospital; the other rows have no process or assessment.
    expect(dailyColumn(r, 'acute', 'awaitedFromHospital').every((v) => v === 0)).toBe(true);
    for (const s of others)
      expect(
        dailyColumn(r, s, 'dischargeProcess')
          .concat(dailyColumn(r, s, 'assessment'))
          .every((v) => v === 0),
      ).toBe(true);
    // A congested model has some of each.
    expect(Math.max(...process)).toBeGreaterThan(0);
    expect(Math.max(...assessment)).toBeGreaterThan(0);
    expect(awaited.some((column) => Math.max(...column) > 0)).toBe(true);
  });

  it('costs are place days x unit costs split by payer shares, plus assessments x their cost', () => {
    const settings = CONGESTED.settings as Record<string, { costPerDay: number; payers: Record<string, number> }>;
    const expectedByPayer: Record<string, number> = { nhs: 0, council: 0, selfFunder: 0 };
    let expectedTotal = 0;
    for (const s of SETTINGS) {
      const cost = metric(r, `bedDays.${s}`) * settings[s].costPerDay;
      expect(metric(r, `costBySetting.${s}`), s).toBeCloseTo(cost, 4);
      // The acute setting takes the default payer split: all NHS.
      const payers = settings[s].payers ?? { nhs: 1 };
      for (const [payer, share] of Object.entries(payers)) expectedByPayer[payer] += cost * share;
      expectedTotal += cost;
    }
    const assessments = metric(r, 'assessments');
    expect(assessments).toBeGreaterThan(0);
    const assessmentCost = assessments * 180;
    expect(metric(r, 'costAssessments')).toBeCloseTo(assessmentCost, 6);
    expectedByPayer.nhs += 0.6 * assessmentCost;
    expectedByPayer.council += 0.4 * assessmentCost;
    expectedTotal += assessmentCost;
    for (const payer of ['nhs', 'council', 'selfFunder']) {
      expect(metric(r, `costByPayer.${payer}`), payer).toBeCloseTo(expectedByPayer[payer], 3);
    }
    const byPayer = metric(r, 'costByPayer.nhs') + metric(r, 'costByPayer.council') + metric(r, 'costByPayer.selfFunder');
    expect(metric(r, 'costTotal')).toBeCloseTo(byPayer, 3);
    expect(metric(r, 'costTotal')).toBeCloseTo(expectedTotal, 3);
    expect(metric(r, 'costPerDay') * metric(r, 'windowDays')).toBeCloseTo(metric(r, 'costTotal'), 3);
  });
});

describe('costBasis: capacity', () => {
  it('pays for every place-day of capacity, used or not, following a capacity schedule exactly', () => {
    // Step-down beds paid per place: 80 beds until day 100, then 70; the window is days 40-160,
    // so 60 days x 80 + 60 days x 70 = 9,000 place-days whatever the occupancy (about 60 used:
    // 4 P2 patients a day stay 15 days).
    const r = run(
      baseModel({
        settings: { stepDown: { capacity: { initial: 80, changes: [{ day: 100, capacity: 70 }] }, costPerDay: 200, costBasis: 'capacity', payers: { nhs: 0.25, council: 0.75 } } },
      }),
      { horizonDays: 160, warmupDays: 40, seed: 4 },
    );
    expect(metric(r, 'costBySetting.stepDown')).toBeCloseTo(200 * 9000, 6);
    expect(metric(r, 'capacity.stepDown')).toBeCloseTo(9000 / 120, 6);
    // Occupied place-days are fewer: the cost is not theirs.
    expect(metric(r, 'bedDays.stepDown')).toBeLessThan(0.8 * 9000);
    // The other settings are still paid per occupied day.
    expect(metric(r, 'costBySetting.careHome')).toBe(0);
    const others = ['acute', 'reablement', 'careHome'].reduce((a, s) => a + metric(r, `costBySetting.${s}`), 0);
    expect(metric(r, 'costByPayer.council')).toBeCloseTo(0.75 * 200 * 9000, 6);
    expect(metric(r, 'costTotal')).toBeCloseTo(others + 200 * 9000, 6);
  });
});

describe("Little's law on every setting", () => {
  // Stochastic stays, scarce reablement and step-down places (so acute stays include delays),
  // and downstream settings that only ever lead home or to death (so a downstream stay is
  // exactly its length of stay; blocking is tested in delays.test.ts).
  const los: Record<string, DistributionSpec> = {
    acute: { type: 'lognormal', mean: 5, sd: 4 },
    reablement: { type: 'gamma', mean: 12, sd: 6 },
    stepDown: { type: 'lognormal', mean: 18, sd: 10 },
    careHome: { type: 'lognormal', mean: 60, sd: 30 },
  };
  const config = baseModel({
    caseMix: [{ name: 'everyone', share: 1, acuteLengthOfStay: los.acute, pathways: { P0: 0.4, P1: 0.25, P2: 0.15, P3: 0.2 } }],
    settings: {
      reablement: { capacity: 62, lengthOfStay: los.reablement },
      stepDown: { capacity: 56, lengthOfStay: los.stepDown },
      careHome: { lengthOfStay: los.careHome, next: [{ to: 'death', probability: 1 }] },
    },
  });
  const window = { horizonDays: 5000, warmupDays: 1000, seed: 3 };
  const r = run(config, window);
  const T = metric(r, 'windowDays');

  /**
   * |L - lambda W| allowed: Z standard errors of the sample mean stay (n stays of variance v), plus
   * one edge term, the stays cut by the start or the end of the window. In steady state the two
   * edges cancel on average; either is on average occupancy x E[S^2] / (2 E[S]) place-days.
   */
  function tolerance(n: number, meanStay: number, varStay: number, occupancy: number): number {
    const edge = (occupancy * (varStay + meanStay ** 2)) / (2 * meanStay);
    return (Z * Math.sqrt(n * varStay) + edge) / T;
  }

  it('downstream: occupancy = placements / windowDays x mean length of stay', () => {
    for (const s of ['reablement', 'stepDown', 'careHome']) {
      const d = createDistribution(los[s]);
      const n = metric(r, `placements.${s}`);
      const occupancy = metric(r, `occupancy.${s}`);
      expect(n, s).toBeGreaterThan(1000);
      expect(metric(r, `delayedDays.${s}`), s).toBe(0);
      const little = (n / T) * d.mean;
      const tol = tolerance(n, d.mean, d.variance, occupancy);
      expect(tol / occupancy, `${s}: tolerance should be tight`).toBeLessThan(0.05);
      expect(Math.abs(occupancy - little), `${s}: occupancy ${occupancy} vs Little ${little} (tolerance ${tol})`).toBeLessThan(tol);
    }
  });

  it('acute: occupancy = admissions per day x (clinical stay + mean fit-to-discharge delay)', () => {
    const d = createDistribution(los.acute);
    const delay = metric(r, 'meanFitToDischargeDays');
    expect(delay).toBeGreaterThan(0.05); // the scarce downstream places do delay people
    const occupancy = metric(r, 'occupancy.acute');
    const n = metric(r, 'admissions');
    const stay = d.mean + delay;
    // The delays add their own spread; bound their variance by a generous (2 x mean)^2.
    const varStay = d.variance + (2 * delay) ** 2;
    const little = metric(r, 'admissionsPerDay') * stay;
    const tol = tolerance(n, stay, varStay, occupancy);
    expect(Math.abs(occupancy - little), `occupancy ${occupancy} vs Little ${little} (tolerance ${tol})`).toBeLessThan(tol);
    // And the delayed part alone: delayed beds = discharges per day x mean delay.
    const delayedBeds = metric(r, 'delayedBedDaysPerDay');
    expect(Math.abs(delayedBeds - (metric(r, 'medicallyOptimised') / T) * delay)).toBeLessThan(0.05 * delayedBeds + 0.5);
  });
});

describe('placeCostPerDay, waiting for a bed and diversions', () => {
  // Acute beds with a fixed cost per staffed bed beside the cost per occupied day, 80 beds until
  // day 100 then 90 (window days 40-160: 60 x 80 + 60 x 90 = 10,200 place-days), and too few of
  // them, so that people wait for a bed and some give up after half a day.
  const patch: Patch = {
    arrivals: { emergency: { perDay: 20 } },
    admission: { maxWaitDays: 0.5, waitingCostPerDay: 300, diversionCost: 4000 },
    settings: { acute: { capacity: { initial: 80, changes: [{ day: 100, capacity: 90 }] }, costPerDay: 150, placeCostPerDay: 250, payers: { nhs: 0.9, council: 0.1 } } },
  };
  const window = { horizonDays: 160, warmupDays: 40, seed: 8 };
  const r = run(baseModel(patch), window);

  it('adds every place-day of capacity x placeCostPerDay to the occupied days x costPerDay', () => {
    expect(metric(r, 'capacity.acute')).toBeCloseTo(10200 / 120, 6);
    expect(metric(r, 'costBySetting.acute')).toBeCloseTo(metric(r, 'bedDays.acute') * 150 + 10200 * 250, 4);
  });

  it('costs each day waited for a bed and each diversion, paid as the acute setting is, inside costTotal', () => {
    expect(metric(r, 'meanQueue.acute')).toBeGreaterThan(0);
    expect(metric(r, 'diversions')).toBeGreaterThan(0);
    const waits = metric(r, 'meanQueue.acute') * metric(r, 'windowDays') * 300;
    expect(metric(r, 'costAdmissionWaits')).toBeCloseTo(waits, 4);
    expect(metric(r, 'costDiversions')).toBe(metric(r, 'diversions') * 4000);
    const acute = metric(r, 'costBySetting.acute') + waits + metric(r, 'costDiversions');
    const others = ['reablement', 'stepDown', 'careHome'].map((s) => metric(r, `costBySetting.${s}`));
    expect(metric(r, 'costTotal')).toBeCloseTo(acute + others.reduce((a, b) => a + b, 0) + metric(r, 'costAssessments'), 3);
    // The same run without those costs (costs never change what happens): the NHS pays nine
    // tenths of the difference and the council one tenth, as they pay for the acute setting.
    const free = run(baseModel(patch, { admission: { maxWaitDays: 0.5, waitingCostPerDay: 0, diversionCost: 0 } }), window);
    const extra = waits + metric(r, 'costDiversions');
    expect(metric(free, 'diversions')).toBe(metric(r, 'diversions'));
    expect(metric(r, 'costByPayer.nhs') - metric(free, 'costByPayer.nhs')).toBeCloseTo(0.9 * extra, 4);
    expect(metric(r, 'costByPayer.council') - metric(free, 'costByPayer.council')).toBeCloseTo(0.1 * extra, 4);
    expect(metric(r, 'costByPayer.selfFunder')).toBe(metric(free, 'costByPayer.selfFunder'));
  });

  it('makes a bed added cost money even when it stands empty', () => {
    // Ten more beds all the time: 10 x 120 place-days x 250 more, whatever their occupancy.
    const more = run(baseModel(patch, { settings: { acute: { capacity: { initial: 90, changes: [{ day: 100, capacity: 100 }] } } } }), window);
    const fixed = metric(more, 'costBySetting.acute') - metric(more, 'bedDays.acute') * 150 - (metric(r, 'costBySetting.acute') - metric(r, 'bedDays.acute') * 150);
    expect(fixed).toBeCloseTo(10 * 120 * 250, 4);
  });
});
