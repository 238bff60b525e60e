/**
 * Delays: a setting with no places delays everyone until the end; blocking after service holds
 * places everywhere; a full acute setting makes arrivals wait (or be diverted); working windows
 * keep assessments and discharges to working hours.
 *
 * Every number in these models is a test value chosen to exercise a mechanism.
 */
import { describe, expect, it } from 'vitest';
import { baseModel, dailyColumn, dailyValue, metric, poissonHalfWidth, run, runSystem, sum, Z, type Patch } from './support.js';

/** Everyone on one pathway, with a fixed clinical stay. */
function everyone(pathway: 'P0' | 'P1' | 'P2' | 'P3', acuteDays: number, extra: Patch = {}): Patch {
  const pathways = { P0: 0, P1: 0, P2: 0, P3: 0, [pathway]: 1 };
  return { caseMix: [{ name: 'everyone', share: 1, acuteLengthOfStay: { type: 'fixed', value: acuteDays }, pathways, ...extra }] };
}

describe('no care-home places: every P3 patient is delayed until the end of the run', () => {
  const LAMBDA = 10;
  const L = 3; // fixed clinical stay, whole days
  const H = 200;
  const config = baseModel({ arrivals: { emergency: { perDay: LAMBDA } } }, everyone('P3', L), { settings: { careHome: { capacity: 0 } } });
  const r = run(config, { horizonDays: H, warmupDays: 0, seed: 21 });

  it('reports all the delay as awaiting a care home, on pathway P3', () => {
    const total = metric(r, 'delayedBedDays');
    expect(total).toBeGreaterThan(0);
    expect(metric(r, 'delayedBedDaysByReason.awaitingCareHome')).toBe(total);
    expect(metric(r, 'delayedBedDaysByPathway.P3')).toBe(total);
    expect(metric(r, 'placements.careHome')).toBe(0);
    expect(metric(r, 'careHomePlacements')).toBe(0);
    expect(metric(r, 'meanFitToDischargeDays')).toBe(0); // nobody was ever discharged
    // The people waiting for a care home are its queue.
    expect(metric(r, 'meanQueue.careHome')).toBeCloseTo(metric(r, 'delayedBedDaysPerDay'), 9);
  });

  it('delayed patients grow linearly: at midnight d they are the people admitted by d - L', () => {
    const delayed = dailyColumn(r, 'acute', 'delayed');
    const occupancy = dailyColumn(r, 'acute', 'occupancy');
    for (let d = 0; d < H; d++) {
      // Nobody leaves acute care, so occupancy at midnight d counts the arrivals before d, and
      // those arrivals are the ones fit (and so delayed) at midnight d + L.
      expect(delayed[d], `day ${d}`).toBe(d < L ? 0 : occupancy[d - L]);
      expect(dailyValue(r, 'careHome', 'queue', d), `day ${d}`).toBe(delayed[d]);
    }
    // Slope lambda per day: at the last midnight, a Poisson count with mean lambda (H - 1 - L).
    const mean = LAMBDA * (H - 1 - L);
    expect(Math.abs(delayed[H - 1] - mean)).toBeLessThan(poissonHalfWidth(mean));
  });

  it('delayed bed days equal the integral of the arrivals, shifted by the clinical stay', () => {
    // Delayed at time t = arrivals before t - L, so the delayed bed days over [0, H] are the
    // occupied bed days over [0, H - L] of the same arrivals: the same seed run to H - L, where
    // nobody ever leaves either. Exact, up to rounding.
    const shorter = run(config, { horizonDays: H - L, warmupDays: 0, seed: 21 });
    expect(metric(r, 'delayedBedDaysByReason.awaitingCareHome')).toBeCloseTo(metric(shorter, 'bedDays.acute'), 6);
    // In expectation: sum over arrivals t_i < H - L of (H - L - t_i) = lambda (H - L)^2 / 2,
    // with variance lambda (H - L)^3 / 3 (a Poisson process).
    const span = H - L;
    const expected = (LAMBDA * span ** 2) / 2;
    expect(Math.abs(metric(r, 'delayedBedDays') - expected)).toBeLessThan(Z * Math.sqrt((LAMBDA * span ** 3) / 3));
  });

  it('after a warm-up, the window [W, H] holds the bed days of [W - L, H - L]', () => {
    const W = 50;
    const withWarmup = run(config, { horizonDays: H, warmupDays: W, seed: 21 });
    const shifted = run(config, { horizonDays: H - L, warmupDays: W - L, seed: 21 });
    expect(metric(withWarmup, 'delayedBedDays')).toBeCloseTo(metric(shifted, 'bedDays.acute'), 6);
    expect(metric(withWarmup, 'windowDays')).toBe(H - W);
  });
});

