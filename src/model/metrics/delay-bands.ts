/**
 * The bands of fit-to-discharge time that the `delayLengthShare.<band>` metrics report (elapsed
 * time), and the discharge ready date publication's bands of whole calendar days that the
 * `dischargeReadyDelayShare.<band>` metrics report: one home for their names and edges, read by the observations (which count them), the metric
 * registry (which names them) and the report (which draws them).
 *
 * @module
 */

/** A band of fit-to-discharge time, [from, to) days. */
export interface DelayLengthBand {
  name: string;
  from: number;
  to: number;
}

/**
 * Bands of fit-to-discharge time (days) reported as shares, after the NHS acute discharge
 * situation report's length-of-delay bands (under 1 day, 1, 2-3, 4-6, 7-13, 14-20, 21+ days).
 */
export const DELAY_LENGTH_BANDS: readonly DelayLengthBand[] = [
  { name: 'under1Day', from: 0, to: 1 },
  { name: 'days1to2', from: 1, to: 2 },
  { name: 'days2to4', from: 2, to: 4 },
  { name: 'days4to7', from: 4, to: 7 },
  { name: 'days7to14', from: 7, to: 14 },
  { name: 'days14to21', from: 14, to: 21 },
  { name: 'days21plus', from: 21, to: Infinity },
];

/**
 * The NHS discharge ready date publication's bands of whole calendar days from the day a
 * patient was ready to the day they left: 0, 1, 2-3, 4-6, 7-13, 14-20, 21+ (NHS England,
 * Discharge ready date, experimental statistics, 2024-).
 */
export const DISCHARGE_READY_BANDS: readonly DelayLengthBand[] = [
  { name: 'sameDay', from: 0, to: 1 },
  { name: 'day1', from: 1, to: 2 },
  { name: 'days2to3', from: 2, to: 4 },
  { name: 'days4to6', from: 4, to: 7 },
  { name: 'days7to13', from: 7, to: 14 },
  { name: 'days14to20', from: 14, to: 21 },
  { name: 'days21plus', from: 21, to: Infinity },
];
