/**
 * The ward's discharge work as steps with the NHS's reasons, and referral and assessment per
 * pathway.
 */
import { describe, expect, it } from 'vitest';
import { baseModel, binomialHalfWidth, configError, dailyValue, metric, run, runSystem } from './support.js';

const WINDOW = { horizonDays: 400, warmupDays: 20, seed: 9 };
const fixed = (value: number): { type: string; value: number } => ({ type: 'fixed', value });

describe('discharge steps', () => {
  it('run side by side: the step that ends last is the reason, for its whole length', () => {
    const r = run(
      baseModel({
        discharge: {
          steps: [
            { reason: 'transport', duration: fixed(0.2), pathways: ['P0'] },
            { reason: 'medicines', duration: fixed(0.5), pathways: ['P0'] },
          ],
        },
      }),
      WINDOW,
    );
    expect(metric(r, 'delayedBedDaysByReason.transport')).toBe(0);
    // Each P0 patient is delayed 0.5 days by medicines; 40% of 20 a day over 380 days.
    const p0 = metric(r, 'delayedBedDaysByReason.medicines') / 0.5;
    expect(Math.abs(p0 - 0.4 * 20 * 380)).toBeLessThan(4 * Math.sqrt(0.4 * 20 * 380) + 2);
    expect(metric(r, 'delayedBedDaysByReason.dischargeProcess')).toBe(0);
    expect(metric(r, 'externalDelayShare')).toBe(0);
  });

  it('are needed by their share of the patients on their pathways', () => {
    const r = run(
      baseModel({
        discharge: {
          steps: [
            { reason: 'transport', duration: fixed(0.2), pathways: ['P0'] },
            { reason: 'medicines', share: 0.3, duration: fixed(0.5), pathways: ['P0'] },
          ],
        },
      }),
      WINDOW,
    );
    const medicines = metric(r, 'delayedBedDaysByReason.medicines') / 0.5;
    const transport = metric(r, 'delayedBedDaysByReason.transport') / 0.2;
    const n = medicines + transport;
    expect(Math.abs(medicines / n - 0.3)).toBeLessThan(binomialHalfWidth(0.3, n) + 2 / n);
  });

  it('come before the referral on the pathways that list them, and count as internal or external', () => {
    const r = run(
      baseModel({
        pathways: { P1: { assessment: true } },
        assessment: { referralDelay: fixed(1) },
        discharge: {
          steps: [
            { reason: 'therapy', duration: fixed(0.5), pathways: ['P1'] },
            { reason: 'equipment', duration: fixed(0.25), pathways: ['P1'], share: 1 },
          ],
        },
      }),
      WINDOW,
    );
    const therapy = metric(r, 'delayedBedDaysByReason.therapy');
    const assessment = metric(r, 'delayedBedDaysByReason.assessment');
    // Every P1 patient: 0.5 days of therapy (equipment, shorter, is not the reason), then 1 day's referral.
    expect(assessment / therapy).toBeCloseTo(2, 1);
    expect(metric(r, 'delayedBedDaysByReason.equipment')).toBe(0);
    expect(metric(r, 'externalDelayShare')).toBeCloseTo(assessment / metric(r, 'delayedBedDays'), 12);
  });

  it('are counted each day by reason: the reasons add up to the acute row of the daily series', () => {
    const r = run(
      baseModel({
        pathways: { P1: { assessment: true } },
        assessment: { referralDelay: fixed(1) },
        discharge: {
          steps: [
            { reason: 'medicines', duration: fixed(0.3), pathways: ['P0'], share: 0.5 },
            { reason: 'therapy', duration: fixed(0.5), pathways: ['P1'] },
          ],
        },
      }),
      WINDOW,
    );
    const { reasons, reasonValues, days } = r.daily;
    // The reasons are those of the metrics, in their order.
    expect(reasons).toEqual(Object.keys(r.metrics).flatMap((m) => (m.startsWith('delayedBedDaysByReason.') ? [m.slice(23)] : [])));
    const internal = ['dischargeProcess', 'medicines', 'therapy'].map((x) => reasons.indexOf(x)).filter((k) => k >= 0);
    let seen = 0;
    for (let d = 1; d < days; d++) {
      const row = reasonValues.subarray(d * reasons.length, (d + 1) * reasons.length);
      const total = row.reduce((a, b) => a + b, 0);
      expect(total, `day ${d}`).toBe(dailyValue(r, 'acute', 'delayed', d));
      expect(
        internal.reduce((a, k) => a + row[k], 0),
        `day ${d}`,
      ).toBe(dailyValue(r, 'acute', 'dischargeProcess', d));
      seen += row[reasons.indexOf('therapy')] + row[reasons.indexOf('assessment')];
    }
    expect(seen).toBeGreaterThan(0); // the patients waiting overnight are there, by reason
  });
});

describe('assessment per pathway', () => {
  it("uses a pathway's own referral delay and the model's for the others", () => {
    const r = run(
      baseModel({
        pathways: { P1: { assessment: true }, P2: { assessment: true, referralDelay: fixed(3) } },
        assessment: { referralDelay: fixed(1) },
      }),
      WINDOW,
    );
    // 30% of arrivals on P1 wait 1 day, 20% on P2 wait 3 days.
    const p1 = metric(r, 'delayedBedDaysByPathway.P1');
    const p2 = metric(r, 'delayedBedDaysByPathway.P2');
    const ratio = p2 / 3 / (p1 / 1);
    expect(Math.abs(ratio - 2 / 3)).toBeLessThan(0.08);
  });

  it('is refused where it could never apply, and steps beside a process are refused', () => {
    const p0 = configError(() => baseModel({ pathways: { P0: { referralDelay: fixed(1) } } }));
    expect(p0.field).toBe('pathways.P0.referralDelay');
    const both = configError(() => baseModel({ discharge: { process: fixed(0.1), steps: [{ reason: 'medicines', duration: fixed(0.1) }] } }));
    expect(both.field).toBe('discharge.steps');
    const reason = configError(() => baseModel({ discharge: { steps: [{ reason: 'paperwork', duration: fixed(0.1) }] } }));
    expect(reason.field).toBe('discharge.steps.0.reason');
    expect(reason.reason).toMatch(/medicines/);
  });
});

describe('the review window', () => {
  it('declares a patient medically optimised at the first review after their clinical stay ends', () => {
    // Stays of exactly 4 days from arrivals spread evenly over the day; reviews 09:00-10:00.
    // A stay ending outside the hour waits for the next 09:00: on average 11.5 hours, 23 times in 24.
    const review = { startHour: 9, endHour: 10, days: [0, 1, 2, 3, 4, 5, 6] };
    const system = runSystem(baseModel({ discharge: { reviewWindow: review } }), WINDOW);
    const acute = system.resources[0];
    const extra = (23 / 24) * (11.5 / 24);
    // The wait to the review is uniform on 0-23 hours (sd 6.64 hours) for 23 in 24 stays.
    const sd = Math.sqrt((23 / 24) * ((23 / 24) ** 2 / 3) - extra ** 2);
    expect(Math.abs(acute.holdingTimes.mean() - (4 + extra))).toBeLessThan((4 * sd) / Math.sqrt(acute.holdingTimes.count));
  });
});
