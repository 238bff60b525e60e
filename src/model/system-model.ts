/**
 * The care system as a discrete-event model: admissions, acute stays, discharge pathways,
 * assessments, downstream services and the delays between them.
 *
 * Event-scheduling style on the kernel: each kind of event is a method registered once; the
 * payload is a patient slot (see PatientTable). A person who finishes one service and needs
 * another keeps their place until the next is granted (Resource.requestWhileHolding): that is a
 * delayed discharge in hospital, and blocking everywhere else.
 *
 * Randomness: arrivals come from the named stream "arrivals"; everything about a person comes
 * from their own entity stream, opened by (identity, purpose), so the same person has the same
 * needs in every scenario (common random numbers).
 *
 * @module
 */
import { DivisibleResource } from '../engine/divisible-resource.js';
import { Resource } from '../engine/resource.js';
import { Simulation, type EventKind } from '../engine/simulation.js';
import { EntityStream } from '../engine/random/entity-stream.js';
import { RandomStreams, type RandomStream } from '../engine/random/stream.js';
import type { Distribution } from '../engine/random/distributions.js';
import { FlexibleBedsController, PooledBudgetController } from './capacity-controllers.js';
import { pick, ROUTE_DEATH, ROUTE_HOME, ROUTE_READMISSION, type CompiledModel } from './compile.js';
import { arrivalRate, peakRate } from './arrival-rate.js';
import { Observations } from './observations.js';
import { taperVisits } from './visit-taper.js';
import type { TraceEvent, TraceSink } from './journey-trace.js';
import { FLAG_DISCHARGE_TO_ASSESS, PatientTable } from './patients.js';
import { EPISODE_SALT, SALT_ARRIVAL, SALT_EXIT, SALT_FIT, SALT_PROVIDER, SALT_SETTING } from './person-salts.js';
import type { CompiledPolicies } from './policies/compile-effects.js';
import { productAt } from './policies/profile.js';
import { peakFactor, PolicyDecisions } from './policy-decisions.js';
import type { WorkingWindow } from '../engine/calendar.js';

/** Delay reason: the discharge process (paperwork, transport, medicines) of a P0 discharge. */
export const REASON_DISCHARGE_PROCESS = 0;
/** Delay reason: waiting for referral and assessment. */
export const REASON_ASSESSMENT = 1;
/** Delay reasons from this index on mean "awaiting a place in setting (reason - offset)". */
export const REASON_AWAITING_OFFSET = 2;

// Identities: emergency arrival k is 8k; community referral stream c's arrival k is 8k + 1 + c.
const IDENTITY_STRIDE = 8;

/** How long to run and when statistics start. */
export interface RunWindow {
  /** Days simulated in all, warm-up included. */
  horizonDays: number;
  /** Days at the start excluded from statistics. */
  warmupDays: number;
  /** Master seed. */
  seed: number | string;
}

/** One replication of a care system. Build, then {@link CareSystemModel.run}. */
export class CareSystemModel {
  /** The kernel. */
  readonly sim = new Simulation();
  /** One resource per setting, in the model's setting order. */
  readonly resources: Resource[];
  /** What the run measures. */
  readonly observations: Observations;
  /** People present. */
  readonly patients = new PatientTable();

  private readonly model: CompiledModel;
  private readonly trace: TraceSink | null;
  private readonly window: RunWindow;
  private readonly streams: RandomStreams;
  private readonly arrivalStream: RandomStream;
  private readonly communityStreams: RandomStream[];
  private readonly person: EntityStream;
  private readonly peakArrivalRate: number;
  private emergencyCandidates = 0;
  private readonly communityCounts: number[];
  /** What the model's policies do; `policies.any` is false for a model without them. */
  private readonly policies: CompiledPolicies;
  /** Community streams' largest rate factor (thinning bound); 1 without policies. */
  private readonly communityPeak: number[];
  /** What the policies decide about each person. */
  private readonly decide: PolicyDecisions;
  /** The last drawn referral delay and assessment work (see drawAssessment). */
  private drawnReferral = 0;
  private drawnWork = 0;
  private readonly controllers: { start(): void }[] = [];

