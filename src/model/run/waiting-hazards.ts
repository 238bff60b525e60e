/**
 * People who wait change: while a person waits in a setting's line for a place, they may be
 * re-assessed to another setting, die, or (waiting outside hospital) be readmitted, each with a
 * daily chance that depends on the days waited (`settings.<s>.whileWaiting`, waiting-hazard.ts).
 *
 * Timing by inversion, not a daily check: when a person joins the line, each outcome's time is
 * drawn at once from its cumulative hazard, and the earliest is scheduled as one event (the
 * outcomes are competing risks). Day k of the wait has the constant hazard -ln(1 - q_k), so that
 * the chance of the outcome during that day, for someone to whom nothing else has happened, is
 * exactly the file's daily probability q_k, and the event falls at its own time rather than at a
 * midnight. The cumulative hazards are tabulated by day once per replication, up to the horizon,
 * so a wait costs three draws, three binary searches and one event; a place granted first
 * cancels the event.
 *
 * The draws come from the person's own stream for SALT_WAITING, three per wait whether or not
 * every outcome is configured, so switching one outcome on moves no other draw, and a model
 * without `whileWaiting` never opens it.
 *
 * @module
 */
import type { EventKind } from '../../engine/simulation.js';
import { ROUTE_DEATH, ROUTE_READMISSION } from '../routes.js';
import { dailyProbabilityOn, WAIT_DEATH, WAIT_READMISSION, WAIT_REASSESS, type CompiledHazard } from '../waiting-hazard.js';
import type { RunState } from './run-state.js';
import { EPISODE_SALT, SALT_WAITING } from './stream-salts.js';

const OUTCOMES = 3;

/** The waiting outcomes of one replication; built only for a model that has some. */
export class WaitingHazards {
  /** Cumulative hazard by whole days waited, by setting * OUTCOMES + outcome (null: never). */
  private readonly cumulative: (Float64Array | null)[];
  /** Re-assessment target by setting (-1 for none). */
  private readonly reassessTo: Int32Array;
  private readonly onDue: EventKind;
  // Per person slot: the pending event, its outcome, the setting waited for, and the waits of the
  // episode so far (the episode and identity they belong to, since slots are reused).
  private timer = new Float64Array(64).fill(-1);
  private outcome = new Int8Array(64);
  private waitingFor = new Int32Array(64);
  private waits = new Int32Array(64);
  private waitsIdentity = new Float64Array(64).fill(NaN);
  private waitsEpisode = new Int32Array(64);

  /** The model's waiting outcomes, or null when no setting has any (then nothing here runs). */
  static create(run: RunState): WaitingHazards | null {
    return run.model.settings.some((s) => s.whileWaiting !== null) ? new WaitingHazards(run) : null;
  }

  private constructor(private readonly run: RunState) {
    // A wait starts at or after time 0, so it never needs more days than the horizon.
    const days = Math.ceil(run.window.horizonDays) + 1;
    this.cumulative = run.model.settings.flatMap((s) => {
      const w = s.whileWaiting;
      return [w?.reassess?.hazard ?? null, w?.death ?? null, w?.readmission ?? null].map((h) => (h === null ? null : cumulativeHazard(h, days)));
    });
    this.reassessTo = Int32Array.from(run.model.settings, (s) => s.whileWaiting?.reassess?.to ?? -1);
    this.onDue = run.sim.defineEvent((p) => this.due(p), 'changed while waiting');
  }

  /** Person p has joined setting s's line (holding an acute bed, another place, or nothing). */
  started(p: number, s: number): void {
    const run = this.run;
    const patients = run.patients;
    if (p >= this.timer.length) this.grow(p);
    const identity = patients.identity[p];
    const episode = patients.episode[p];
    if (this.waitsIdentity[p] !== identity || this.waitsEpisode[p] !== episode) {
      this.waitsIdentity[p] = identity;
      this.waitsEpisode[p] = episode;
      this.waits[p] = 0;
    }
    const person = run.person;
    person.open(identity, SALT_WAITING + EPISODE_SALT * episode);
    for (let i = OUTCOMES * this.waits[p]; i > 0; i--) person.uniform();
    this.waits[p]++;
    // A person in an acute bed is in hospital already: readmission is for those waiting outside.
    const inHospital = patients.setting[p] === run.model.acute;
    let first = Infinity;
    let which = -1;
    for (let k = 0; k < OUTCOMES; k++) {
      const u = person.uniform();
      const h = this.cumulative[s * OUTCOMES + k];
      if (h === null || (k === WAIT_READMISSION && inHospital)) continue;
      const t = invert(h, -Math.log(u));
      if (t < first) {
        first = t;
        which = k;
      }
    }
    if (which < 0) return;
    this.waitingFor[p] = s;
    this.outcome[p] = which;
    this.timer[p] = run.sim.schedule(first, this.onDue, p);
  }

