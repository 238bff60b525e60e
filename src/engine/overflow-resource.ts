/**
 * A resource with two kinds of place: its own places (`capacity`), served first come, first
 * served from its waiting line, and a pool of overflow places that the owner grants to a chosen
 * waiting entity out of turn. A provider market is the use: a council's block-contracted
 * care-home places, and spot places bought one at a time for someone waiting once a broker has
 * found one.
 *
 * With `matched` set, the own places are not served in turn either: a place that frees stays free
 * until the owner grants it to a waiting entity of its choosing ({@link grantOwn}) or a newcomer
 * takes it at once, as a broker matches vacancies to people rather than keeping a queue.
 *
 * `inUse` and the occupancy monitor count both kinds (everyone placed); `capacity` and the
 * capacity monitor count the own places only, which is what a block contract pays for.
 *
 * @module
 */
import { Resource, type ResourceOptions } from './resource.js';
import { TimeWeighted } from './monitors/time-weighted.js';
import type { EventKind } from './simulation.js';
import type { Releasable } from './waiting-line.js';

/** A resource whose waiting entities may also be granted an overflow place. */
export class OverflowResource extends Resource {
  /** Overflow places in use. */
  overflowInUse = 0;
  /** Time-weighted overflow places in use. */
  readonly overflowOccupancy: TimeWeighted;
  /** Called after an overflow place is given back (the owner may start another search). */
  overflowReleased: ((entity: number) => void) | null = null;
  /** Own places go to whom the owner grants them, not to the line in turn (see the module note). */
  matched = false;
  private inOverflow = new Uint8Array(64);

  constructor(sim: ConstructorParameters<typeof Resource>[0], options: ResourceOptions) {
    super(sim, options);
    this.overflowOccupancy = new TimeWeighted({ start: sim.now });
  }

  /** Own places free now (0 when the line is not empty and served in turn). */
  override get available(): number {
    return this.line.length > 0 && !this.matched ? 0 : this.ownPlacesFree();
  }

  /** Own places not in use, whoever waits. */
  ownPlacesFree(): number {
    return Math.max(0, this.places - (this.inUse - this.overflowInUse));
  }

  /** Whether `entity` holds an overflow place. */
  holdsOverflow(entity: number): boolean {
    return entity >= 0 && entity < this.inOverflow.length && this.inOverflow[entity] === 1;
  }

  /**
   * Gives waiting `entity` an overflow place now: it leaves the line, any place it held is
   * released, and its request's handler runs unless `invoke` is false (the caller carries on, as
   * with an immediate grant). Returns how long it waited, or NaN if it was not waiting.
   */
  grantOverflow(entity: number, invoke = true): number {
    return this.grantOutOfTurn(entity, invoke, true);
  }

  /**
   * Gives waiting `entity` a free own place now, out of turn, as {@link grantOverflow} gives an
   * overflow place. Returns how long it waited, or NaN if it was not waiting or no own place is
   * free.
   */
  grantOwn(entity: number, invoke = true): number {
    if (this.ownPlacesFree() <= 0) return NaN;
    return this.grantOutOfTurn(entity, invoke, false);
  }

  private grantOutOfTurn(entity: number, invoke: boolean, overflow: boolean): number {
    const line = this.line;
    if (!line.remove(entity)) return NaN;
    const now = this.sim.now;
    const kind = line.shiftedKind;
    const held: Releasable | null = line.shiftedHeld;
    const wait = now - line.shiftedTime;
    this.queueLength.update(now, line.length);
    if (overflow) this.markOverflow(entity);
    this.take(entity, wait);
    if (held !== null) held.release(entity);
    if (invoke) this.sim.invoke(kind, entity);
    return wait;
  }

  override release(entity: number): void {
    const overflow = this.holdsOverflow(entity);
    if (overflow) {
      this.inOverflow[entity] = 0;
      this.overflowInUse--;
      this.overflowOccupancy.update(this.sim.now, this.overflowInUse);
    }
    super.release(entity);
    if (overflow && this.overflowReleased !== null) this.overflowReleased(entity);
  }

  override resetStatistics(): void {
    super.resetStatistics();
    this.overflowOccupancy.reset(this.sim.now);
  }

  // A matched resource lets a newcomer take a free own place even while others wait.
  protected override enqueueOrTake(entity: number, onGrant: EventKind, priority: number, held: Releasable | null): boolean {
    if (!this.matched || this.line.length === 0 || !this.hasRoomFor(entity)) return super.enqueueOrTake(entity, onGrant, priority, held);
    this.requests++;
    this.take(entity, 0);
    if (held !== null) held.release(entity);
    return true;
  }

  protected override hasRoomFor(_entity: number): boolean {
    return this.inUse - this.overflowInUse < this.places;
  }

  protected override canServeNext(): boolean {
    return !this.matched && this.inUse - this.overflowInUse < this.places;
  }

  private markOverflow(entity: number): void {
    if (entity >= this.inOverflow.length) {
      const grown = new Uint8Array(Math.max(entity + 1, this.inOverflow.length * 2));
      grown.set(this.inOverflow);
      this.inOverflow = grown;
    }
    this.inOverflow[entity] = 1;
    this.overflowInUse++;
    this.overflowOccupancy.update(this.sim.now, this.overflowInUse);
  }
}