  private readonly onEmergencyArrival: EventKind;
  private readonly onCommunityArrival: EventKind;
  private readonly onAdmitted: EventKind;
  private readonly onDiversionDue: EventKind;
  private readonly onFit: EventKind;
  private readonly onAssessed: EventKind;
  private readonly onDischargedHome: EventKind;
  private readonly onPlaced: EventKind[];
  private readonly onStayEnd: EventKind;
  private readonly onReadmission: EventKind;
  private readonly onMidnight: EventKind;
  private readonly onWarmupEnd: EventKind;
  private readonly onToInterim: EventKind;
  private readonly onProviderAssessed: EventKind;

  constructor(model: CompiledModel, window: RunWindow, trace: TraceSink | null = null) {
    this.model = model;
    this.trace = trace;
    this.window = window;
    this.streams = new RandomStreams(window.seed);
    this.arrivalStream = this.streams.stream('arrivals');
    this.communityStreams = model.community.map((c) => this.streams.stream(`community:${c.name}`));
    this.communityCounts = model.community.map(() => 0);
    this.person = new EntityStream(this.streams.stream('people'));
    this.policies = model.policies;
    this.peakArrivalRate = peakRate(model, window.horizonDays) * peakFactor(this.policies.emergencyArrivals);
    this.communityPeak = this.policies.community.map(peakFactor);
    const sim = this.sim;
    this.resources = model.settings.map((s) => {
      const options = { name: s.name, capacity: s.initialCapacity };
      const r = s.visits === null ? new Resource(sim, options) : new DivisibleResource(sim, options);
      if (s.capacityChanges.length > 0) r.scheduleCapacity(s.capacityChanges.filter((c) => c.time >= 0));
      return r;
    });
    this.observations = new Observations(model, this.resources, window);
    this.decide = new PolicyDecisions(model, this.patients, this.person, this.resources);
    this.onEmergencyArrival = sim.defineEvent(() => this.emergencyArrival(), 'emergency arrival');
    this.onCommunityArrival = sim.defineEvent((c) => this.communityArrival(c), 'community referral');
    this.onAdmitted = sim.defineEvent((p) => this.admitted(p), 'admitted');
    this.onDiversionDue = sim.defineEvent((p) => this.diversionDue(p), 'diversion due');
    this.onFit = sim.defineEvent((p) => this.medicallyOptimised(p), 'medically optimised');
    this.onAssessed = sim.defineEvent((p) => this.assessed(p), 'assessed');
    this.onDischargedHome = sim.defineEvent((p) => this.dischargedHome(p), 'discharged home');
    this.onPlaced = model.settings.map((s) => sim.defineEvent((p) => this.placed(p, s.index), `placed in ${s.name}`));
    this.onStayEnd = sim.defineEvent((p) => this.stayEnded(p), 'stay ended');
    this.onReadmission = sim.defineEvent((p) => this.readmitted(p), 'readmission');
    this.onMidnight = sim.defineEvent(() => this.midnight(), 'midnight');
    this.onWarmupEnd = sim.defineEvent(() => this.observations.startWindow(this.sim.now), 'end of warm-up');
    this.onToInterim = sim.defineEvent((p) => this.toInterim(p), 'discharged to assess');
    this.onProviderAssessed = sim.defineEvent((p) => this.providerAssessed(p), 'provider assessed');
    const pool = this.policies.pooledBudget;
    if (pool !== null) this.controllers.push(new PooledBudgetController(sim, this.resources, model, pool, this.observations.policyCosts));
    for (const beds of this.policies.flexibleBeds) this.controllers.push(new FlexibleBedsController(sim, this.resources, model.acute, beds));
  }

  /** Runs the replication to the horizon. */
  run(): Observations {
    const { horizonDays, warmupDays } = this.window;
    this.warmStart();
    if (this.peakArrivalRate > 0) this.sim.scheduleStream(this.exponential(this.arrivalStream, this.peakArrivalRate), this.onEmergencyArrival);
    this.model.community.forEach((c, i) => {
      if (c.perDay > 0) this.sim.schedule(this.exponential(this.communityStreams[i], c.perDay * this.communityPeak[i]), this.onCommunityArrival, i);
    });
    for (const controller of this.controllers) controller.start();
    this.sim.scheduleAt(0, this.onMidnight, 0, -10);
    if (warmupDays > 0) this.sim.scheduleAt(warmupDays, this.onWarmupEnd, 0, -20);
    this.sim.run(horizonDays);
    this.observations.finish(horizonDays, this.patients);
    return this.observations;
  }

