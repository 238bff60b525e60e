/**
 * Why a medically optimised person is still in an acute bed. Reasons are integer codes on the
 * hot path: the discharge process, referral and assessment, waiting for a place in setting s
 * (code REASON_AWAITING_OFFSET + s), then the reasons of the model's discharge steps, if it
 * lists them (code stepReasonCode). Their names are the members of the
 * `delayedBedDaysByReason.<reason>` metrics.
 *
 * The NHS records a delay's reason as internal to the hospital or external to it (NHS England,
 * discharge ready date and acute discharge situation report guidance): internal are the ward's
 * own tasks (discharge summary, medicines to take home, transport, therapy, a medical
 * decision); external are the council's or community team's assessment, community equipment
 * and housing, and a place in a service (reablement or home care, an intermediate-care bed, a
 * care home), including the provider's own assessment before it takes someone.
 *
 * @module
 */

/** Delay reason: the discharge process (paperwork, transport, medicines) as one task. */
export const REASON_DISCHARGE_PROCESS = 0;
/** Delay reason: waiting for referral and assessment. */
export const REASON_ASSESSMENT = 1;
/** Delay reasons from this index on mean "awaiting a place in setting (reason - offset)". */
export const REASON_AWAITING_OFFSET = 2;

/** The reasons a discharge step may carry, internal ones first. */
export const DISCHARGE_STEP_REASONS = ['dischargeSummary', 'medicines', 'transport', 'therapy', 'medicalDecision', 'equipment', 'housing'] as const;
/** A discharge step's reason. */
export type DischargeStepReason = (typeof DISCHARGE_STEP_REASONS)[number];

const INTERNAL = new Set<string>(['dischargeProcess', 'dischargeSummary', 'medicines', 'transport', 'therapy', 'medicalDecision']);

/** Whether a reason (by name) lies outside the hospital, as the NHS classes delays. */
export function isExternalReason(name: string): boolean {
  return !INTERNAL.has(name);
}

/** The name of the reason "waiting for a place in `setting`": `awaitingCareHome` for careHome. */
export function awaitingReason(setting: string): string {
  return `awaiting${setting.charAt(0).toUpperCase()}${setting.slice(1)}`;
}

/** The code of step reason `reason` among the model's step reasons `stepReasons`, for a model with `settings` settings. */
export function stepReasonCode(reason: string, stepReasons: readonly string[], settings: number): number {
  return REASON_AWAITING_OFFSET + settings + stepReasons.indexOf(reason);
}

/** Every reason's name, by code, for a model with these settings (in setting order) and step reasons. */
export function delayReasonNames(settings: readonly string[], stepReasons: readonly string[] = []): string[] {
  return ['dischargeProcess', 'assessment', ...settings.map(awaitingReason), ...stepReasons];
}