describe('blocking after service everywhere', () => {
  // P1 to reablement (8 slots) then to long-term home care, which has no packages; P2 to step-down
  // beds (10) then to a care home, which has no places. Stays of 5 days, 10 arrivals a day.
  const STAY = 5;
  const blocked: Patch = {
    arrivals: { emergency: { perDay: 10 } },
    ...everyone('P1', 2),
    settings: {
      reablement: { capacity: 8, lengthOfStay: { type: 'fixed', value: STAY }, next: [{ to: 'homeCare', probability: 1 }] },
      homeCare: { kind: 'home', capacity: 0, lengthOfStay: { type: 'fixed', value: 30 }, next: [{ to: 'home', probability: 1 }] },
      stepDown: { capacity: 10, lengthOfStay: { type: 'fixed', value: STAY }, next: [{ to: 'careHome', probability: 1 }] },
      careHome: { capacity: 0 },
    },
  };
  blocked.caseMix = [{ name: 'everyone', share: 1, acuteLengthOfStay: { type: 'fixed', value: 2 }, pathways: { P0: 0, P1: 0.5, P2: 0.5, P3: 0 } }];
  const H = 100;
  const r = run(baseModel(blocked), { horizonDays: H, warmupDays: 0, seed: 8 });

  it('a setting whose next setting is full keeps its people, and counts them as occupying it', () => {
    for (const [s, capacity] of [
      ['stepDown', 10],
      ['reablement', 8],
    ] as const) {
      // The first `capacity` people were placed, stayed their 5 days and then could not move on:
      // nobody else was ever placed, and every place is held by a blocked person.
      expect(metric(r, `placements.${s}`), s).toBe(capacity);
      expect(metric(r, `neededBedDays.${s}`), s).toBeCloseTo(capacity * STAY, 6);
      expect(metric(r, `delayedDays.${s}`), s).toBeGreaterThan(0);
      expect(dailyValue(r, s, 'occupancy', H - 1), s).toBe(capacity);
      expect(dailyValue(r, s, 'delayed', H - 1), s).toBe(capacity);
      // Blocked people never leave here, so the midnight counts bracket the integral.
      const blockedAtMidnight = dailyColumn(r, s, 'delayed');
      const lower = sum(blockedAtMidnight);
      const upper = sum(blockedAtMidnight.slice(1)) + capacity;
      expect(metric(r, `delayedDays.${s}`), s).toBeGreaterThanOrEqual(lower);
      expect(metric(r, `delayedDays.${s}`), s).toBeLessThanOrEqual(upper);
      // Occupancy includes them: bed days = needed days + blocked days.
      expect(metric(r, `bedDays.${s}`), s).toBeCloseTo(capacity * STAY + metric(r, `delayedDays.${s}`), 6);
      for (let d = 0; d < H; d++) expect(dailyValue(r, s, 'delayed', d)).toBeLessThanOrEqual(dailyValue(r, s, 'occupancy', d));
    }
    // And the hospital in turn keeps the people waiting for those places.
    expect(metric(r, 'delayedBedDaysByReason.awaitingReablement')).toBeGreaterThan(0);
    expect(metric(r, 'delayedBedDaysByReason.awaitingStepDown')).toBeGreaterThan(0);
    expect(dailyValue(r, 'acute', 'delayed', H - 1)).toBe(dailyValue(r, 'stepDown', 'queue', H - 1) + dailyValue(r, 'reablement', 'queue', H - 1));
  });

  it('nothing is blocked when the next settings have room', () => {
    const free = run(baseModel(blocked, { settings: { careHome: { capacity: 1000 }, homeCare: { capacity: 1000 } } }), { horizonDays: H, warmupDays: 0, seed: 8 });
    expect(metric(free, 'delayedDays.stepDown')).toBe(0);
    expect(metric(free, 'delayedDays.reablement')).toBe(0);
    expect(metric(free, 'placements.stepDown')).toBeGreaterThan(10 * 10);
  });
});