  // ---- arrivals --------------------------------------------------------------------------

  private emergencyArrival(): void {
    const now = this.sim.now;
    // Emergency arrivals are the simulation's stream: kept beside the event list, not in it.
    this.sim.scheduleStream(this.exponential(this.arrivalStream, this.peakArrivalRate), this.onEmergencyArrival);
    // Thinning: every candidate is numbered, accepted or not, so person k is the same person in
    // every scenario even when a scenario changes the arrival rate.
    const identity = IDENTITY_STRIDE * this.emergencyCandidates++;
    const accept = this.arrivalStream.uniform() * this.peakArrivalRate < arrivalRate(this.model, now) * productAt(this.policies.emergencyArrivals, now);
    if (!accept) return;
    const p = this.patients.admit(identity, 0, now);
    this.sampleAdmission(p, -1);
    if (this.policies.any && this.decide.prevented(p, now)) {
      this.patients.discharge(p);
      return;
    }
    if (this.trace !== null) this.traced(p, 'arrived', -1, PATHWAY_NAMES[this.patients.pathway[p]]);
    const acute = this.model.acute;
    const target = this.policies.any ? this.decide.redirected(p, acute, now) : acute;
    if (target !== acute) {
      this.traced(p, 'referred', target, 'instead of admission');
      this.requestPlace(p, target);
      return;
    }
    this.requestAcuteBed(p);
  }

  private communityArrival(c: number): void {
    const source = this.model.community[c];
    const stream = this.communityStreams[c];
    const peak = this.communityPeak[c];
    this.sim.schedule(this.exponential(stream, source.perDay * peak), this.onCommunityArrival, c);
    const identity = IDENTITY_STRIDE * this.communityCounts[c]++ + 1 + c;
    // Thinning, only where a policy changes this stream's rate (the plain stream draws nothing more).
    const factors = this.policies.community[c];
    if (factors !== null && stream.uniform() * peak >= productAt(factors, this.sim.now)) return;
    const p = this.patients.admit(identity, 0, this.sim.now);
    this.sampleAdmission(p, source.group);
    this.observations.communityReferral(source.target);
    this.traced(p, 'referred', source.target, source.name);
    this.proceedTo(p, source.target);
  }

  /** Draws the person's group, pathway and clinical length of stay from their own stream. */
  private sampleAdmission(p: number, fixedGroup: number): void {
    const person = this.person;
    person.open(this.patients.identity[p], SALT_ARRIVAL + EPISODE_SALT * this.patients.episode[p]);
    const groupDraw = person.uniform();
    const g = fixedGroup >= 0 ? fixedGroup : pick(this.model.groups.length > 1 ? this.model.groupCumulative : ONE, groupDraw);
    const group = this.model.groups[g];
    this.patients.group[p] = g;
    this.patients.pathway[p] = pick(group.pathwayCumulative, person.uniform());
    this.patients.plannedStay[p] = group.acuteLengthOfStay.sample(person);
  }

  // ---- acute care ------------------------------------------------------------------------

  private requestAcuteBed(p: number): void {
    const acute = this.model.acute;
    this.patients.setting[p] = acute;
    if (this.resources[acute].request(p, this.onAdmitted)) {
      this.admitted(p);
      return;
    }
    const maxWait = this.model.config.admission.maxWaitDays;
    if (maxWait !== null) this.patients.diversionTimer[p] = this.sim.schedule(maxWait, this.onDiversionDue, p);
  }

  private admitted(p: number): void {
    const timer = this.patients.diversionTimer[p];
    if (timer >= 0) {
      this.sim.cancel(timer);
      this.patients.diversionTimer[p] = -1;
    }
    this.observations.admission(this.sim.now - this.patients.arrivedAt[p]);
    this.traced(p, 'admitted', this.model.acute, '');
    this.sim.schedule(this.patients.plannedStay[p], this.onFit, p);
  }

