/**
 * Delays measured as England's national data measure them, so that the model can be calibrated
 * to them and compared with them:
 *
 * - the discharge ready date (DRD) publication (NHS England, from 2024) counts, per patient
 *   discharged alive, the whole calendar days from the day they were ready to the day they left,
 *   in bands 0, 1, 2-3, 4-6, 7-13, 14-20 and 21+ days;
 * - the daily acute discharge situation report counts, at a daily snapshot, the patients who no
 *   longer meet the criteria to reside, and how many of them are discharged by the next one.
 *
 * The second is a stock ratio, not a per-patient share: long stayers are counted on every day
 * of their stay, so it is much lower than the DRD same-day share. Both come from the same
 * simulated people here. Nothing is kept per person: counts go into fixed arrays.
 *
 * @module
 */
import { DISCHARGE_READY_BANDS } from './metrics/delay-bands.js';

// Whole-day delays 0..20 each have a slot; 21 and more share the last.
const SLOTS = 22;

/** DRD-style and situation-report-style counts of one replication's results window. */
export class DischargeReadyDelays {
  private readonly discharges = new Float64Array(SLOTS);
  private readonly delayDays = new Float64Array(SLOTS);
  private snapshotPatients = 0;
  private dischargedBySnapshot = 0;

  constructor(private windowStart: number) {}

  /** Forgets everything: the results window starts at `now`. */
  startWindow(now: number): void {
    this.windowStart = now;
    this.discharges.fill(0);
    this.delayDays.fill(0);
    this.snapshotPatients = this.dischargedBySnapshot = 0;
  }

  /**
   * A patient ready since `readyAt` left the acute bed alive at `now` (inside the window). The
   * delay is counted in calendar days, as the DRD publication counts it; and if they were
   * already ready at the last midnight they were in that night's snapshot.
   */
  discharged(now: number, readyAt: number): void {
    const today = Math.floor(now);
    const days = today - Math.floor(readyAt);
    const slot = days < SLOTS - 1 ? days : SLOTS - 1;
    this.discharges[slot]++;
    this.delayDays[slot] += days;
    if (readyAt < today && today > this.windowStart) this.dischargedBySnapshot++;
  }

  /**
   * The daily snapshot at midnight `now`: `notMeetingCriteria` patients are medically
   * optimised and still in an acute bed. Counted for the midnights whose following day the
   * window measures in full (after its start, before the horizon).
   */
  snapshot(now: number, notMeetingCriteria: number, horizon: number): void {
    if (now > this.windowStart && now < horizon - 1e-9) this.snapshotPatients += notMeetingCriteria;
  }

  /** Adds this window's metrics to `m`. */
  addMetrics(m: Record<string, number>): void {
    let total = 0;
    let delayed = 0;
    let delayedDays = 0;
    for (let i = 0; i < SLOTS; i++) {
      total += this.discharges[i];
      delayedDays += this.delayDays[i];
      if (i > 0) delayed += this.discharges[i];
    }
    for (const band of DISCHARGE_READY_BANDS) {
      let n = 0;
      let days = 0;
      for (let i = band.from; i < Math.min(SLOTS, band.to); i++) {
        n += this.discharges[i];
        days += this.delayDays[i];
      }
      m[`dischargeReadyDelayShare.${band.name}`] = total > 0 ? n / total : 0;
      m[`dischargeReadyDelayBedDaysShare.${band.name}`] = delayedDays > 0 ? days / delayedDays : 0;
    }
    m.meanDelayOfDelayedDays = delayed > 0 ? delayedDays / delayed : 0;
    m.sitrepDischargedShare = this.snapshotPatients > 0 ? this.dischargedBySnapshot / this.snapshotPatients : 0;
  }
}
