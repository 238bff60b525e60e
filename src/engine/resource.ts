/**
 * Resources: a number of identical places (beds, packages, assessors) that entities seize and
 * release, with a waiting line and monitors.
 *
 * A request that cannot be met at once joins the waiting line. When a place frees up, the
 * resource hands it to the next waiting entity and runs that request's event handler at once,
 * at the same simulated time (no extra event is queued, which keeps the hot path short).
 *
 * Blocking after service is {@link Resource.requestWhileHolding}: an entity that holds a place
 * in one resource asks for a place in another and keeps the first until the second is granted;
 * then the first is released and the entity moves on. This is how a delayed discharge holds its
 * acute bed while it waits for a care home.
 *
 * @module
 */
import { Tally } from './monitors/tally.js';
import { TimeWeighted } from './monitors/time-weighted.js';
import type { EventKind, Simulation } from './simulation.js';
import { WaitingLine, type Discipline, type Releasable } from './waiting-line.js';

/** How a resource is set up. */
export interface ResourceOptions {
  /** A name for messages and results. */
  name: string;
  /** Number of places (a non-negative integer, or Infinity for unlimited). */
  capacity: number;
  /** Order of the waiting line (default 'fifo'). */
  discipline?: Discipline;
  /** Record time spent at each occupancy level (default false). */
  trackLevels?: boolean;
  /** Keep every wait and holding time so that quantiles are available (default false). */
  keepValues?: boolean;
}

/** One step of a capacity schedule: from `time` on, the resource has `capacity` places. */
export interface CapacityChange {
  /** Absolute simulation time of the change. */
  time: number;
  /** New number of places. */
  capacity: number;
}

/**
 * A pool of identical places with a waiting line, seized and released by integer entities.
 * An entity holds at most one place of a given resource at a time.
 */
export class Resource implements Releasable {
  /** The resource's name. */
  readonly name: string;
  /** Places in use (it can exceed capacity for a while after the capacity is lowered). */
  inUse = 0;
  /** Time-weighted number of places in use. */
  readonly occupancy: TimeWeighted;
  /** Time-weighted number of entities waiting. */
  readonly queueLength: TimeWeighted;
  /** Time-weighted capacity (what a service paid for its places, whether used or not, costs). */
  readonly capacityLevel: TimeWeighted;
  /** Waits from request to grant, one per granted request (immediate grants count as 0). */
  readonly waits: Tally;
  /** Granted requests that had to wait (wait > 0), and the sum of their waits. */
  waitedGrants = 0;
  waitedTotal = 0;
  /** Times from grant to release, one per release. */
  readonly holdingTimes: Tally;
  /** Requests made in the current statistics window. */
  requests = 0;
  /** Requests withdrawn from the waiting line in the current statistics window. */
  withdrawals = 0;

  protected places: number;
  protected readonly sim: Simulation;
  protected readonly line: WaitingLine;
  private seizedAt = new Float64Array(64);
  private capacityEvent: EventKind = -1;
  private pendingChanges: CapacityChange[] = [];

  constructor(sim: Simulation, options: ResourceOptions) {
    this.sim = sim;
    this.name = options.name;
    this.places = checkCapacity(options.name, options.capacity);
    this.line = new WaitingLine(options.discipline ?? 'fifo');
    this.occupancy = new TimeWeighted({ trackLevels: options.trackLevels ?? false, start: sim.now });
    this.queueLength = new TimeWeighted({ start: sim.now });
    this.capacityLevel = new TimeWeighted({ start: sim.now, initial: this.places });
    this.waits = new Tally({ keepValues: options.keepValues ?? false });
    this.holdingTimes = new Tally({ keepValues: options.keepValues ?? false });
  }

  /** Current number of places. */
  get capacity(): number {
    return this.places;
  }

  /** Free places now (0 when all are in use or the line is not empty). */
  get available(): number {
    return this.line.length > 0 ? 0 : Math.max(0, this.places - this.inUse);
  }

  /** Number of entities waiting. */
  get waiting(): number {
    return this.line.length;
  }

  /**
   * Asks for a place for `entity`. If one is free and nobody is waiting, the entity takes it
   * and the call returns true (the handler is NOT run: the caller simply carries on).
   * Otherwise the entity joins the line, the call returns false, and `onGrant` runs with the
   * entity as payload when a place is handed to it.
   * @param priority used by a 'priority' line: lower numbers are served first
   */
  request(entity: number, onGrant: EventKind, priority = 0): boolean {
    return this.enqueueOrTake(entity, onGrant, priority, null);
  }

  /**
   * Like {@link request}, but the entity holds a place in `held` and keeps it until this
   * request is granted; at that moment the place in `held` is released, then `onGrant` runs.
   * If granted at once, `held` is released before the call returns true.
   */
  requestWhileHolding(entity: number, held: Releasable, onGrant: EventKind, priority = 0): boolean {
    return this.enqueueOrTake(entity, onGrant, priority, held);
  }

  /** Takes a place only if one is free now; never joins the line (a loss system). */
  tryAcquire(entity: number): boolean {
    this.requests++;
    if (this.line.length > 0 || this.inUse >= this.places) return false;
    this.take(entity, 0);
    return true;
  }