  private diversionDue(p: number): void {
    this.patients.diversionTimer[p] = -1;
    if (!this.resources[this.model.acute].withdraw(p)) return;
    this.observations.diversion(this.sim.now - this.patients.arrivedAt[p]);
    this.traced(p, 'diverted', this.model.acute, '');
    this.patients.discharge(p);
  }

  private medicallyOptimised(p: number): void {
    const now = this.sim.now;
    const patients = this.patients;
    const person = this.person;
    const model = this.model;
    const policies = this.policies;
    patients.fitAt[p] = now;
    patients.flags[p] = policies.any ? this.decide.flags(p, now) : 0;
    person.open(patients.identity[p], SALT_FIT + EPISODE_SALT * patients.episode[p]);
    const dies = person.uniform() < model.groups[patients.group[p]].inHospitalMortality;
    if (dies) {
      this.observations.inHospitalDeath();
      this.traced(p, 'diedInHospital', model.acute, '');
      this.resources[model.acute].release(p);
      patients.discharge(p);
      return;
    }
    this.observations.medicallyOptimised();
    if (this.trace !== null) this.traced(p, 'medicallyOptimised', model.acute, PATHWAY_NAMES[patients.pathway[p]]);
    // Only the draws this person's pathway needs are made; the pathway is fixed at arrival, so
    // the same person still gets the same draws in every scenario.
    const pathway = patients.pathway[p];
    const flags = patients.flags[p];
    if (pathway === 0) {
      const done = this.afterWork(now, this.dischargeProcess(now), this.decide.dischargeWindow(flags));
      // A zero-length process is no delay at all: leave now, with no event and no delay record.
      if (done === now) {
        this.dischargedHome(p);
        return;
      }
      this.setDelay(p, REASON_DISCHARGE_PROCESS);
      this.sim.schedule(done - now, this.onDischargedHome, p);
    } else if ((flags & FLAG_DISCHARGE_TO_ASSESS) !== 0) {
      this.dischargeToAssess(p, now);
    } else if (model.pathwayNeedsAssessment[pathway]) {
      this.drawAssessment(now);
      const done = this.afterWork(now + this.drawnReferral, this.drawnWork, this.decide.assessmentWindow(flags));
      if (done === now) {
        this.assessed(p);
        return;
      }
      this.setDelay(p, REASON_ASSESSMENT);
      this.sim.schedule(done - now, this.onAssessed, p);
    } else {
      this.assessed(p);
    }
  }

  /** A P0 discharge process's length, from the open person stream. */
  private dischargeProcess(now: number): number {
    return this.model.dischargeProcess.sample(this.person) * productAt(this.policies.dischargeProcess, now);
  }

  /**
   * Draws a referral delay and the assessment's work from the open person stream, with any
   * lost or repeated referrals added (each a new referral and assessment), into drawnReferral
   * and drawnWork; counts the assessments.
   */
  private drawAssessment(now: number): void {
    const model = this.model;
    const person = this.person;
    const policies = this.policies;
    let referral = model.referralDelay.sample(person) * productAt(policies.referralDelay, now);
    let work = model.assessmentDuration.sample(person) * productAt(policies.assessmentDuration, now);
    this.observations.assessment();
    const repeat = model.config.assessment.repeatProbability * productAt(policies.repeatReferral, now);
    while (repeat > 0 && person.uniform() < repeat) {
      referral += model.referralDelay.sample(person) * productAt(policies.referralDelay, now);
      work += model.assessmentDuration.sample(person) * productAt(policies.assessmentDuration, now);
      this.observations.assessment();
    }
    this.drawnReferral = referral;
    this.drawnWork = work;
  }

