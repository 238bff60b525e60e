/**
 * The people in the system, stored as columns of typed arrays indexed by a recycled slot id.
 *
 * Nobody's history is kept: a slot holds one person's current state while they are in the
 * system and is reused after they leave, so memory is bounded by the number of people present
 * at once (beds and places), not by how many pass through in a run.
 *
 * @module
 */

/** Flag: this person's discharge work goes on at weekends (seven-day services). */
export const FLAG_SEVEN_DAY = 1;
/** Flag: this person is being discharged to assess (to the interim setting, assessed there). */
export const FLAG_DISCHARGE_TO_ASSESS = 2;

/** Column store of the state of each person currently in the system. */

export class PatientTable {
  /** Identity of the person (their arrival number), which keys their random streams. */
  identity = new Float64Array(0);
  /** Episode number (0 for the first admission, then one more per readmission). */
  episode = new Int32Array(0);
  /** Case-mix group index. */
  group = new Int32Array(0);
  /** Discharge pathway 0..3 (P0..P3). */
  pathway = new Int8Array(0);
  /** Setting index the person is in (or waiting for, while not in any). */
  setting = new Int32Array(0);
  /** Time of arrival at the hospital front door (or referral). */
  arrivedAt = new Float64Array(0);
  /** Time the person became medically optimised (NaN before). */
  fitAt = new Float64Array(0);
  /** Current delay reason index (-1 when not delayed). */
  delayReason = new Int32Array(0);
  /** Days delayed in acute care this episode. */
  delayedDays = new Float64Array(0);
  /** Time the current delay reason started. */
  delayStart = new Float64Array(0);
  /** Planned clinical length of stay in acute care, sampled at arrival. */
  plannedStay = new Float64Array(0);
  /** Where the person goes when the current stay ends (a setting index or a ROUTE_* code). */
  nextRoute = new Int32Array(0);
  /** Time the person was placed in their current (non-acute) setting. */
  placedAt = new Float64Array(0);
  /** Planned length of the current stay in a non-acute setting. */
  stayLength = new Float64Array(0);
  /** Handle of the pending diversion timer while waiting for an acute bed (-1 if none). */
  diversionTimer = new Float64Array(0);
  /** Policy flags of the current episode: FLAG_SEVEN_DAY, FLAG_DISCHARGE_TO_ASSESS. */
  flags = new Int8Array(0);
  /** The setting a provider assessment is under way for. */
  pendingTarget = new Int32Array(0);
  /** Discharge to assess: referral delay and assessment work still to do in the interim setting. */
  pendingReferral = new Float64Array(0);
  /** Discharge to assess: assessment work (days of working time) still to do. */
  pendingWork = new Float64Array(0);

  private freeSlots: number[] = [];
  private issued = 0;

  /** Slots in use now. */
  get active(): number {
    return this.issued - this.freeSlots.length;
  }

  /** Takes a free slot for a person with this identity and episode, resetting its columns. */
  admit(identity: number, episode: number, now: number): number {
    const slot = this.freeSlots.length > 0 ? (this.freeSlots.pop() as number) : this.newSlot();
    this.identity[slot] = identity;
    this.episode[slot] = episode;
    this.group[slot] = 0;
    this.pathway[slot] = 0;
    this.setting[slot] = -1;
    this.arrivedAt[slot] = now;
    this.fitAt[slot] = NaN;
    this.delayReason[slot] = -1;
    this.delayedDays[slot] = 0;
    this.delayStart[slot] = now;
    this.diversionTimer[slot] = -1;
    this.plannedStay[slot] = 0;
    this.nextRoute[slot] = 0;
    this.placedAt[slot] = now;
    this.stayLength[slot] = 0;
    this.flags[slot] = 0;
    this.pendingTarget[slot] = -1;
    this.pendingReferral[slot] = 0;
    this.pendingWork[slot] = 0;
    return slot;
  }

  /** Gives a slot back when its person leaves the system. */
  discharge(slot: number): void {
    this.freeSlots.push(slot);
  }

  private newSlot(): number {
    const slot = this.issued++;
    if (slot >= this.identity.length) this.grow(Math.max(1024, this.identity.length * 2));
    return slot;
  }

  private grow(size: number): void {
    this.identity = resize(this.identity, size);
    this.episode = resize(this.episode, size);
    this.group = resize(this.group, size);
    this.pathway = resize(this.pathway, size);
    this.setting = resize(this.setting, size);
    this.arrivedAt = resize(this.arrivedAt, size);
    this.fitAt = resize(this.fitAt, size);
    this.delayReason = resize(this.delayReason, size);
    this.delayedDays = resize(this.delayedDays, size);
    this.delayStart = resize(this.delayStart, size);
    this.diversionTimer = resize(this.diversionTimer, size);
    this.plannedStay = resize(this.plannedStay, size);
    this.nextRoute = resize(this.nextRoute, size);
    this.placedAt = resize(this.placedAt, size);
    this.stayLength = resize(this.stayLength, size);
    this.flags = resize(this.flags, size);
    this.pendingTarget = resize(this.pendingTarget, size);
    this.pendingReferral = resize(this.pendingReferral, size);
    this.pendingWork = resize(this.pendingWork, size);
  }

  /** Slots issued so far (in use or free): the range to scan to visit everyone present. */
  get slotsIssued(): number {
    return this.issued;
  }
}

type Column = Float64Array | Int32Array | Int8Array;

function resize<T extends Column>(column: T, size: number): T {
  const grown = new (column.constructor as new (n: number) => T)(size);
  grown.set(column);
  return grown;
}
