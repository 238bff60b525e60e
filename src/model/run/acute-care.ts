/**
 * Acute care: admission (or diversion after too long a wait for a bed), the clinical stay, the
 * moment a person becomes medically optimised, and what keeps them in the bed after it: the
 * discharge process of a P0 discharge, referral and assessment, discharge to assess. A person
 * ready for a service downstream is handed to the downstream stage, keeping their bed until
 * they have a place (a delayed discharge).
 *
 * @module
 */
import type { EventKind } from '../../engine/simulation.js';
import type { CompiledDischargeStep } from '../compile.js';
import type { CompiledPolicies } from '../policies/compile-effects.js';
import { productAt } from '../policies/profile.js';
import { REASON_ASSESSMENT, REASON_AWAITING_OFFSET, REASON_DISCHARGE_PROCESS } from '../delay-reasons.js';
import { FLAG_DISCHARGE_TO_ASSESS } from '../patients.js';
import { ROUTE_HOME } from '../routes.js';
import { PATHWAY_NAMES, type AcuteStage, type RunState } from './run-state.js';
import { EPISODE_SALT, SALT_FIT } from './stream-salts.js';

/** The acute stage of one replication. */
export class AcuteCare implements AcuteStage {
  /** A waiting arrival got a bed. */
  readonly onAdmitted: EventKind;
  /** The clinical stay ended: the person is medically optimised. */
  readonly onFit: EventKind;
  private readonly onDiversionDue: EventKind;
  private readonly onAssessed: EventKind;
  private readonly onDischargedHome: EventKind;
  private readonly onToInterim: EventKind;
  private readonly onStepsDone: EventKind;

  constructor(private readonly run: RunState) {
    const sim = run.sim;
    this.onAdmitted = sim.defineEvent((p) => this.admitted(p), 'admitted');
    this.onDiversionDue = sim.defineEvent((p) => this.diversionDue(p), 'diversion due');
    this.onFit = sim.defineEvent((p) => this.medicallyOptimised(p), 'medically optimised');
    this.onAssessed = sim.defineEvent((p) => this.assessed(p), 'assessed');
    this.onDischargedHome = sim.defineEvent((p) => this.dischargedHome(p), 'discharged home');
    this.onToInterim = sim.defineEvent((p) => this.toInterim(p), 'discharged to assess');
    this.onStepsDone = sim.defineEvent((p) => this.stepsDone(p), 'discharge steps done');
  }

  requestAcuteBed(p: number): void {
    const run = this.run;
    const acute = run.model.acute;
    run.patients.setting[p] = acute;
    if (run.resources[acute].request(p, this.onAdmitted)) {
      this.admitted(p);
      return;
    }
    const maxWait = run.model.maxAdmissionWaitDays;
    if (maxWait !== null) run.patients.diversionTimer[p] = run.sim.schedule(maxWait, this.onDiversionDue, p);
  }

  /** The person has an acute bed: their clinical stay begins. */
  admitted(p: number): void {
    const run = this.run;
    const timer = run.patients.diversionTimer[p];
    if (timer >= 0) {
      run.sim.cancel(timer);
      run.patients.diversionTimer[p] = -1;
    }
    run.observations.admission(run.sim.now - run.patients.arrivedAt[p]);
    run.traced(p, 'admitted', run.model.acute, '');
    const review = run.model.reviewWindow;
    const stay = run.patients.plannedStay[p];
    // A patient is declared medically optimised at a review: the first one after the clinical stay ends.
    run.sim.schedule(review === null ? stay : run.model.calendar.nextOpen(run.sim.now + stay, review) - run.sim.now, this.onFit, p);
  }

  private diversionDue(p: number): void {
    const run = this.run;
    run.patients.diversionTimer[p] = -1;
    if (!run.resources[run.model.acute].withdraw(p)) return;
    run.observations.diversion(run.sim.now - run.patients.arrivedAt[p]);
    run.traced(p, 'diverted', run.model.acute, '');
    run.patients.discharge(p);
  }

