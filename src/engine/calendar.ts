/**
 * The calendar: simulation time counts days from a start date (midnight, UTC), so that a model
 * can ask the day of the week, the hour, the month, and when a working window next opens.
 *
 * Dates are handled in UTC throughout so that results never depend on the machine's time zone
 * or on clock changes.
 *
 * @module
 */

const MS_PER_DAY = 86_400_000;

/**
 * Times closer than this (in days, about 0.1 ms) to the opening or closing of a working window
 * count as that instant: far below anything a model resolves, and far above the rounding of
 * `day + hour / 24`, which stays below 1e-10 days for times under a million days.
 */
const TIME_TOLERANCE = 1e-9;

/** Days of the week, Monday = 0 to Sunday = 6 (ISO order). */
export const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** A daily working window: hours [startHour, endHour) on the given days of the week. */
export interface WorkingWindow {
  /** Hour the window opens, 0 to 24. */
  startHour: number;
  /** Hour the window closes, after startHour, at most 24. */
  endHour: number;
  /** Days it is open, Monday = 0 to Sunday = 6. */
  days: readonly number[];
}

/** Maps simulation time (days since the start date) to dates, weekdays and hours. */
export class Calendar {
  /** The start date as an ISO string (YYYY-MM-DD). */
  readonly startDate: string;
  private readonly startMs: number;
  private readonly startWeekday: number;
  // Month of each day from the start, filled on first use: arrivals ask for it millions of
  // times, and building a Date each time would allocate on the hot path.
  private months = new Int8Array(0);

  /** @param startDate an ISO date, YYYY-MM-DD; time 0 is its midnight (UTC) */
  constructor(startDate: string) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(startDate);
    const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
    if (!match || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== startDate) {
      throw new RangeError(`calendar start date must be a real date written YYYY-MM-DD, got "${startDate}"`);
    }
    this.startDate = startDate;
    this.startMs = ms;
    // getUTCDay has Sunday = 0; shift to Monday = 0.
    this.startWeekday = (new Date(ms).getUTCDay() + 6) % 7;
  }

  /** Whole days elapsed since the start (day 0 is the start date). */
  dayIndex(t: number): number {
    return Math.floor(t);
  }

  /** Day of the week at time t, Monday = 0 to Sunday = 6. */
  dayOfWeek(t: number): number {
    return (this.startWeekday + (Math.floor(t) % 7) + 7) % 7;
  }

  /** Whether time t falls on a Saturday or Sunday. */
  isWeekend(t: number): boolean {
    return this.dayOfWeek(t) >= 5;
  }

  /** Hour of the day at time t, a fraction in [0, 24). */
  hourOfDay(t: number): number {
    return (t - Math.floor(t)) * 24;
  }

  /** The calendar date at time t (a Date at UTC midnight of that day). */
  dateAt(t: number): Date {
    return new Date(this.startMs + Math.floor(t) * MS_PER_DAY);
  }

  /** The ISO date (YYYY-MM-DD) at time t. */
  isoDateAt(t: number): string {
    return this.dateAt(t).toISOString().slice(0, 10);
  }

  /** Month at time t, January = 0 to December = 11. */
  monthOf(t: number): number {
    const day = Math.floor(t);
    if (day < 0) return this.dateAt(t).getUTCMonth();
    if (day >= this.months.length) this.fillMonths(day);
    return this.months[day];
  }

  private fillMonths(upTo: number): void {
    const months = new Int8Array(Math.max(upTo + 1, this.months.length * 2, 366));
    months.set(this.months);
    for (let d = this.months.length; d < months.length; d++) months[d] = this.dateAt(d).getUTCMonth();
    this.months = months;
  }

  /** Years elapsed since the start, as a fraction (365.25-day years), for yearly trends. */
  yearsSinceStart(t: number): number {
    return t / 365.25;
  }

  /** Simulation time of midnight at the start of an ISO date (may be negative if before the start). */
  timeOf(isoDate: string): number {
    const other = new Calendar(isoDate);
    return (other.startMs - this.startMs) / MS_PER_DAY;
  }

  /** Whether time t lies inside the working window. */
  isOpen(t: number, window: WorkingWindow): boolean {
    // 17:00 is not a double: day + 17/24, day + 17 * (1/24) and (day * 24 + 17) / 24 can each
    // land an ulp either side of it, and (t - day) * 24 can turn it into 16.999... hours. Read
    // exactly, the closing instant then counted as open, and addWorkingTime looped forever.
    // So the bounds are compared with a tolerance, on the fraction of the day (exact to compute).
    const fraction = t - Math.floor(t);
    return window.days.includes(this.dayOfWeek(t)) && fraction >= window.startHour / 24 - TIME_TOLERANCE && (window.endHour === 24 || fraction < window.endHour / 24 - TIME_TOLERANCE);
  }

  /**
   * The earliest time at or after t when the working window is open (t itself if it is open).
   * Throws if the window is never open.
   */
  nextOpen(t: number, window: WorkingWindow): number {
    checkWindow(window);
    // A NaN or infinite time would otherwise fall through the search to "never opens".
    if (!Number.isFinite(t)) throw new RangeError(`time must be a finite number, got ${t}`);
    if (this.isOpen(t, window)) return t;
    const day = Math.floor(t);
    for (let d = 0; d <= 7; d++) {
      const opens = day + d + window.startHour / 24;
      if (opens >= t && window.days.includes(this.dayOfWeek(day + d))) return opens;
    }
    throw new RangeError('working window never opens'); // unreachable after checkWindow
  }

  /**
   * The time at which `duration` days of work, started at t, are done when work only happens
   * inside the working window (an assessment of two working hours begun at 16:00 on a Friday,
   * with a 9-to-17 weekday window, ends at 10:00 on Monday). Work cannot start before the
   * window opens, so a zero duration started outside the window is done when it next opens.
   */
  addWorkingTime(t: number, duration: number, window: WorkingWindow): number {
    // An infinite duration would never be done: reject it rather than loop forever.
    if (!(duration >= 0 && duration < Infinity)) {
      throw new RangeError(`working duration must be a finite number >= 0, got ${duration}`);
    }
    let now = this.nextOpen(t, window);
    let left = duration;
    for (;;) {
      const day = Math.floor(now);
      const closes = day + window.endHour / 24;
      const available = closes - now;
      // Work that ends at closing time (to rounding) ends today, not at the next opening.
      if (left <= available + TIME_TOLERANCE) return now + Math.min(left, available);
      left -= available;
      // Resume from the next midnight rather than from `closes`, so that the search always moves
      // on a day whatever rounding does to the closing instant.
      now = this.nextOpen(day + 1, window);
    }
  }
}

function checkWindow(window: WorkingWindow): void {
  const { startHour, endHour, days } = window;
  if (!(startHour >= 0 && endHour <= 24 && startHour < endHour)) {
    throw new RangeError(`working window hours must satisfy 0 <= startHour < endHour <= 24, got ${startHour} to ${endHour}`);
  }
  if (days.length === 0 || days.some((d) => !Number.isInteger(d) || d < 0 || d > 6)) {
    throw new RangeError(`working window days must be a non-empty list of 0 (Monday) to 6 (Sunday), got [${days.join(', ')}]`);
  }
}
