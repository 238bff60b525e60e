/**
 * Downstream services: a person ready for a service (from hospital, from another service, or
 * referred from the community) may be redirected by a policy and may first be assessed by the
 * provider; they then ask the setting's capacity for a place, keeping any place they hold until
 * it is granted (blocking). In the setting they stay, then move on along a route, or leave for
 * home, death or readmission.
 *
 * @module
 */
import type { Distribution } from '../../engine/random/distributions.js';
import type { Resource } from '../../engine/resource.js';
import type { EventKind } from '../../engine/simulation.js';
import { REASON_AWAITING_OFFSET } from '../delay-reasons.js';
import { FLAG_DISCHARGE_TO_ASSESS } from '../patients.js';
import { productAt } from '../policies/profile.js';
import { pick } from '../probability-table.js';
import { ROUTE_DEATH, ROUTE_HOME, ROUTE_READMISSION } from '../routes.js';
import type { DownstreamStage, RunState } from './run-state.js';
import { EPISODE_SALT, SALT_EXIT, SALT_PROVIDER, SALT_SETTING } from './stream-salts.js';
import { WaitingHazards } from './waiting-hazards.js';

/** The downstream stage of one replication. */
export class Downstream implements DownstreamStage {
  /** By setting: the person has been granted a place there. */
  readonly onPlaced: EventKind[];
  private readonly onStayEnd: EventKind;
  private readonly onProviderAssessed: EventKind;
  private readonly onReadmission: EventKind;
  /** What may happen to people while they wait for a place; null when the model says nothing. */
  private readonly waiting: WaitingHazards | null;

  constructor(private readonly run: RunState) {
    const sim = run.sim;
    this.waiting = WaitingHazards.create(run);
    this.onPlaced = run.model.settings.map((s) => sim.defineEvent((p) => this.placed(p, s.index), `placed in ${s.name}`));
    this.onStayEnd = sim.defineEvent((p) => this.stayEnded(p), 'stay ended');
    this.onReadmission = sim.defineEvent((p) => this.readmitted(p), 'readmission');
    this.onProviderAssessed = sim.defineEvent((p) => this.providerAssessed(p), 'provider assessed');
  }

  proceedTo(p: number, wanted: number): void {
    const run = this.run;
    const target = run.policies.any ? run.decide.redirected(p, wanted, run.sim.now) : wanted;
    const provider = run.model.settings[target].providerAssessment;
    if (provider !== null) {
      const now = run.sim.now;
      const patients = run.patients;
      run.person.open(patients.identity[p], SALT_PROVIDER + target + EPISODE_SALT * patients.episode[p]);
      const work = provider.sample(run.person) * productAt(run.policies.providerAssessment[target], now);
      const done = run.afterWork(now, work, run.decide.assessmentWindow(patients.flags[p]));
      if (done > now) {
        patients.pendingTarget[p] = target;
        if (patients.setting[p] === run.model.acute) run.setDelay(p, REASON_AWAITING_OFFSET + target);
        run.sim.schedule(done - now, this.onProviderAssessed, p);
        return;
      }
    }
    this.requestNext(p, target);
  }

  private providerAssessed(p: number): void {
    const target = this.run.patients.pendingTarget[p];
    this.run.patients.pendingTarget[p] = -1;
    this.requestNext(p, target);
  }

  /** Asks for a place in `target`, keeping any place held (a delayed discharge in hospital). */
  private requestNext(p: number, target: number): void {
    const from = this.run.patients.setting[p];
    if (from < 0) {
      this.requestPlace(p, target);
      return;
    }
    if (from === this.run.model.acute) this.run.setDelay(p, REASON_AWAITING_OFFSET + target);
    this.requestPlaceWhileHolding(p, target);
  }

  requestPlace(p: number, target: number): void {
    this.run.patients.setting[p] = -1;
    if (this.ask(p, target, null)) this.placed(p, target);
  }

  requestPlaceWhileHolding(p: number, target: number): void {
    const run = this.run;
    if (this.ask(p, target, run.resources[run.patients.setting[p]])) this.placed(p, target);
  }

  /** Asks setting `target`'s capacity for a place; a person who must wait joins its line. */
  private ask(p: number, target: number, held: Resource | null): boolean {
    if (this.run.capacities[target].ask(p, held, this.onPlaced[target])) return true;
    if (this.waiting !== null) this.waiting.started(p, target);
    return false;
  }