describe('a full acute setting', () => {
  it('makes arrivals wait for a bed', () => {
    // 20 beds, 10 arrivals a day, exponential stays of mean 1.8 days: M/M/20 at 90% load.
    const config = baseModel({ arrivals: { emergency: { perDay: 10 } } }, everyone('P0', 1), {
      caseMix: [{ name: 'everyone', share: 1, acuteLengthOfStay: { type: 'exponential', mean: 1.8 }, pathways: { P0: 1, P1: 0, P2: 0, P3: 0 } }],
      settings: { acute: { capacity: 20 } },
    });
    const r = run(config, { horizonDays: 2000, warmupDays: 100, seed: 4 });
    expect(metric(r, 'meanAdmissionWaitDays')).toBeGreaterThan(0.01);
    expect(metric(r, 'meanWaitDays.acute')).toBeCloseTo(metric(r, 'meanAdmissionWaitDays'), 9);
    expect(metric(r, 'meanQueue.acute')).toBeGreaterThan(0);
    expect(metric(r, 'diversions')).toBe(0); // no limit on the wait: nobody is diverted
    // Little's law on the queue: mean queue = arrivals per day x mean wait.
    expect(metric(r, 'meanQueue.acute')).toBeCloseTo(metric(r, 'admissionsPerDay') * metric(r, 'meanAdmissionWaitDays'), 1);
  });

  describe('with admission.maxWaitDays, when every wait would be long', () => {
    // 10 beds held for 30 days each, 5 arrivals a day: without a limit, waits run to weeks.
    const MAX_WAIT = 1;
    const patch: Patch = {
      arrivals: { emergency: { perDay: 5 } },
      ...everyone('P0', 30),
      settings: { acute: { capacity: 10 } },
    };
    const window = { horizonDays: 120, warmupDays: 0, seed: 17 };
    const unlimited = runSystem(baseModel(patch), window);
    const limited = runSystem(baseModel(patch, { admission: { maxWaitDays: MAX_WAIT } }), window);
    const u = unlimited.observations.metrics();
    const l = limited.observations.metrics();
    const acute = (s: typeof limited) => s.resources.find((x) => x.name === 'acute') as (typeof s.resources)[number];

    it('without a limit, waits are long and nobody is diverted', () => {
      expect(u.diversions).toBe(0);
      expect(acute(unlimited).waits.max()).toBeGreaterThan(20);
      expect(u.meanAdmissionWaitDays).toBeGreaterThan(5);
    });

    it('diverts people, and nobody admitted waited longer than the limit', () => {
      expect(l.diversions).toBeGreaterThan(100);
      expect(l.admissions).toBeGreaterThan(10); // some were admitted after waiting, within the limit
      expect(acute(limited).waits.max()).toBeLessThanOrEqual(MAX_WAIT + 1e-9);
      expect(l.meanAdmissionWaitDays).toBeGreaterThan(0);
      expect(l.meanAdmissionWaitDays).toBeLessThanOrEqual(MAX_WAIT);
      // Nobody still in the queue at the end has waited longer than the limit either.
      const stillWaiting = acute(limited).waitingEntities();
      expect(stillWaiting.length).toBeGreaterThan(0);
      for (const p of stillWaiting) expect(limited.sim.now - limited.patients.arrivedAt[p]).toBeLessThanOrEqual(MAX_WAIT + 1e-9);
      expect(
        Math.max(
          ...acute(unlimited)
            .waitingEntities()
            .map((p) => unlimited.sim.now - unlimited.patients.arrivedAt[p]),
        ),
      ).toBeGreaterThan(20);
    });

    it('the same people arrive: admitted + diverted + still waiting is the same total', () => {
      expect(l.admissions + l.diversions + acute(limited).waiting).toBe(u.admissions + acute(unlimited).waiting);
    });
  });
});

