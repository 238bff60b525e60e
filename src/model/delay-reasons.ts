/**
 * Why a medically optimised person is still in an acute bed. Reasons are integer codes on the
 * hot path: the discharge process, referral and assessment, or waiting for a place in setting s
 * (code REASON_AWAITING_OFFSET + s). Their names are the members of the
 * `delayedBedDaysByReason.<reason>` metrics.
 *
 * @module
 */

/** Delay reason: the discharge process (paperwork, transport, medicines) of a P0 discharge. */
export const REASON_DISCHARGE_PROCESS = 0;
/** Delay reason: waiting for referral and assessment. */
export const REASON_ASSESSMENT = 1;
/** Delay reasons from this index on mean "awaiting a place in setting (reason - offset)". */
export const REASON_AWAITING_OFFSET = 2;

/**
 * Whether a reason lies outside the hospital, as the NHS classes delays: waiting for a place in
 * a service (or for its provider's own assessment) and for the council's or community team's
 * referral and assessment are external; the ward's own discharge process (summary, medicines,
 * transport) is internal.
 */
export function isExternalReason(reason: number): boolean {
  return reason !== REASON_DISCHARGE_PROCESS;
}

/** The name of the reason "waiting for a place in `setting`": `awaitingCareHome` for careHome. */
export function awaitingReason(setting: string): string {
  return `awaiting${setting.charAt(0).toUpperCase()}${setting.slice(1)}`;
}

/** Every reason's name, by code, for a model with these settings (in setting order). */
export function delayReasonNames(settings: readonly string[]): string[] {
  return ['dischargeProcess', 'assessment', ...settings.map(awaitingReason)];
}