  /** The person has a place in `s` (any place they held before was released by the resource). */
  placed(p: number, s: number): void {
    const run = this.run;
    const patients = run.patients;
    const from = patients.setting[p];
    if (this.waiting !== null) this.waiting.placed(p);
    if (from === run.model.acute) run.acute.leaveAcute(p, s);
    else if (from >= 0) {
      run.observations.unblocked(from, run.sim.now);
      run.observations.movedOn(from);
    }
    patients.setting[p] = s;
    run.observations.placement(s, from);
    run.traced(p, 'placed', s, from >= 0 ? run.model.settings[from].name : 'community');
    const person = run.person;
    person.open(patients.identity[p], SALT_SETTING + s + EPISODE_SALT * patients.episode[p]);
    let stay = (run.model.groups[patients.group[p]].lengthOfStay[s] as Distribution).sample(person);
    const routes = run.model.settings[s].routes;
    patients.nextRoute[p] = routes === null ? ROUTE_HOME : routes.targets[pick(routes.cumulative, person.uniform())];
    if (run.policies.any) stay = this.policyStay(p, s, stay);
    patients.placedAt[p] = run.sim.now;
    patients.stayLength[p] = stay;
    run.sim.schedule(stay, this.onStayEnd, p);
  }

  /**
   * Policies acting on a stay that has just begun: a longer or shorter stay, routes shifted
   * (say towards independence), and the interim stay of discharge to assess, which lasts until
   * the assessment is done and then leads to the person's pathway setting.
   */
  private policyStay(p: number, s: number, stay: number): number {
    const run = this.run;
    const patients = run.patients;
    const now = run.sim.now;
    const policies = run.policies;
    if (policies.routeShifts[s].length > 0) patients.nextRoute[p] = run.decide.shiftedRoute(s, patients.nextRoute[p], now);
    const d2a = policies.dischargeToAssess;
    if ((patients.flags[p] & FLAG_DISCHARGE_TO_ASSESS) !== 0 && d2a !== null && d2a.interim === s) {
      patients.flags[p] &= ~FLAG_DISCHARGE_TO_ASSESS;
      patients.nextRoute[p] = run.model.pathwayTarget[patients.pathway[p]];
      return run.afterWork(now + patients.pendingReferral[p], patients.pendingWork[p], run.decide.pathwayAssessmentWindow(patients.flags[p], patients.pathway[p])) - now;
    }
    return stay * productAt(policies.lengthOfStay[s], now);
  }

  private stayEnded(p: number): void {
    const run = this.run;
    const s = run.patients.setting[p];
    const next = run.patients.nextRoute[p];
    if (next >= 0) {
      run.observations.blocked(s, run.sim.now);
      run.traced(p, 'blocked', s, run.model.settings[next].name);
      this.proceedTo(p, next);
      return;
    }
    run.resources[s].release(p);
    run.observations.exit(s, next);
    run.traced(p, 'left', s, next === ROUTE_HOME ? 'home' : next === ROUTE_DEATH ? 'death' : 'readmission');
    this.leaveSystem(p, next);
  }

  leaveSystem(p: number, how: number): void {
    const run = this.run;
    const patients = run.patients;
    if (how === ROUTE_DEATH) {
      patients.discharge(p);
      return;
    }
    let readmit = how === ROUTE_READMISSION;
    let delay = 0;
    if (how === ROUTE_HOME && patients.setting[p] === run.model.acute) {
      const risk = run.model.readmissionRisk.afterDischarge + run.model.readmissionRisk.perDelayedDay * patients.delayedDays[p];
      if (risk > 0) {
        run.person.open(patients.identity[p], SALT_EXIT + EPISODE_SALT * patients.episode[p]);
        readmit = run.person.uniform() < risk;
        delay = run.model.readmissionDelay.sample(run.person);
      }
    }
    if (!readmit) {
      patients.discharge(p);
      return;
    }
    patients.setting[p] = -1;
    run.sim.schedule(delay, this.onReadmission, p);
  }

  private readmitted(p: number): void {
    const run = this.run;
    const patients = run.patients;
    patients.episode[p]++;
    patients.arrivedAt[p] = run.sim.now;
    patients.fitAt[p] = NaN;
    patients.delayedDays[p] = 0;
    run.observations.readmission();
    run.traced(p, 'readmitted', -1, '');
    run.arrivals.sampleAdmission(p, patients.group[p]);
    run.acute.requestAcuteBed(p);
  }
}