  /**
   * Discharge to assess: the assessment's needs are drawn now (as they would be in hospital, so
   * the person needs the same work in every scenario) but done in the interim setting; first the
   * short discharge process, then the move.
   */
  private dischargeToAssess(p: number, now: number): void {
    const patients = this.patients;
    patients.pendingReferral[p] = 0;
    patients.pendingWork[p] = 0;
    if (this.model.pathwayNeedsAssessment[patients.pathway[p]]) {
      this.drawAssessment(now);
      patients.pendingReferral[p] = this.drawnReferral;
      patients.pendingWork[p] = this.drawnWork;
    }
    const done = this.afterWork(now, this.dischargeProcess(now), this.decide.dischargeWindow(patients.flags[p]));
    if (done === now) {
      this.toInterim(p);
      return;
    }
    this.setDelay(p, REASON_DISCHARGE_PROCESS);
    this.sim.schedule(done - now, this.onToInterim, p);
  }

  private toInterim(p: number): void {
    const interim = (this.policies.dischargeToAssess as NonNullable<CompiledPolicies['dischargeToAssess']>).interim;
    this.setDelay(p, REASON_AWAITING_OFFSET + interim);
    this.requestPlaceWhileHolding(p, interim);
  }

  private assessed(p: number): void {
    this.proceedTo(p, this.model.pathwayTarget[this.patients.pathway[p]]);
  }

  /**
   * The person (in a bed or service, or in the community) is ready for `wanted`: a policy may
   * redirect them, and the provider may first assess them itself (spent where they are).
   */
  private proceedTo(p: number, wanted: number): void {
    const target = this.policies.any ? this.decide.redirected(p, wanted, this.sim.now) : wanted;
    const provider = this.model.settings[target].providerAssessment;
    if (provider !== null) {
      const now = this.sim.now;
      const patients = this.patients;
      this.person.open(patients.identity[p], SALT_PROVIDER + target + EPISODE_SALT * patients.episode[p]);
      const work = provider.sample(this.person) * productAt(this.policies.providerAssessment[target], now);
      const done = this.afterWork(now, work, this.decide.assessmentWindow(patients.flags[p]));
      if (done > now) {
        patients.pendingTarget[p] = target;
        if (patients.setting[p] === this.model.acute) this.setDelay(p, REASON_AWAITING_OFFSET + target);
        this.sim.schedule(done - now, this.onProviderAssessed, p);
        return;
      }
    }
    this.requestNext(p, target);
  }

  private providerAssessed(p: number): void {
    const target = this.patients.pendingTarget[p];
    this.patients.pendingTarget[p] = -1;
    this.requestNext(p, target);
  }

  /** Asks for a place in `target`, keeping any place held (a delayed discharge in hospital). */
  private requestNext(p: number, target: number): void {
    const from = this.patients.setting[p];
    if (from < 0) {
      this.requestPlace(p, target);
      return;
    }
    if (from === this.model.acute) this.setDelay(p, REASON_AWAITING_OFFSET + target);
    this.requestPlaceWhileHolding(p, target);
  }

  private dischargedHome(p: number): void {
    this.leaveAcute(p, -1);
    this.resources[this.model.acute].release(p);
    this.leaveSystem(p, ROUTE_HOME);
  }

  /** Ends the person's acute delay and records their discharge (destination -1 = home). */
  private leaveAcute(p: number, destination: number): void {
    const now = this.sim.now;
    if (this.patients.delayReason[p] >= 0) this.setDelay(p, -1);
    const fitAt = this.patients.fitAt[p];
    this.patients.delayedDays[p] = now - fitAt;
    this.observations.acuteDischarge(now, fitAt, this.patients.pathway[p], destination);
    this.traced(p, 'leftAcute', this.model.acute, destination >= 0 ? this.model.settings[destination].name : 'home');
  }

  // ---- downstream services -----------------------------------------------------------------

  private requestPlace(p: number, target: number): void {
    this.patients.setting[p] = -1;
    if (this.ask(p, target, null)) this.placed(p, target);
  }

  private requestPlaceWhileHolding(p: number, target: number): void {
    if (this.ask(p, target, this.resources[this.patients.setting[p]])) this.placed(p, target);
  }