  /** Gives back the place held by `entity` and hands free places to those waiting. */
  release(entity: number): void {
    if (this.inUse <= 0) this.rejectRelease(entity);
    const now = this.sim.now;
    this.holdingTimes.add(now - this.seizedAt[entity]);
    this.inUse--;
    this.occupancy.update(now, this.inUse);
    this.serveWaiting();
  }

  /** Removes a waiting entity from the line (it gives up or is diverted); false if not waiting. */
  withdraw(entity: number): boolean {
    if (!this.line.remove(entity)) return false;
    this.withdrawals++;
    this.queueLength.update(this.sim.now, this.line.length);
    return true;
  }

  /** Whether `entity` is in the waiting line. */
  isWaiting(entity: number): boolean {
    return this.line.indexOf(entity) >= 0;
  }

  /** Entities waiting, in the order they will be served. */
  waitingEntities(): number[] {
    return this.line.waitingEntities();
  }

  /**
   * Changes the number of places now. Raising it serves waiting entities at once; lowering it
   * below the places in use takes nothing away: the excess goes as entities release.
   */
  setCapacity(capacity: number): void {
    this.places = checkCapacity(this.name, capacity);
    this.capacityLevel.update(this.sim.now, this.places);
    this.serveWaiting();
  }

  /** Schedules capacity changes at future times (a staffing rota, a ward opening). */
  scheduleCapacity(changes: readonly CapacityChange[]): void {
    if (this.capacityEvent < 0) {
      this.capacityEvent = this.sim.defineEvent(() => this.applyNextChange(), `${this.name}: capacity change`);
    }
    for (const change of changes) {
      checkCapacity(this.name, change.capacity);
      this.pendingChanges.push({ ...change });
    }
    // Keep the list in time order so each event applies the earliest outstanding change.
    this.pendingChanges.sort((a, b) => a.time - b.time);
    for (const change of changes) this.sim.scheduleAt(change.time, this.capacityEvent, 0, -1);
  }

  /** Starts new statistics windows at the current time (end of warm-up). */
  resetStatistics(): void {
    const now = this.sim.now;
    this.occupancy.reset(now);
    this.queueLength.reset(now);
    this.capacityLevel.reset(now);
    this.waits.reset();
    this.waitedGrants = 0;
    this.waitedTotal = 0;
    this.holdingTimes.reset();
    this.requests = 0;
    this.withdrawals = 0;
  }

  protected enqueueOrTake(entity: number, onGrant: EventKind, priority: number, held: Releasable | null): boolean {
    this.requests++;
    if (this.line.length === 0 && this.hasRoomFor(entity)) {
      this.take(entity, 0);
      if (held !== null) held.release(entity);
      return true;
    }
    this.line.push(entity, onGrant, priority, this.sim.now, held);
    this.queueLength.update(this.sim.now, this.line.length);
    return false;
  }

  protected take(entity: number, wait: number): void {
    const now = this.sim.now;
    if (!(entity >= 0 && entity < this.seizedAt.length)) this.growSeizedAt(entity);
    this.seizedAt[entity] = now;
    this.inUse++;
    this.occupancy.update(now, this.inUse);
    this.waits.add(wait);
    if (wait > 0) {
      this.waitedGrants++;
      this.waitedTotal += wait;
    }
  }

  // Handlers run inside this loop may release or request places here again; the loop re-reads
  // the state on every turn, so nested calls leave it consistent.
  protected serveWaiting(): void {
    const line = this.line;
    while (line.length > 0 && this.canServeNext()) {
      line.shift();
      const entity = line.shiftedEntity;
      const kind = line.shiftedKind;
      const held = line.shiftedHeld;
      const now = this.sim.now;
      this.queueLength.update(now, line.length);
      this.take(entity, now - line.shiftedTime);
      if (held !== null) held.release(entity);
      this.sim.invoke(kind, entity);
    }
  }

  /** Whether a request of `entity` would fit now (ignoring the line). */
  protected hasRoomFor(_entity: number): boolean {
    return this.inUse < this.places;
  }

  /** Whether the request at the head of the line can be granted now. */
  protected canServeNext(): boolean {
    return this.inUse < this.places;
  }

  protected rejectRelease(entity: number): never {
    throw new Error(`resource ${this.name}: release by entity ${entity} but no place is in use`);
  }

  private applyNextChange(): void {
    const change = this.pendingChanges.shift();
    if (change !== undefined) this.setCapacity(change.capacity);
  }

  private growSeizedAt(entity: number): void {
    if (!(entity >= 0) || (entity | 0) !== entity) throw new RangeError(`resource ${this.name}: entity id ${entity} must be a non-negative integer`);
    const grown = new Float64Array(Math.max(entity + 1, this.seizedAt.length * 2));
    grown.set(this.seizedAt);
    this.seizedAt = grown;
  }
}

function checkCapacity(name: string, capacity: number): number {
  if (capacity === Infinity) return capacity;
  if (!Number.isInteger(capacity) || capacity < 0) {
    throw new RangeError(`resource ${name}: capacity must be a whole number >= 0 (or Infinity), got ${capacity}`);
  }
  return capacity;
}
