import { describe, expect, it } from 'vitest';
import { Calendar, WEEKDAY_NAMES, type WorkingWindow } from '../../src/engine/calendar.js';

const HOUR = 1 / 24;
/** Monday 2025-01-06: time 0 is a Monday midnight, so day d of week w is 7w + d. */
const START = '2025-01-06';
const OFFICE: WorkingWindow = { startHour: 9, endHour: 17, days: [0, 1, 2, 3, 4] };
/** Results built from sums of fractions of a day are equal only up to rounding. */
const DIGITS = 10;

/** Weekday (Monday = 0) of the date `days` after `iso`, from Date alone: an independent oracle. */
function weekdayByDate(iso: string, days: number): number {
  const [y, m, d] = iso.split('-').map(Number);
  return (new Date(Date.UTC(y, m - 1, d + days)).getUTCDay() + 6) % 7;
}

/**
 * addWorkingTime by brute force in whole minutes, for a calendar starting at `startIso`: walk
 * minute by minute from t, counting the minutes inside the window (weekdays from Date, not from
 * the Calendar under test), until `minutes` have been worked.
 */
function workingTimeByMinutes(startIso: string, tMinutes: number, minutes: number, w: WorkingWindow): number {
  const isOpenMinute = (m: number): boolean => {
    const day = Math.floor(m / 1440);
    const minuteOfDay = m - day * 1440;
    return w.days.includes(weekdayByDate(startIso, day)) && minuteOfDay >= w.startHour * 60 && minuteOfDay < w.endHour * 60;
  };
  let m = tMinutes;
  let worked = 0;
  while (worked < minutes) {
    if (isOpenMinute(m)) worked++;
    m++;
  }
  return m / 1440;
}

