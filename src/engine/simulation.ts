/**
 * The simulation clock and event loop (event-scheduling world view).
 *
 * A model registers its event handlers once with {@link Simulation.defineEvent} and gets back an
 * integer kind; scheduling an event then stores only numbers (time, priority, kind, payload), so
 * the hot loop allocates nothing and creates no closures. Payloads are integers, typically the
 * id of an entity (a patient, a customer) whose state the model keeps in its own arrays.
 *
 * @module
 */
import { EventList, MAX_PRIORITY, MIN_PRIORITY } from './event-list.js';

/** A function that runs when an event of its kind fires; receives the event's payload. */
export type EventHandler = (payload: number) => void;

/** Integer naming a registered event handler (returned by {@link Simulation.defineEvent}). */
export type EventKind = number;

/** Handle of a scheduled event, used to cancel or reschedule it. */
export type EventHandle = number;

/** Why {@link Simulation.run} returned. */
export type StopReason = 'until' | 'empty' | 'stopped' | 'maxEvents';

/**
 * A discrete-event simulation: a clock, a future-event list and the registered handlers.
 * Time is a plain number; by careflow's convention it counts days (see `Calendar`).
 */
export class Simulation {
  /** The current simulation time. */
  now = 0;
  /** Number of events executed so far (cancelled events are not counted). */
  eventsExecuted = 0;

  private readonly events = new EventList();
  private readonly handlers: EventHandler[] = [];
  private readonly handlerNames: string[] = [];
  private readonly cancelled = new Set<number>();
  private cancelledCount = 0;
  private streamTime = Infinity;
  private streamKind = 0;
  private stopRequested = false;

  /**
   * Registers a handler and returns the kind used to schedule events for it.
   * @param handler called with the payload when an event of this kind fires
   * @param name shown in error messages and traces
   */
  defineEvent(handler: EventHandler, name = `event${this.handlers.length}`): EventKind {
    this.handlers.push(handler);
    this.handlerNames.push(name);
    return this.handlers.length - 1;
  }

  /**
   * Runs the handler of `kind` now, synchronously, with `payload` (no event is queued).
   * Resources use it to hand a place to a waiting entity at the moment it becomes free.
   */
  invoke(kind: EventKind, payload: number): void {
    this.handlers[kind](payload);
  }

  /** Name given to an event kind at registration. */
  eventName(kind: EventKind): string {
    return this.handlerNames[kind] ?? `unknown event kind ${kind}`;
  }

  /**
   * Schedules an event `delay` time units from now.
   * @param delay non-negative delay
   * @param kind a kind returned by {@link defineEvent}
   * @param payload integer passed to the handler (default 0)
   * @param priority lower runs first among events at the same time (default 0)
   * @returns a handle for {@link cancel} and {@link reschedule}
   */
  schedule(delay: number, kind: EventKind, payload = 0, priority = 0): EventHandle {
    const time = this.now + delay;
    if (!(delay >= 0) || !this.isValidEvent(kind, priority)) this.rejectEvent(time, kind, priority);
    return this.events.push(time, priority, kind, payload);
  }

  /**
   * Schedules an event at an absolute time, which must not be in the past.
   * @returns a handle for {@link cancel} and {@link reschedule}
   */
  scheduleAt(time: number, kind: EventKind, payload = 0, priority = 0): EventHandle {
    if (!(time >= this.now) || !this.isValidEvent(kind, priority)) this.rejectEvent(time, kind, priority);
    return this.events.push(time, priority, kind, payload);
  }

  // Kept tiny so that V8 inlines it into the scheduling calls on the hot path.
  private isValidEvent(kind: EventKind, priority: number): boolean {
    return priority >= MIN_PRIORITY && priority <= MAX_PRIORITY && (priority | 0) === priority && kind >= 0 && kind < this.handlers.length && (kind | 0) === kind;
  }

