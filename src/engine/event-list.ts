/**
 * The future-event list: a binary min-heap stored as parallel typed arrays (struct of arrays).
 *
 * Events are ordered by (time, priority, insertion sequence). Priority and sequence are packed
 * into one float64 key, `(priority + PRIORITY_OFFSET) * 2^42 + sequence`, so one comparison
 * settles ties exactly and simultaneous events of equal priority run first in, first out.
 * Nothing is allocated per event: the arrays double when full and are reused.
 *
 * @module
 */

/** Lowest priority number an event may carry (lower numbers run first at equal times). */
export const MIN_PRIORITY = -1024;
/** Highest priority number an event may carry. */
export const MAX_PRIORITY = 1023;

const PRIORITY_OFFSET = 1024;
const SEQUENCE_SPAN = 2 ** 42; // 4.4e12 events per run before the key would lose exactness
const INITIAL_CAPACITY = 1024;

/**
 * A binary min-heap of events keyed on (time, priority, insertion order).
 *
 * Each event carries an integer `kind` (which handler runs it) and an integer `payload`
 * (usually an entity id). `push` returns the event's sequence number, which is its handle.
 */
export class EventList {
  private times = new Float64Array(INITIAL_CAPACITY);
  private keys = new Float64Array(INITIAL_CAPACITY);
  private kinds = new Int32Array(INITIAL_CAPACITY);
  private payloads = new Int32Array(INITIAL_CAPACITY);
  private count = 0;
  private nextSequence = 0;

  /** Kind of the event most recently removed by {@link EventList.pop}. */
  poppedKind = 0;
  /** Payload of the event most recently removed by {@link EventList.pop}. */
  poppedPayload = 0;
  /** Packed (priority, sequence) key of the event most recently removed by {@link EventList.pop}. */
  poppedKey = 0;

  /** Number of events waiting in the list. */
  get size(): number {
    return this.count;
  }

  /** Sequence number (handle) of the event most recently removed by {@link EventList.pop}. */
  get poppedSequence(): number {
    // Computed on demand: a floating-point remainder on every pop would cost the hot loop.
    return this.poppedKey % SEQUENCE_SPAN;
  }

  /** Time of the earliest event; `Infinity` when the list is empty. */
  peekTime(): number {
    return this.count > 0 ? this.times[0] : Infinity;
  }

  /**
   * Adds an event and returns its handle (a sequence number unique within this list).
   * @param time simulation time at which the event fires
   * @param priority tie-breaker at equal times, lower first, within [MIN_PRIORITY, MAX_PRIORITY]
   * @param kind integer identifying the handler
   * @param payload integer passed to the handler
   */
  push(time: number, priority: number, kind: number, payload: number): number {
    if (this.count === this.times.length) this.grow();
    const sequence = this.nextSequence++;
    const key = (priority + PRIORITY_OFFSET) * SEQUENCE_SPAN + sequence;
    const times = this.times;
    const keys = this.keys;
    const kinds = this.kinds;
    const payloads = this.payloads;
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent];
      if (pt < time || (pt === time && keys[parent] < key)) break;
      times[i] = pt;
      keys[i] = keys[parent];
      kinds[i] = kinds[parent];
      payloads[i] = payloads[parent];
      i = parent;
    }
    times[i] = time;
    keys[i] = key;
    kinds[i] = kind;
    payloads[i] = payload;
    return sequence;
  }

  /**
   * Removes the earliest event and returns its time. Its kind, payload and handle are left in
   * {@link poppedKind}, {@link poppedPayload} and {@link poppedSequence} (no object is returned,
   * so that the hot loop allocates nothing). Returns `Infinity` when the list is empty.
   */
  pop(): number {
    const n = this.count;
    if (n === 0) return Infinity;
    const times = this.times;
    const keys = this.keys;
    const kinds = this.kinds;
    const payloads = this.payloads;
    const topTime = times[0];
    this.poppedKind = kinds[0];
    this.poppedPayload = payloads[0];
    this.poppedKey = keys[0];
    const last = n - 1;
    this.count = last;
    if (last > 0) {
      const t = times[last];
      const k = keys[last];
      const kind = kinds[last];
      const payload = payloads[last];
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= last) break;
        let ct = times[child];
        let ck = keys[child];
        const right = child + 1;
        if (right < last) {
          const rt = times[right];
          const rk = keys[right];
          if (rt < ct || (rt === ct && rk < ck)) {
            child = right;
            ct = rt;
            ck = rk;
          }
        }
        if (t < ct || (t === ct && k < ck)) break;
        times[i] = ct;
        keys[i] = ck;
        kinds[i] = kinds[child];
        payloads[i] = payloads[child];
        i = child;
      }
      times[i] = t;
      keys[i] = k;
      kinds[i] = kind;
      payloads[i] = payload;
    }
    return topTime;
  }

  /** Removes every event (the sequence counter keeps counting, so old handles stay unique). */
  clear(): void {
    this.count = 0;
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    this.times = copyInto(new Float64Array(capacity), this.times);
    this.keys = copyInto(new Float64Array(capacity), this.keys);
    this.kinds = copyInto(new Int32Array(capacity), this.kinds);
    this.payloads = copyInto(new Int32Array(capacity), this.payloads);
  }
}

function copyInto<T extends Float64Array | Int32Array>(target: T, source: T): T {
  target.set(source);
  return target;
}