  /** Asks setting `target` for a place (or, counted in visits, for the first day's visits). */
  private ask(p: number, target: number, held: Resource | null): boolean {
    const resource = this.resources[target];
    const visits = this.model.settings[target].visits;
    if (visits !== null) return (resource as DivisibleResource).requestAmount(p, visits.initial, this.onPlaced[target], held);
    return held === null ? resource.request(p, this.onPlaced[target]) : resource.requestWhileHolding(p, held, this.onPlaced[target]);
  }

  /** The person has a place in `s` (any place they held before was released by the resource). */
  private placed(p: number, s: number): void {
    const patients = this.patients;
    const from = patients.setting[p];
    if (from === this.model.acute) this.leaveAcute(p, s);
    else if (from >= 0) {
      this.observations.unblocked(from, this.sim.now);
      this.observations.movedOn(from);
    }
    patients.setting[p] = s;
    this.observations.placement(s, from);
    this.traced(p, 'placed', s, from >= 0 ? this.model.settings[from].name : 'community');
    const person = this.person;
    person.open(patients.identity[p], SALT_SETTING + s + EPISODE_SALT * patients.episode[p]);
    let stay = (this.model.groups[patients.group[p]].lengthOfStay[s] as Distribution).sample(person);
    const routes = this.model.settings[s].routes;
    patients.nextRoute[p] = routes === null ? ROUTE_HOME : routes.targets[pick(routes.cumulative, person.uniform())];
    if (this.policies.any) stay = this.policyStay(p, s, stay);
    patients.placedAt[p] = this.sim.now;
    patients.stayLength[p] = stay;
    this.sim.schedule(stay, this.onStayEnd, p);
  }

  /**
   * Policies acting on a stay that has just begun: a longer or shorter stay, routes shifted
   * (say towards independence), and the interim stay of discharge to assess, which lasts until
   * the assessment is done and then leads to the person's pathway setting.
   */
  private policyStay(p: number, s: number, stay: number): number {
    const patients = this.patients;
    const now = this.sim.now;
    const policies = this.policies;
    if (policies.routeShifts[s].length > 0) patients.nextRoute[p] = this.decide.shiftedRoute(s, patients.nextRoute[p], now);
    const d2a = policies.dischargeToAssess;
    if ((patients.flags[p] & FLAG_DISCHARGE_TO_ASSESS) !== 0 && d2a !== null && d2a.interim === s) {
      patients.flags[p] &= ~FLAG_DISCHARGE_TO_ASSESS;
      patients.nextRoute[p] = this.model.pathwayTarget[patients.pathway[p]];
      return this.afterWork(now + patients.pendingReferral[p], patients.pendingWork[p], this.decide.assessmentWindow(patients.flags[p])) - now;
    }
    return stay * productAt(policies.lengthOfStay[s], now);
  }

  private stayEnded(p: number): void {
    const s = this.patients.setting[p];
    const next = this.patients.nextRoute[p];
    if (next >= 0) {
      this.observations.blocked(s, this.sim.now);
      this.traced(p, 'blocked', s, this.model.settings[next].name);
      this.proceedTo(p, next);
      return;
    }
    this.resources[s].release(p);
    this.observations.exit(s, next);
    this.traced(p, 'left', s, next === ROUTE_HOME ? 'home' : next === ROUTE_DEATH ? 'death' : 'readmission');
    this.leaveSystem(p, next);
  }

  // ---- leaving and coming back --------------------------------------------------------------

  private leaveSystem(p: number, how: number): void {
    const patients = this.patients;
    if (how === ROUTE_DEATH) {
      patients.discharge(p);
      return;
    }
    let readmit = how === ROUTE_READMISSION;
    let delay = 0;
    if (how === ROUTE_HOME && patients.setting[p] === this.model.acute) {
      const cfg = this.model.config.readmission;
      const risk = cfg.riskAfterDischarge + cfg.extraRiskPerDelayedDay * patients.delayedDays[p];
      if (risk > 0) {
        this.person.open(patients.identity[p], SALT_EXIT + EPISODE_SALT * patients.episode[p]);
        readmit = this.person.uniform() < risk;
        delay = this.model.readmissionDelay.sample(this.person);
      }
    }
    if (!readmit) {
      patients.discharge(p);
      return;
    }
    patients.setting[p] = -1;
    this.sim.schedule(delay, this.onReadmission, p);
  }

