/**
 * A resource whose capacity is an amount that each holder uses part of, and whose use can
 * change during a stay: home care counted in visits per day, where a client's visits taper
 * from an initial to a final rate over their episode (as in the IPACS model of intermediate
 * care). The line is first in, first out: a request at its head waits until its amount fits,
 * and nobody behind it overtakes.
 *
 * @module
 */
import type { EventKind } from './simulation.js';
import { Resource } from './resource.js';
import { TimeWeighted } from './monitors/time-weighted.js';
import type { Releasable } from './waiting-line.js';

// Amounts are fractions (visits per day); a tolerance keeps rounding from refusing a fit.
const FIT_TOLERANCE = 1e-9;

/** A pool of divisible capacity shared by holders that each use an amount of it. */
export class DivisibleResource extends Resource {
  /** Entities holding a share now. */
  holders = 0;
  /** Time-weighted number of holders (occupancy measures the amount in use). */
  readonly holderCount = new TimeWeighted({ start: this.sim.now });
  private held = new Float64Array(64);
  private wanted = new Float64Array(64);
  private nextAmount = 1;

  /** Amount `entity` holds now (0 if none). */
  amountHeld(entity: number): number {
    return entity >= 0 && entity < this.held.length ? this.held[entity] : 0;
  }

  /** Asks for `amount` of the capacity; see {@link Resource.request}. */
  requestAmount(entity: number, amount: number, onGrant: EventKind, held: Releasable | null = null): boolean {
    this.prepare(entity, amount);
    return this.enqueueOrTake(entity, onGrant, 0, held);
  }

  /** Changes what `entity` holds (its visits tapered); lowering it serves those waiting. */
  resize(entity: number, amount: number): void {
    this.prepare(entity, amount);
    if (!(this.held[entity] > 0)) throw new Error(`resource ${this.name}: resize of entity ${entity}, which holds nothing`);
    this.inUse += amount - this.held[entity];
    this.held[entity] = amount;
    this.occupancy.update(this.sim.now, this.inUse);
    this.serveWaiting();
  }

  override request(entity: number, onGrant: EventKind, priority = 0): boolean {
    this.prepare(entity, 1);
    return super.request(entity, onGrant, priority);
  }

  override requestWhileHolding(entity: number, held: Releasable, onGrant: EventKind, priority = 0): boolean {
    this.prepare(entity, 1);
    return super.requestWhileHolding(entity, held, onGrant, priority);
  }

  override tryAcquire(entity: number): boolean {
    this.prepare(entity, 1);
    this.requests++;
    if (this.line.length > 0 || this.inUse + 1 > this.capacity + FIT_TOLERANCE) return false;
    this.take(entity, 0);
    return true;
  }

  override release(entity: number): void {
    const amount = entity >= 0 && entity < this.held.length ? this.held[entity] : 0;
    if (!(amount > 0)) this.rejectRelease(entity);
    // The base release takes one unit off; take the rest off first.
    this.inUse -= amount - 1;
    this.held[entity] = 0;
    this.holders--;
    this.holderCount.update(this.sim.now, this.holders);
    super.release(entity);
  }

  override resetStatistics(): void {
    super.resetStatistics();
    this.holderCount.reset(this.sim.now);
  }

  protected override enqueueOrTake(entity: number, onGrant: EventKind, priority: number, held: Releasable | null): boolean {
    this.wanted[entity] = this.nextAmount;
    return super.enqueueOrTake(entity, onGrant, priority, held);
  }

  protected override hasRoomFor(entity: number): boolean {
    return this.fits(this.wanted[entity]);
  }

  protected override take(entity: number, wait: number): void {
    const amount = this.wanted[entity];
    super.take(entity, wait); // adds one unit and records the wait
    this.inUse += amount - 1;
    this.held[entity] = amount;
    this.holders++;
    this.occupancy.update(this.sim.now, this.inUse);
    this.holderCount.update(this.sim.now, this.holders);
  }

  protected override canServeNext(): boolean {
    return this.hasRoomFor(this.line.peekEntity());
  }

  private fits(amount: number): boolean {
    return this.inUse + amount <= this.capacity + FIT_TOLERANCE;
  }

  private prepare(entity: number, amount: number): void {
    if (!(amount > 0 && amount < Infinity)) throw new RangeError(`resource ${this.name}: amount must be a number > 0, got ${amount}`);
    if (!(entity >= 0) || (entity | 0) !== entity) throw new RangeError(`resource ${this.name}: entity id ${entity} must be a non-negative integer`);
    if (entity >= this.held.length) {
      const size = Math.max(entity + 1, this.held.length * 2);
      const held = new Float64Array(size);
      held.set(this.held);
      this.held = held;
      const wanted = new Float64Array(size);
      wanted.set(this.wanted);
      this.wanted = wanted;
    }
    this.nextAmount = amount;
  }
}