  private medicallyOptimised(p: number): void {
    const run = this.run;
    const now = run.sim.now;
    const patients = run.patients;
    const person = run.person;
    const model = run.model;
    const policies = run.policies;
    patients.fitAt[p] = now;
    patients.flags[p] = policies.any ? run.decide.flags(p, now) : 0;
    person.open(patients.identity[p], SALT_FIT + EPISODE_SALT * patients.episode[p]);
    const dies = person.uniform() < model.groups[patients.group[p]].inHospitalMortality;
    if (dies) {
      run.observations.inHospitalDeath();
      run.traced(p, 'diedInHospital', model.acute, '');
      run.resources[model.acute].release(p);
      patients.discharge(p);
      return;
    }
    run.observations.medicallyOptimised();
    if (run.trace !== null) run.traced(p, 'medicallyOptimised', model.acute, PATHWAY_NAMES[patients.pathway[p]]);
    // Only the draws this person's pathway needs are made; the pathway is fixed at arrival, so
    // the same person still gets the same draws in every scenario.
    const pathway = patients.pathway[p];
    const flags = patients.flags[p];
    if (model.dischargeSteps !== null) {
      this.dischargeSteps(p, now);
      return;
    }
    if (pathway === 0) {
      const done = run.afterWork(now, this.dischargeProcess(now), run.decide.dischargeWindow(flags));
      // A zero-length process is no delay at all: leave now, with no event and no delay record.
      if (done === now) {
        this.dischargedHome(p);
        return;
      }
      run.setDelay(p, REASON_DISCHARGE_PROCESS);
      run.sim.schedule(done - now, this.onDischargedHome, p);
    } else if ((flags & FLAG_DISCHARGE_TO_ASSESS) !== 0) {
      this.dischargeToAssess(p, now);
    } else if (model.pathwayNeedsAssessment[pathway]) {
      this.drawAssessment(p, now);
      this.startAssessment(p, now);
    } else {
      this.assessed(p);
    }
  }