  private readmitted(p: number): void {
    const patients = this.patients;
    patients.episode[p]++;
    patients.arrivedAt[p] = this.sim.now;
    patients.fitAt[p] = NaN;
    patients.delayedDays[p] = 0;
    this.observations.readmission();
    this.traced(p, 'readmitted', -1, '');
    this.sampleAdmission(p, patients.group[p]);
    this.requestAcuteBed(p);
  }

  // ---- delays, time and the warm start ------------------------------------------------------

  private setDelay(p: number, reason: number): void {
    const patients = this.patients;
    const now = this.sim.now;
    const old = patients.delayReason[p];
    if (old >= 0) this.observations.delayEnds(old, patients.pathway[p], now);
    patients.delayReason[p] = reason;
    if (reason >= 0) this.observations.delayStarts(reason, patients.pathway[p], now);
  }

  private traced(p: number, event: TraceEvent, setting: number, detail: string): void {
    if (this.trace === null) return;
    const name = setting >= 0 ? this.model.settings[setting].name : '';
    this.trace.record(this.sim.now, this.patients.identity[p], this.patients.episode[p], event, name, detail);
  }

  private afterWork(start: number, work: number, window: WorkingWindow | null): number {
    return window === null ? start + work : this.model.calendar.addWorkingTime(start, work, window);
  }

  private takeWarmStartBed(p: number, from: string): void {
    const acute = this.resources[this.model.acute];
    if (!acute.request(p, this.onAdmitted)) {
      throw new RangeError(`warmStart: acute beds occupied plus patients waiting in them (counting ${from}) exceed the ${acute.capacity} acute beds`);
    }
  }

  private midnight(): void {
    taperVisits(this.model, this.resources, this.patients, this.sim.now);
    this.observations.midnight(this.sim.now);
    this.sim.schedule(1, this.onMidnight, 0, -10);
  }

  private exponential(stream: RandomStream, rate: number): number {
    return -Math.log(stream.uniform()) / rate;
  }

  /** Fills settings from the model's warm-start snapshot (today's situation report). */
  private warmStart(): void {
    const snapshot = this.model.config.warmStart;
    if (!snapshot) return;
    let identity = -IDENTITY_STRIDE; // negative identities: people already in the system at time 0
    for (const s of this.model.settings) {
      const state = snapshot[s.name];
      if (!state) continue;
      for (let i = 0; i < state.occupied; i++) {
        const p = this.patients.admit(identity, 0, 0);
        identity -= IDENTITY_STRIDE;
        this.sampleAdmission(p, -1);
        // A random point in a stay: the time left is the planned stay times a uniform draw.
        const residual = this.person.uniform();
        if (s.index === this.model.acute) {
          this.patients.setting[p] = s.index;
          this.takeWarmStartBed(p, s.name);
          this.sim.schedule(this.patients.plannedStay[p] * residual, this.onFit, p);
        } else {
          this.patients.setting[p] = -1;
          if (this.resources[s.index].request(p, this.onPlaced[s.index])) this.placed(p, s.index);
        }
      }
    }
    // People already fit and waiting in acute beds for a place downstream.
    for (const s of this.model.settings) {
      const state = snapshot[s.name];
      if (!state || s.index === this.model.acute) continue;
      for (let i = 0; i < state.waiting; i++) {
        const p = this.patients.admit(identity, 0, 0);
        identity -= IDENTITY_STRIDE;
        this.sampleAdmission(p, -1);
        this.patients.setting[p] = this.model.acute;
        this.takeWarmStartBed(p, s.name);
        this.patients.fitAt[p] = 0;
        this.setDelay(p, REASON_AWAITING_OFFSET + s.index);
        this.requestPlaceWhileHolding(p, s.index);
      }
    }
    // Filling the snapshot is not part of the run: without a warm-up, count from after it (or the
    // snapshot's occupants would count as placements and discharges made at time 0).
    if (this.window.warmupDays <= 0) this.observations.startWindow(0);
  }
}

const ONE = Float64Array.of(1);
const PATHWAY_NAMES = ['P0', 'P1', 'P2', 'P3'];
