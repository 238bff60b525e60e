/**
 * The decisions policies make about one person, each drawn from a stream of that person's own
 * (see run/stream-salts.ts), so that switching a policy on changes no other draw of the same person:
 * is their arrival prevented, are they redirected to another service, do they get seven-day
 * working or discharge to assess, does their route out of a service shift.
 *
 * @module
 */
import type { WorkingWindow } from '../engine/calendar.js';
import type { EntityStream } from '../engine/random/entity-stream.js';
import type { SettingCapacity } from './capacity/setting-capacity.js';
import type { CompiledModel } from './compile.js';
import { FLAG_DISCHARGE_TO_ASSESS, FLAG_SEVEN_DAY, type PatientTable } from './patients.js';
import { EPISODE_SALT, SALT_DEMAND, SALT_POLICY_FLAGS, SALT_REDIRECT } from './run/stream-salts.js';
import type { CompiledPolicies } from './policies/compile-effects.js';
import { maxValue, productAt, valueAt } from './policies/profile.js';

const ALL_WEEK = [0, 1, 2, 3, 4, 5, 6];

/** Policy decisions for the people of one run. */
export class PolicyDecisions {
  private readonly policies: CompiledPolicies;
  private readonly sevenDayDischargeWindow: WorkingWindow | null;
  private readonly sevenDayAssessmentWindow: WorkingWindow | null;
  private readonly sevenDayPathwayWindows: (WorkingWindow | null)[];
  private readonly sevenDayStepWindows: (WorkingWindow | null)[];

  constructor(
    private readonly model: CompiledModel,
    private readonly patients: PatientTable,
    private readonly person: EntityStream,
    private readonly capacities: readonly SettingCapacity[],
  ) {
    this.policies = model.policies;
    this.sevenDayDischargeWindow = allWeek(model.dischargeWindow);
    this.sevenDayAssessmentWindow = allWeek(model.assessmentWindow);
    this.sevenDayPathwayWindows = model.pathwayAssessmentWindow.map(allWeek);
    this.sevenDayStepWindows = (model.dischargeSteps ?? []).map((step) => allWeek(step.window));
  }

  /** Prevention: whether this would-be arrival stays well (a policy lowered their group's demand). */
  prevented(p: number, now: number): boolean {
    const factors = this.policies.demand[this.patients.group[p]];
    if (factors === null) return false;
    this.person.open(this.patients.identity[p], SALT_DEMAND + EPISODE_SALT * this.patients.episode[p]);
    return this.person.uniform() >= productAt(factors, now);
  }

  /** The setting a person asking for `wanted` is sent to (policies may redirect them). */
  redirected(p: number, wanted: number, now: number): number {
    const redirects = this.policies.redirects[wanted];
    if (redirects.length === 0) return wanted;
    const patients = this.patients;
    this.person.open(patients.identity[p], SALT_REDIRECT + wanted + EPISODE_SALT * patients.episode[p]);
    for (const r of redirects) {
      const u = this.person.uniform();
      const eligible = r.groups[patients.group[p]] && patients.plannedStay[p] <= r.maxPlannedStay;
      if (eligible && u < valueAt(r.share, now) && (!r.onlyIfRoom || this.hasRoom(r.to))) return r.to;
    }
    return wanted;
  }

  /** Which policies apply to this person's discharge (seven-day working, discharge to assess). */
  flags(p: number, now: number): number {
    const policies = this.policies;
    const d2a = policies.dischargeToAssess;
    if (policies.sevenDay.length === 0 && d2a === null) return 0;
    this.person.open(this.patients.identity[p], SALT_POLICY_FLAGS + EPISODE_SALT * this.patients.episode[p]);
    const sevenDayDraw = this.person.uniform();
    const d2aDraw = this.person.uniform();
    let flags = 0;
    let weekday = 1; // chance of weekday-only working: every seven-day policy must miss the person
    for (const share of policies.sevenDay) weekday *= 1 - valueAt(share, now);
    if (sevenDayDraw < 1 - weekday) flags |= FLAG_SEVEN_DAY;
    if (d2a !== null && d2a.pathways.includes(this.patients.pathway[p]) && d2aDraw < valueAt(d2a.share, now)) flags |= FLAG_DISCHARGE_TO_ASSESS;
    return flags;
  }

  /** The discharge process's window for a person with these flags. */
  dischargeWindow(flags: number): WorkingWindow | null {
    return (flags & FLAG_SEVEN_DAY) !== 0 ? this.sevenDayDischargeWindow : this.model.dischargeWindow;
  }

  /** The providers' own assessments' window for a person with these flags. */
  assessmentWindow(flags: number): WorkingWindow | null {
    return (flags & FLAG_SEVEN_DAY) !== 0 ? this.sevenDayAssessmentWindow : this.model.assessmentWindow;
  }

  /** The referral and assessment's window for a person on `pathway` with these flags. */
  pathwayAssessmentWindow(flags: number, pathway: number): WorkingWindow | null {
    return (flags & FLAG_SEVEN_DAY) !== 0 ? this.sevenDayPathwayWindows[pathway] : this.model.pathwayAssessmentWindow[pathway];
  }

  /** Discharge step `step`'s window for a person with these flags. */
  stepWindow(step: number, flags: number): WorkingWindow | null {
    return (flags & FLAG_SEVEN_DAY) !== 0 ? this.sevenDayStepWindows[step] : (this.model.dischargeSteps as { window: WorkingWindow | null }[])[step].window;
  }

  /**
   * A route out of setting s with policy shifts applied: of the people bound for a route in a
   * shift's `from` list, a share (at time now) go to its `to` instead. One extra draw each from
   * the person stream already open for the stay, so people not shifted keep their route.
   */
  shiftedRoute(s: number, route: number, now: number): number {
    let next = route;
    for (const shift of this.policies.routeShifts[s]) {
      const u = this.person.uniform();
      if (shift.from.includes(next) && u < valueAt(shift.share, now)) next = shift.to;
    }
    return next;
  }

  /** Whether setting s could take one more person now. */
  private hasRoom(s: number): boolean {
    const capacity = this.capacities[s];
    return capacity.resource.available >= capacity.unitsPerPerson;
  }
}

/** A window on every day of the week (seven-day working), or null for none. */
function allWeek(window: WorkingWindow | null): WorkingWindow | null {
  return window === null ? null : { ...window, days: ALL_WEEK };
}

/** The most a set of rate factors can multiply a rate by (the thinning bound), at least 1. */
export function peakFactor(factors: CompiledPolicies['emergencyArrivals']): number {
  return factors === null
    ? 1
    : Math.max(
        1,
        factors.reduce((f, p) => f * maxValue(p), 1),
      );
}