  /**
   * The ward's discharge work as steps: each step the person's pathway needs (for a share of
   * patients) is drawn now, with any assessment, from the open person stream; the steps run side
   * by side, each in its own hours, and the one that ends last is the delay's reason.
   */
  private dischargeSteps(p: number, now: number): void {
    const run = this.run;
    const patients = run.patients;
    const person = run.person;
    const pathway = patients.pathway[p];
    const factor = productAt(run.policies.dischargeProcess, now);
    const flags = patients.flags[p];
    const steps = run.model.dischargeSteps as CompiledDischargeStep[];
    let done = now;
    let reason = -1;
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i];
      if (!step.pathways[pathway] || !(person.uniform() < step.share)) continue;
      const end = run.afterWork(now, step.duration.sample(person) * factor, run.decide.stepWindow(i, flags));
      if (end > done) {
        done = end;
        reason = step.reason;
      }
    }
    const d2a = pathway !== 0 && (flags & FLAG_DISCHARGE_TO_ASSESS) !== 0;
    patients.pendingReferral[p] = 0;
    patients.pendingWork[p] = 0;
    if (run.model.pathwayNeedsAssessment[pathway]) this.drawAssessment(p, now);
    if (done === now) {
      this.stepsDone(p);
      return;
    }
    run.setDelay(p, reason);
    run.sim.schedule(done - now, d2a ? this.onToInterim : this.onStepsDone, p);
  }

  /** The ward's steps are done: home, or on to the pathway's assessment or setting. */
  private stepsDone(p: number): void {
    const run = this.run;
    const pathway = run.patients.pathway[p];
    if (pathway === 0) this.dischargedHome(p);
    else if ((run.patients.flags[p] & FLAG_DISCHARGE_TO_ASSESS) !== 0) this.toInterim(p);
    else if (run.model.pathwayNeedsAssessment[pathway]) this.startAssessment(p, run.sim.now);
    else this.assessed(p);
  }

  /** Referral and assessment, drawn into pendingReferral and pendingWork, start at `start`. */
  private startAssessment(p: number, start: number): void {
    const run = this.run;
    const patients = run.patients;
    const done = run.afterWork(start + patients.pendingReferral[p], patients.pendingWork[p], run.decide.pathwayAssessmentWindow(patients.flags[p], patients.pathway[p]));
    if (done === start) {
      this.assessed(p);
      return;
    }
    run.setDelay(p, REASON_ASSESSMENT);
    run.sim.schedule(done - start, this.onAssessed, p);
  }

  /** A P0 discharge process's length, from the open person stream. */
  private dischargeProcess(now: number): number {
    return this.run.model.dischargeProcess.sample(this.run.person) * productAt(this.run.policies.dischargeProcess, now);
  }

  /**
   * Draws a referral delay and the assessment's work from the open person stream, with any
   * lost or repeated referrals added (each a new referral and assessment), into the person's
   * pendingReferral and pendingWork; counts the assessments.
   */
  private drawAssessment(p: number, now: number): void {
    const run = this.run;
    const model = run.model;
    const person = run.person;
    const policies = run.policies;
    const pathway = run.patients.pathway[p];
    const referralDelay = model.referralDelay[pathway];
    const assessmentDuration = model.assessmentDuration[pathway];
    let referral = referralDelay.sample(person) * productAt(policies.referralDelay, now);
    let work = assessmentDuration.sample(person) * productAt(policies.assessmentDuration, now);
    run.observations.assessment();
    const repeat = model.repeatReferralProbability * productAt(policies.repeatReferral, now);
    while (repeat > 0 && person.uniform() < repeat) {
      referral += referralDelay.sample(person) * productAt(policies.referralDelay, now);
      work += assessmentDuration.sample(person) * productAt(policies.assessmentDuration, now);
      run.observations.assessment();
    }
    run.patients.pendingReferral[p] = referral;
    run.patients.pendingWork[p] = work;
  }

  /**
   * Discharge to assess: the assessment's needs are drawn now (as they would be in hospital, so
   * the person needs the same work in every scenario) but done in the interim setting; first the
   * short discharge process, then the move.
   */
  private dischargeToAssess(p: number, now: number): void {
    const run = this.run;
    const patients = run.patients;
    patients.pendingReferral[p] = 0;
    patients.pendingWork[p] = 0;
    if (run.model.pathwayNeedsAssessment[patients.pathway[p]]) this.drawAssessment(p, now);
    const done = run.afterWork(now, this.dischargeProcess(now), run.decide.dischargeWindow(patients.flags[p]));
    if (done === now) {
      this.toInterim(p);
      return;
    }
    run.setDelay(p, REASON_DISCHARGE_PROCESS);
    run.sim.schedule(done - now, this.onToInterim, p);
  }

  private toInterim(p: number): void {
    const interim = (this.run.policies.dischargeToAssess as NonNullable<CompiledPolicies['dischargeToAssess']>).interim;
    this.run.setDelay(p, REASON_AWAITING_OFFSET + interim);
    this.run.downstream.requestPlaceWhileHolding(p, interim);
  }

  private assessed(p: number): void {
    const run = this.run;
    run.downstream.proceedTo(p, run.model.pathwayTarget[run.patients.pathway[p]]);
  }

  private dischargedHome(p: number): void {
    const run = this.run;
    this.leaveAcute(p, -1);
    run.resources[run.model.acute].release(p);
    run.downstream.leaveSystem(p, ROUTE_HOME);
  }

  leaveAcute(p: number, destination: number): void {
    const run = this.run;
    const now = run.sim.now;
    if (run.patients.delayReason[p] >= 0) run.setDelay(p, -1);
    const fitAt = run.patients.fitAt[p];
    run.patients.delayedDays[p] = now - fitAt;
    run.observations.acuteDischarge(now, fitAt, run.patients.pathway[p], destination);
    run.traced(p, 'leftAcute', run.model.acute, destination >= 0 ? run.model.settings[destination].name : 'home');
  }
}