/**
 * Exact moments of the fit-to-discharge time (days) when people become fit uniformly over the
 * week and need `work` hours (0 <= work < 8) inside a weekday 9:00-17:00 window. Each weekday
 * opens after a closed gap (64 h before Monday, 16 h before the others) and closes before the
 * next one (16 h after Monday to Thursday, 64 h after Friday). Fit u hours before an opening:
 * wait u + work. Fit in the window with c hours left: wait `work` if c >= work, else
 * work + the gap after closing. Same calendar day: fit from midnight to 9:00 or in the window with
 * c >= work, that is 17 - work hours of each weekday.
 */
function weekdayWindowTheory(work: number): { mean: number; meanSquare: number; sameDay: number } {
  const before = [64, 16, 16, 16, 16];
  const after = [16, 16, 16, 16, 64];
  const moment = (k: number): number => {
    let total = 0;
    for (let d = 0; d < 5; d++) {
      total += ((before[d] + work) ** (k + 1) - work ** (k + 1)) / (k + 1); // integral over the gap
      total += (8 - work) * work ** k + work * (work + after[d]) ** k; // inside the window
    }
    return total / 168 / 24 ** k;
  };
  return { mean: moment(1), meanSquare: moment(2), sameDay: (5 * (17 - work)) / 168 };
}

