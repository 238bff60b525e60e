/**
 * Arrivals: emergency admissions (a non-homogeneous Poisson stream, thinned against its peak
 * rate) and referrals from the community straight to a service (step-up), each person's group,
 * pathway and clinical stay drawn from their own stream.
 *
 * @module
 */
import type { RandomStream } from '../../engine/random/stream.js';
import type { EventKind } from '../../engine/simulation.js';
import { arrivalRate, peakRate } from '../arrival-rate.js';
import { productAt } from '../policies/profile.js';
import { peakFactor } from '../policy-decisions.js';
import { pick } from '../probability-table.js';
import { PATHWAY_NAMES, type ArrivalsStage, type RunState } from './run-state.js';
import { communityStreamName, EPISODE_SALT, IDENTITY_STRIDE, SALT_ARRIVAL, STREAM_ARRIVALS } from './stream-salts.js';

const ONE = Float64Array.of(1);

/** The arrivals stage of one replication. */
export class Arrivals implements ArrivalsStage {
  private readonly arrivalStream: RandomStream;
  private readonly communityStreams: RandomStream[];
  private readonly peakArrivalRate: number;
  /** Community streams' largest rate factor (thinning bound); 1 without policies. */
  private readonly communityPeak: number[];
  private readonly communityCounts: number[];
  private emergencyCandidates = 0;
  private readonly onEmergencyArrival: EventKind;
  private readonly onCommunityArrival: EventKind;

  constructor(private readonly run: RunState) {
    const model = run.model;
    this.arrivalStream = run.streams.stream(STREAM_ARRIVALS);
    this.communityStreams = model.community.map((c) => run.streams.stream(communityStreamName(c.name)));
    this.communityCounts = model.community.map(() => 0);
    this.peakArrivalRate = peakRate(model, run.window.horizonDays) * peakFactor(run.policies.emergencyArrivals);
    this.communityPeak = run.policies.community.map(peakFactor);
    this.onEmergencyArrival = run.sim.defineEvent(() => this.emergencyArrival(), 'emergency arrival');
    this.onCommunityArrival = run.sim.defineEvent((c) => this.communityArrival(c), 'community referral');
  }

  /** Schedules the first arrival of every stream. */
  start(): void {
    const run = this.run;
    if (this.peakArrivalRate > 0) run.sim.scheduleStream(exponential(this.arrivalStream, this.peakArrivalRate), this.onEmergencyArrival);
    run.model.community.forEach((c, i) => {
      if (c.perDay > 0) run.sim.schedule(exponential(this.communityStreams[i], c.perDay * this.communityPeak[i]), this.onCommunityArrival, i);
    });
  }

  private emergencyArrival(): void {
    const run = this.run;
    const now = run.sim.now;
    // Emergency arrivals are the simulation's stream: kept beside the event list, not in it.
    run.sim.scheduleStream(exponential(this.arrivalStream, this.peakArrivalRate), this.onEmergencyArrival);
    // Thinning: every candidate is numbered, accepted or not, so person k is the same person in
    // every scenario even when a scenario changes the arrival rate.
    const identity = IDENTITY_STRIDE * this.emergencyCandidates++;
    const accept = this.arrivalStream.uniform() * this.peakArrivalRate < arrivalRate(run.model, now) * productAt(run.policies.emergencyArrivals, now);
    if (!accept) return;
    const p = run.patients.admit(identity, 0, now);
    this.sampleAdmission(p, -1);
    if (run.policies.any && run.decide.prevented(p, now)) {
      run.patients.discharge(p);
      return;
    }
    if (run.trace !== null) run.traced(p, 'arrived', -1, PATHWAY_NAMES[run.patients.pathway[p]]);
    const acute = run.model.acute;
    const target = run.policies.any ? run.decide.redirected(p, acute, now) : acute;
    if (target !== acute) {
      run.traced(p, 'referred', target, 'instead of admission');
      run.downstream.requestPlace(p, target);
      return;
    }
    run.acute.requestAcuteBed(p);
  }

  private communityArrival(c: number): void {
    const run = this.run;
    const source = run.model.community[c];
    const stream = this.communityStreams[c];
    const peak = this.communityPeak[c];
    run.sim.schedule(exponential(stream, source.perDay * peak), this.onCommunityArrival, c);
    const identity = IDENTITY_STRIDE * this.communityCounts[c]++ + 1 + c;
    // Thinning, only where a policy changes this stream's rate (the plain stream draws nothing more).
    const factors = run.policies.community[c];
    if (factors !== null && stream.uniform() * peak >= productAt(factors, run.sim.now)) return;
    const p = run.patients.admit(identity, 0, run.sim.now);
    this.sampleAdmission(p, source.group);
    run.observations.communityReferral(source.target);
    run.traced(p, 'referred', source.target, source.name);
    run.downstream.proceedTo(p, source.target);
  }

  sampleAdmission(p: number, fixedGroup: number): void {
    const run = this.run;
    const person = run.person;
    const model = run.model;
    person.open(run.patients.identity[p], SALT_ARRIVAL + EPISODE_SALT * run.patients.episode[p]);
    const groupDraw = person.uniform();
    const g = fixedGroup >= 0 ? fixedGroup : pick(model.groups.length > 1 ? model.groupCumulative : ONE, groupDraw);
    const group = model.groups[g];
    run.patients.group[p] = g;
    run.patients.pathway[p] = pick(group.pathwayCumulative, person.uniform());
    run.patients.plannedStay[p] = group.acuteLengthOfStay.sample(person);
  }
}

function exponential(stream: RandomStream, rate: number): number {
  return -Math.log(stream.uniform()) / rate;
}