describe('Calendar', () => {
  it('knows the weekday of the start date', () => {
    expect(new Calendar('2025-01-06').dayOfWeek(0)).toBe(0); // Monday
    expect(new Calendar('2025-01-01').dayOfWeek(0)).toBe(2); // Wednesday
    expect(new Calendar('2024-02-29').dayOfWeek(0)).toBe(3); // Thursday
    expect(new Calendar('2000-01-01').dayOfWeek(0)).toBe(5); // Saturday
    expect(new Calendar('2025-01-05').dayOfWeek(0)).toBe(6); // Sunday
    expect(WEEKDAY_NAMES[new Calendar(START).dayOfWeek(4)]).toBe('Fri');
  });

  it('gives the weekday across weeks and for negative times', () => {
    const cal = new Calendar(START);
    expect(cal.dayOfWeek(7)).toBe(0);
    expect(cal.dayOfWeek(13.99)).toBe(6);
    expect(cal.dayOfWeek(-0.001)).toBe(6); // the Sunday before the start
    expect(cal.dayOfWeek(-1)).toBe(6);
    expect(cal.dayOfWeek(-7)).toBe(0);
    expect(cal.dayOfWeek(-8.5)).toBe(5);
    for (const iso of [START, '2024-12-31', '1999-03-14']) {
      const c = new Calendar(iso);
      for (let d = -60; d <= 60; d++) {
        expect(c.dayOfWeek(d + 0.5)).toBe(weekdayByDate(iso, d));
      }
    }
  });

  it('gives the hour of the day, also before the start', () => {
    const cal = new Calendar(START);
    expect(cal.hourOfDay(0)).toBe(0);
    expect(cal.hourOfDay(0.5)).toBe(12);
    expect(cal.hourOfDay(3.75)).toBe(18);
    expect(cal.hourOfDay(-0.25)).toBe(18); // 18:00 on the day before
    expect(cal.hourOfDay(10 + 7 * HOUR)).toBeCloseTo(7, DIGITS);
  });

  it('tells weekends', () => {
    const cal = new Calendar(START);
    const weekend = [0, 1, 2, 3, 4, 5, 6].map((d) => cal.isWeekend(d + 0.5));
    expect(weekend).toEqual([false, false, false, false, false, true, true]);
    expect(cal.isWeekend(-1)).toBe(true);
    expect(cal.isWeekend(-3)).toBe(false); // Friday before the start
  });

  it('gives the month across a year boundary and through a leap day', () => {
    const dec = new Calendar('2024-12-30');
    expect(dec.monthOf(0)).toBe(11);
    expect(dec.monthOf(1.9)).toBe(11); // 2024-12-31
    expect(dec.monthOf(2)).toBe(0); // 2025-01-01
    expect(dec.isoDateAt(2)).toBe('2025-01-01');
    expect(dec.monthOf(-30)).toBe(10); // 2024-11-30

    const leap = new Calendar('2024-02-28');
    expect(leap.isoDateAt(1)).toBe('2024-02-29');
    expect(leap.monthOf(1)).toBe(1);
    expect(leap.monthOf(2)).toBe(2);
    expect(leap.isoDateAt(2)).toBe('2024-03-01');
    const plain = new Calendar('2025-02-28');
    expect(plain.isoDateAt(1)).toBe('2025-03-01');
    expect(plain.monthOf(1)).toBe(2);
  });

  it('converts dates to times', () => {
    const cal = new Calendar(START);
    expect(cal.timeOf(START)).toBe(0);
    expect(cal.timeOf('2025-01-13')).toBe(7);
    expect(cal.timeOf('2025-01-01')).toBe(-5);
    expect(cal.timeOf('2026-01-06')).toBe(365);
    expect(new Calendar('2024-01-01').timeOf('2025-01-01')).toBe(366); // leap year
    expect(cal.isoDateAt(cal.timeOf('2025-03-01'))).toBe('2025-03-01');
    expect(() => cal.timeOf('2025-02-30')).toThrow(RangeError);
  });

  it('rejects dates that are not real dates written YYYY-MM-DD', () => {
    for (const bad of [
      '2025-02-30',
      '2023-02-29', // not a leap year
      '2025-13-01',
      '2025-00-10',
      '2025-01-00',
      '2025-1-5',
      '25-01-05',
      '2025/01/05',
      '2025-01-06T00:00',
      ' 2025-01-06',
      '',
    ]) {
      expect(() => new Calendar(bad), bad).toThrow(RangeError);
    }
    expect(new Calendar('2024-02-29').startDate).toBe('2024-02-29');
  });

  describe('working windows', () => {
    const cal = new Calendar(START);

    it('is open from the start hour up to, not including, the end hour', () => {
      // Over several weeks: the closing instant is computed as day + 17/24, which rounding can
      // turn into 16.999... hours; it must still count as closed.
      for (let week = 0; week < 20; week++) {
        for (let d = 0; d < 5; d++) {
          const day = 7 * week + d;
          expect(cal.isOpen(day + 9 * HOUR, OFFICE)).toBe(true);
          expect(cal.isOpen(day + 16.99 * HOUR, OFFICE)).toBe(true);
          // 17:00 and 9:00 written three ways, each of which rounds differently.
          for (const close of [day + 17 * HOUR, day + 17 / 24, (day * 24 + 17) / 24]) {
            expect(cal.isOpen(close, OFFICE), `day ${day} 17:00`).toBe(false);
          }
          for (const open of [day + 9 * HOUR, day + 9 / 24, (day * 24 + 9) / 24]) {
            expect(cal.isOpen(open, OFFICE), `day ${day} 9:00`).toBe(true);
          }
          // A tenth of a second before closing is still open; a tenth before opening is not.
          expect(cal.isOpen(day + 17 / 24 - 0.1 / 86_400, OFFICE)).toBe(true);
          expect(cal.isOpen(day + 9 / 24 - 0.1 / 86_400, OFFICE)).toBe(false);
          expect(cal.isOpen(day + 8.99 * HOUR, OFFICE)).toBe(false);
          expect(cal.isOpen(day + 3 * HOUR, OFFICE)).toBe(false);
        }
        expect(cal.isOpen(7 * week + 5 + 10 * HOUR, OFFICE)).toBe(false); // Saturday
        expect(cal.isOpen(7 * week + 6 + 10 * HOUR, OFFICE)).toBe(false); // Sunday
      }
    });

    it('nextOpen returns t itself inside the window', () => {
      const t = 2 + 11.5 * HOUR;
      expect(cal.nextOpen(t, OFFICE)).toBe(t);
    });

    it('nextOpen moves to the opening on the same day, or the next open day', () => {
      expect(cal.nextOpen(7 * HOUR, OFFICE)).toBeCloseTo(9 * HOUR, DIGITS); // Monday before 9
      expect(cal.nextOpen(1 + 18 * HOUR, OFFICE)).toBeCloseTo(2 + 9 * HOUR, DIGITS); // Tue evening
      expect(cal.nextOpen(4 + 19 * HOUR, OFFICE)).toBeCloseTo(7 + 9 * HOUR, DIGITS); // Fri evening
      expect(cal.nextOpen(5 + 12 * HOUR, OFFICE)).toBeCloseTo(7 + 9 * HOUR, DIGITS); // Saturday
      expect(cal.nextOpen(-0.5, OFFICE)).toBeCloseTo(9 * HOUR, DIGITS); // Sunday before the start
    });

    it('nextOpen treats the closing instant as closed', () => {
      // Friday 17:00 (day 4) and Friday of week 4 (day 25), where day + 17/24 rounds below 17:00.
      expect(cal.nextOpen(4 + 17 * HOUR, OFFICE)).toBeCloseTo(7 + 9 * HOUR, DIGITS);
      expect(cal.nextOpen(25 + 17 * HOUR, OFFICE)).toBeCloseTo(28 + 9 * HOUR, DIGITS);
    });

    it('nextOpen waits a full week for a window open one day a week', () => {
      const wednesdays: WorkingWindow = { startHour: 10, endHour: 12, days: [2] };
      expect(cal.nextOpen(2 + 13 * HOUR, wednesdays)).toBeCloseTo(9 + 10 * HOUR, DIGITS);
      expect(cal.nextOpen(3, wednesdays)).toBeCloseTo(9 + 10 * HOUR, DIGITS);
    });

    it('a round-the-clock window is always open', () => {
      const always: WorkingWindow = { startHour: 0, endHour: 24, days: [0, 1, 2, 3, 4, 5, 6] };
      for (const t of [0, 0.3, 5.999, 6 - 1e-12, -2.5]) expect(cal.nextOpen(t, always)).toBe(t);
      // Work then runs straight through midnights.
      expect(cal.addWorkingTime(0.5, 10, always)).toBeCloseTo(10.5, DIGITS);
    });

    it('addWorkingTime: Friday 16:00 + 2 working hours is Monday 10:00', () => {
      // This example used to loop forever: 17:00 on day 4 was taken to be inside the window.
      expect(cal.addWorkingTime(4 + 16 * HOUR, 2 * HOUR, OFFICE)).toBeCloseTo(7 + 10 * HOUR, DIGITS);
      expect(cal.addWorkingTime(25 + 16 * HOUR, 2 * HOUR, OFFICE)).toBeCloseTo(28 + 10 * HOUR, DIGITS);
    });

    it('addWorkingTime within one day, and ending exactly at closing', () => {
      expect(cal.addWorkingTime(1 + 10 * HOUR, 3 * HOUR, OFFICE)).toBeCloseTo(1 + 13 * HOUR, DIGITS);
      expect(cal.addWorkingTime(1 + 10 * HOUR, 7 * HOUR, OFFICE)).toBeCloseTo(1 + 17 * HOUR, DIGITS);
      // Started before opening, work begins at 9:00.
      expect(cal.addWorkingTime(1 + 6 * HOUR, 1 * HOUR, OFFICE)).toBeCloseTo(1 + 10 * HOUR, DIGITS);
    });

    it('addWorkingTime of zero is t inside the window, the next opening outside it', () => {
      const inside = 3 + 14 * HOUR;
      expect(cal.addWorkingTime(inside, 0, OFFICE)).toBe(inside);
      expect(cal.addWorkingTime(5 + 12 * HOUR, 0, OFFICE)).toBeCloseTo(7 + 9 * HOUR, DIGITS);
    });

    it('addWorkingTime longer than a week', () => {
      // 45 hours from Monday 9:00 at 40 hours a week: next Monday 14:00.
      expect(cal.addWorkingTime(9 * HOUR, 45 * HOUR, OFFICE)).toBeCloseTo(7 + 14 * HOUR, DIGITS);
      // 100 hours from Wednesday 12:00: 5 that day, then 11 full days (88) by the Thursday of
      // the third week, leaves 7 for Friday day 18: 16:00.
      expect(cal.addWorkingTime(2 + 12 * HOUR, 100 * HOUR, OFFICE)).toBeCloseTo(18 + 16 * HOUR, DIGITS);
    });

    it('addWorkingTime agrees with a minute-by-minute count', () => {
      const windows: WorkingWindow[] = [
        OFFICE,
        { startHour: 8, endHour: 20, days: [0, 1, 2, 3, 4, 5] },
        { startHour: 22, endHour: 24, days: [6] },
        { startHour: 0, endHour: 6, days: [1, 3] },
      ];
      // A fixed, irregular set of start minutes and durations (a linear congruential walk).
      let seed = 12345;
      const next = (mod: number): number => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed % mod;
      };
      for (const w of windows) {
        for (let i = 0; i < 25; i++) {
          const startMinute = next(14 * 1440) - 7 * 1440; // from a week before the start date
          const minutes = 1 + next(60 * 60); // up to 60 working hours
          const expected = workingTimeByMinutes(START, startMinute, minutes, w);
          const got = cal.addWorkingTime(startMinute / 1440, minutes / 1440, w);
          expect(got, `window ${w.startHour}-${w.endHour}, start ${startMinute}, ${minutes} min`).toBeCloseTo(expected, 8);
        }
      }
    });

    it('rejects bad windows and bad durations', () => {
      const bad: WorkingWindow[] = [
        { startHour: 9, endHour: 9, days: [0] },
        { startHour: 17, endHour: 9, days: [0] },
        { startHour: -1, endHour: 9, days: [0] },
        { startHour: 9, endHour: 25, days: [0] },
        { startHour: NaN, endHour: 17, days: [0] },
        { startHour: 9, endHour: 17, days: [] },
        { startHour: 9, endHour: 17, days: [7] },
        { startHour: 9, endHour: 17, days: [-1] },
        { startHour: 9, endHour: 17, days: [1.5] },
      ];
      for (const w of bad) {
        expect(() => cal.nextOpen(0, w), JSON.stringify(w)).toThrow(RangeError);
        expect(() => cal.addWorkingTime(0, HOUR, w), JSON.stringify(w)).toThrow(RangeError);
      }
      expect(() => cal.addWorkingTime(0, -HOUR, OFFICE)).toThrow(RangeError);
      expect(() => cal.addWorkingTime(0, NaN, OFFICE)).toThrow(RangeError);
      // Would never finish: rejected rather than looping.
      expect(() => cal.addWorkingTime(0, Infinity, OFFICE)).toThrow(RangeError);
      expect(() => cal.nextOpen(NaN, OFFICE)).toThrow(RangeError);
    });
  });
});