  /** Person p was granted a place: whatever was due to happen while they waited will not. */
  placed(p: number): void {
    if (p >= this.timer.length || this.timer[p] < 0) return;
    this.run.sim.cancel(this.timer[p]);
    this.timer[p] = -1;
  }

  private due(p: number): void {
    this.timer[p] = -1;
    const run = this.run;
    const s = this.waitingFor[p];
    // Withdrawal through the capacity, which also ends a market's spot search.
    if (!run.capacities[s].withdraw(p)) return;
    const outcome = this.outcome[p];
    const from = run.patients.setting[p];
    run.observations.changedWhileWaiting(s, outcome, from < 0);
    if (outcome === WAIT_REASSESS) {
      const to = this.reassessTo[s];
      run.traced(p, 'changedWhileWaiting', s, `reassessed:${run.model.settings[to].name}`);
      // A new need, as if just assessed: a policy may redirect it and the new provider assesses.
      run.downstream.proceedTo(p, to);
      return;
    }
    run.traced(p, 'changedWhileWaiting', s, outcome === WAIT_DEATH ? 'death' : 'readmission');
    if (from === run.model.acute) {
      // Death in the acute bed: the delay ends, but this is no discharge (those count the living).
      if (run.patients.delayReason[p] >= 0) run.setDelay(p, -1);
      run.observations.inHospitalDeath();
      run.resources[from].release(p);
      run.patients.discharge(p);
      return;
    }
    const how = outcome === WAIT_DEATH ? ROUTE_DEATH : ROUTE_READMISSION;
    if (from >= 0) {
      // Blocking another setting: the person leaves it, by death or for hospital.
      run.observations.unblocked(from, run.sim.now);
      run.resources[from].release(p);
      run.observations.exit(from, how);
    }
    run.downstream.leaveSystem(p, how);
  }

  private grow(p: number): void {
    const n = Math.max(p + 1, this.timer.length * 2);
    this.timer = grown(this.timer, new Float64Array(n).fill(-1));
    this.outcome = grown(this.outcome, new Int8Array(n));
    this.waitingFor = grown(this.waitingFor, new Int32Array(n));
    this.waits = grown(this.waits, new Int32Array(n));
    this.waitsIdentity = grown(this.waitsIdentity, new Float64Array(n).fill(NaN));
    this.waitsEpisode = grown(this.waitsEpisode, new Int32Array(n));
  }
}

/**
 * H[k], the cumulative hazard over the first k whole days waited (k = 0..days), each day's
 * hazard -ln(1 - q) for its daily probability q (Infinity for q = 1: the outcome is certain
 * at the start of that day, if not before).
 */
export function cumulativeHazard(h: CompiledHazard, days: number): Float64Array {
  const out = new Float64Array(days + 1);
  for (let k = 0; k < days; k++) out[k + 1] = out[k] - Math.log1p(-dailyProbabilityOn(h, k));
  return out;
}

/** Days waited at which the cumulative hazard H reaches `e` (Infinity if not within its days). */
export function invert(h: Float64Array, e: number): number {
  const last = h.length - 1;
  if (!(h[last] > e)) return Infinity;
  // The first k with H[k] > e (H[0] = 0 <= e); the outcome falls in day k - 1.
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (h[mid] > e) hi = mid;
    else lo = mid;
  }
  const rate = h[hi] - h[lo];
  return rate === Infinity ? lo : lo + (e - h[lo]) / rate;
}

/** `bigger` holding `old`'s values first. */
function grown<T extends Float64Array | Int8Array | Int32Array>(old: T, bigger: T): T {
  bigger.set(old as ArrayLike<number>);
  return bigger;
}