  // The error path lives apart from the hot path so the scheduling functions stay small.
  private rejectEvent(time: number, kind: EventKind, priority: number): never {
    if (!(time >= this.now)) {
      throw new RangeError(`cannot schedule ${this.eventName(kind)} at time ${time}: it is before now (${this.now})`);
    }
    if (!(kind >= 0 && kind < this.handlers.length) || (kind | 0) !== kind) {
      throw new RangeError(`event kind ${kind} was not defined with defineEvent`);
    }
    throw new RangeError(`event priority ${priority} must be an integer in [${MIN_PRIORITY}, ${MAX_PRIORITY}]`);
  }

  /**
   * Schedules the next event of the simulation's one *stream*: a self-renewing source such as
   * arrivals, which always has exactly one pending event. It is kept in a slot beside the event list
   * instead of in it, which saves an insertion and a removal per arrival. There is one slot:
   * scheduling again replaces the pending stream event. At equal times, listed events run first.
   * The handler receives payload 0.
   */
  scheduleStream(delay: number, kind: EventKind): void {
    const time = this.now + delay;
    if (!(delay >= 0) || !this.isValidEvent(kind, 0)) this.rejectEvent(time, kind, 0);
    this.streamTime = time;
    this.streamKind = kind;
  }

  /**
   * Cancels a scheduled event. Cancelling an event that has already run or been cancelled
   * is a no-op. Cancelled events stay in the list until their time and are then skipped.
   */
  cancel(handle: EventHandle): void {
    this.cancelled.add(handle);
    this.cancelledCount = this.cancelled.size;
  }

  /**
   * Moves a scheduled event to a new absolute time and returns its new handle.
   * The old handle is cancelled.
   */
  reschedule(handle: EventHandle, time: number, kind: EventKind, payload = 0, priority = 0): EventHandle {
    this.cancel(handle);
    return this.scheduleAt(time, kind, payload, priority);
  }

  /** Number of events waiting (including cancelled ones not yet reached, and the stream's). */
  get pendingEvents(): number {
    return this.events.size + (this.streamTime < Infinity ? 1 : 0);
  }

  /** Time of the next pending event (`Infinity` if none); cancelled events may be reported. */
  nextEventTime(): number {
    return Math.min(this.events.peekTime(), this.streamTime);
  }

  private skipIfCancelled(sequence: number): boolean {
    if (!this.cancelled.delete(sequence)) return false;
    this.cancelledCount = this.cancelled.size;
    return true;
  }

  /** Asks the running loop to return after the current event. */
  stop(): void {
    this.stopRequested = true;
  }

  /**
   * Runs events in order until the next one would be later than `until`, the list is empty,
   * {@link stop} is called, or `maxEvents` events have run. When it stops because of `until`
   * (or an empty list with a finite `until`), the clock is advanced to `until`.
   */
  run(until = Infinity, maxEvents = Infinity): StopReason {
    const events = this.events;
    const handlers = this.handlers;
    this.stopRequested = false;
    let executed = 0;
    let reason: StopReason = 'empty';
    for (;;) {
      const listTime = events.peekTime();
      // The stream slot runs first only when strictly earlier, so listed events win ties.
      const fromStream = this.streamTime < listTime;
      const time = fromStream ? this.streamTime : listTime;
      if (time === Infinity) break;
      if (time > until) {
        reason = 'until';
        break;
      }
      if (executed >= maxEvents) {
        reason = 'maxEvents';
        break;
      }
      if (fromStream) {
        this.now = time;
        this.streamTime = Infinity;
        executed++;
        handlers[this.streamKind](0);
      } else {
        this.now = events.pop();
        if (this.cancelledCount > 0 && this.skipIfCancelled(events.poppedSequence)) continue;
        executed++;
        handlers[events.poppedKind](events.poppedPayload);
      }
      if (this.stopRequested) {
        reason = 'stopped';
        break;
      }
    }
    this.eventsExecuted += executed;
    if ((reason === 'until' || reason === 'empty') && until !== Infinity && this.now < until) this.now = until;
    return reason;
  }
}