describe('working windows: weekdays 9:00 to 17:00', () => {
  // Clinical stays are fixed, so people become fit as a Poisson process, spread evenly over the
  // week. Whoever becomes fit outside the window waits for it to open: Friday 17:00 to Monday
  // 9:00 is one 64-hour gap, and each weekday night a 16-hour gap. Over a week of 168 hours:
  //   P(wait = 0) = 40/168,  E[wait] = (64^2 + 4 x 16^2) / 2 / 168 h,
  //   E[wait^2] = (64^3 + 4 x 16^3) / 3 / 168 h^2,  P(wait > w) = ((64 - w)+ + 4 (16 - w)+) / 168.
  const LAMBDA = 20;
  const WEEKS = 150;
  const window = { startHour: 9, endHour: 17, days: [0, 1, 2, 3, 4] };
  const H = 7 * WEEKS;
  const hours = (h: number): number => h / 24;
  const meanWait = hours((64 ** 2 + 4 * 16 ** 2) / 2 / 168);
  const meanSquare = (64 ** 3 + 4 * 16 ** 3) / 3 / 168 / 24 ** 2;
  it('the general formula agrees with the zero-work one', () => {
    const t = weekdayWindowTheory(0);
    expect(t.mean).toBeCloseTo(meanWait, 12);
    expect(t.meanSquare).toBeCloseTo(meanSquare, 12);
    expect(t.sameDay).toBeCloseTo(85 / 168, 12);
  });
  const variants: { name: string; patch: Patch; reason: string }[] = [
    {
      name: 'assessment window (P2, assessment needed)',
      patch: { ...everyone('P2', 4), pathways: { P2: { to: 'stepDown', assessment: true } }, assessment: { window } },
      reason: 'assessment',
    },
    { name: 'discharge window (P0)', patch: { ...everyone('P0', 4), discharge: { window } }, reason: 'dischargeProcess' },
  ];

  for (const { name, patch, reason } of variants) {
    describe(`${name}, work of zero length`, () => {
      const r = run(baseModel({ arrivals: { emergency: { perDay: LAMBDA } } }, patch), { horizonDays: H, warmupDays: 14, seed: 2 });
      const n = metric(r, 'medicallyOptimised');

      it('all delay is for that reason', () => {
        expect(metric(r, `delayedBedDaysByReason.${reason}`)).toBeCloseTo(metric(r, 'delayedBedDays'), 6);
        expect(metric(r, 'delayedBedDays')).toBeGreaterThan(0);
      });

      it('nobody leaves at weekends: delayed counts only grow from Saturday to Monday midnight', () => {
        // Day 0 is a Monday. Midnight counts are the people fit since the window last closed:
        // 7 hours' worth on Tuesday to Saturday, 31 on Sunday, 55 on Monday (Friday 17:00 on).
        const delayed = dailyColumn(r, 'acute', 'delayed');
        const byWeekday = [0, 0, 0, 0, 0, 0, 0];
        const midnights = [0, 0, 0, 0, 0, 0, 0];
        for (let d = 7; d < H; d++) {
          byWeekday[d % 7] += delayed[d];
          midnights[d % 7]++;
          if (d % 7 === 6) expect(delayed[d], `Sunday ${d}`).toBeGreaterThanOrEqual(delayed[d - 1]);
          if (d % 7 === 0) expect(delayed[d], `Monday ${d}`).toBeGreaterThanOrEqual(delayed[d - 1]);
        }
        const hoursSinceClose = [55, 7, 7, 7, 7, 7, 31];
        byWeekday.forEach((total, wd) => {
          // Counts at different midnights cover disjoint stretches of a Poisson process.
          const mean = (midnights[wd] * LAMBDA * hoursSinceClose[wd]) / 24;
          expect(Math.abs(total - mean), `weekday ${wd}: ${total} vs ${mean}`).toBeLessThan(poissonHalfWidth(mean));
        });
      });

      it('mean fit-to-discharge time, same-day share and delay quantiles match the exact values', () => {
        const sd = Math.sqrt(meanSquare - meanWait ** 2);
        expect(Math.abs(metric(r, 'meanFitToDischargeDays') - meanWait)).toBeLessThan((Z * sd) / Math.sqrt(n));
        // Same calendar day: fit on a weekday before 17:00 (85 of the 168 hours).
        const sameDay = 85 / 168;
        expect(Math.abs(metric(r, 'sameDayDischargeShare') - sameDay)).toBeLessThan(Z * Math.sqrt((sameDay * (1 - sameDay)) / n));
        // Median: (128 - 5w) / 168 = 1/2 at w = 8.8 h; 90th percentile: (64 - w) / 168 = 0.1 at
        // w = 47.2 h. Standard error of a quantile: sqrt(p (1 - p) / n) / density, density 5/168
        // and 1/168 per hour there.
        const medianSe = hours(Math.sqrt(0.25 / n) * (168 / 5));
        const p90Se = hours(Math.sqrt(0.09 / n) * 168);
        expect(Math.abs(metric(r, 'delayLengthMedianDays') - hours(8.8))).toBeLessThan(Z * medianSe);
        expect(Math.abs(metric(r, 'delayLengthP90Days') - hours(47.2))).toBeLessThan(Z * p90Se);
        // Nobody waits beyond the weekend gap.
        expect(metric(r, 'delayLengthP90Days')).toBeLessThan(hours(64));
      });

      it('delay length bands hold the exact shares: P(wait > w) = ((64 - w)+ + 4 (16 - w)+) / 168 h', () => {
        const exact: Record<string, number> = { under1Day: 128 / 168, days1to2: 24 / 168, days2to4: 16 / 168, days4to7: 0, days7to14: 0, days14to21: 0, days21plus: 0 };
        for (const [band, p] of Object.entries(exact)) {
          expect(Math.abs(metric(r, `delayLengthShare.${band}`) - p), band).toBeLessThanOrEqual(Z * Math.sqrt((p * (1 - p)) / n));
        }
      });
    });
  }

  it('work of some length resumes after the weekend: 2 hours begun on Friday at 16:00 end on Monday at 10:00', () => {
    const WORK = 2; // hours
    const r = run(
      baseModel({ arrivals: { emergency: { perDay: LAMBDA } } }, everyone('P2', 4), {
        pathways: { P2: { to: 'stepDown', assessment: true } },
        assessment: { window, duration: { type: 'fixed', value: hours(WORK) } },
      }),
      { horizonDays: 7 * 60, warmupDays: 14, seed: 9 },
    );
    const n = metric(r, 'medicallyOptimised');
    const theory = weekdayWindowTheory(WORK);
    expect(theory.sameDay).toBeCloseTo(75 / 168, 12); // fit on a weekday before 15:00
    expect(Math.abs(metric(r, 'sameDayDischargeShare') - theory.sameDay)).toBeLessThan(Z * Math.sqrt((theory.sameDay * (1 - theory.sameDay)) / n));
    const sd = Math.sqrt(theory.meanSquare - theory.mean ** 2);
    expect(Math.abs(metric(r, 'meanFitToDischargeDays') - theory.mean)).toBeLessThan((Z * sd) / Math.sqrt(n));
    // Every wait is at least the 2 hours of work: the histogram has nothing below them.
    expect(metric(r, 'delayLengthMedianDays')).toBeGreaterThan(hours(WORK));
  });
});
