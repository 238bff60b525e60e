/**
 * Waiting lines for resources: first in first out, or by priority (then first in first out).
 *
 * Each waiting request is a row of numbers (entity, the event kind to run on grant, priority,
 * time of request) plus an optional resource the entity holds while it waits and must give up
 * when served (blocking after service). Rows live in typed arrays that grow by doubling, so
 * joining and leaving the line allocate nothing.
 *
 * @module
 */

/** The resource-like thing a waiting entity holds until its request is granted. */
export interface Releasable {
  /** Gives back the place held by `entity`. */
  release(entity: number): void;
}

/** How a line chooses whom to serve next. */
export type Discipline = 'fifo' | 'priority';

/** A waiting line of requests; rows are read through the `head*` fields after {@link WaitingLine.shift}. */
export class WaitingLine {
  /** The discipline the line was created with. */
  readonly discipline: Discipline;
  /** Entity of the row removed by the last `shift`. */
  shiftedEntity = 0;
  /** Event kind of the row removed by the last `shift`. */
  shiftedKind = 0;
  /** Request time of the row removed by the last `shift`. */
  shiftedTime = 0;
  /** Held resource of the row removed by the last `shift` (null if none). */
  shiftedHeld: Releasable | null = null;

  private entities = new Int32Array(16);
  private kinds = new Int32Array(16);
  private priorities = new Float64Array(16);
  private sequences = new Float64Array(16);
  private times = new Float64Array(16);
  private held: (Releasable | null)[] = new Array(16).fill(null);
  // FIFO rows form a ring [head, head + count); priority rows form a binary heap [0, count).
  private head = 0;
  private count = 0;
  private nextSequence = 0;

  constructor(discipline: Discipline = 'fifo') {
    this.discipline = discipline;
  }

  /** Number of waiting requests. */
  get length(): number {
    return this.count;
  }

  /** Adds a request at the back (FIFO) or in priority order (lower number first). */
  push(entity: number, kind: number, priority: number, time: number, held: Releasable | null): void {
    if (this.count === this.entities.length) this.grow();
    if (this.discipline === 'fifo') {
      const slot = (this.head + this.count) & (this.entities.length - 1);
      this.write(slot, entity, kind, priority, this.nextSequence++, time, held);
      this.count++;
    } else {
      this.heapInsert(entity, kind, priority, this.nextSequence++, time, held);
    }
  }

  /** Entity of the next request to serve (-1 if the line is empty), without removing it. */
  peekEntity(): number {
    if (this.count === 0) return -1;
    return this.discipline === 'fifo' ? this.entities[this.head] : this.entities[0];
  }

  /** Removes the next request to serve into the `shifted*` fields; returns false if empty. */
  shift(): boolean {
    if (this.count === 0) return false;
    if (this.discipline === 'fifo') {
      const slot = this.head;
      this.readOut(slot);
      this.held[slot] = null;
      this.head = (slot + 1) & (this.entities.length - 1);
      this.count--;
    } else {
      this.readOut(0);
      this.heapRemoveAt(0);
    }
    return true;
  }

  /** Position (0 = next to be served) of the entity's request, or -1 if it is not waiting. */
  indexOf(entity: number): number {
    const order = this.orderedSlots();
    for (let i = 0; i < order.length; i++) if (this.entities[order[i]] === entity) return i;
    return -1;
  }

  /**
   * Removes the entity's request (reneging, diversion, or a grant from elsewhere) into the
   * `shifted*` fields. Returns false if it was not waiting.
   */
  remove(entity: number): boolean {
    if (this.discipline === 'priority') {
      for (let i = 0; i < this.count; i++) {
        if (this.entities[i] === entity) {
          this.readOut(i);
          this.heapRemoveAt(i);
          return true;
        }
      }
      return false;
    }
    const mask = this.entities.length - 1;
    for (let i = 0; i < this.count; i++) {
      const slot = (this.head + i) & mask;
      if (this.entities[slot] !== entity) continue;
      this.readOut(slot);
      // Close the gap by moving the later rows one place forward, keeping their order.
      for (let j = i; j < this.count - 1; j++) this.copyRow((this.head + j + 1) & mask, (this.head + j) & mask);
      this.held[(this.head + this.count - 1) & mask] = null;
      this.count--;
      return true;
    }
    return false;
  }

  /** Entities of the waiting rows, in service order (for snapshots and tests). */
  waitingEntities(): number[] {
    return this.orderedSlots().map((slot) => this.entities[slot]);
  }

  private orderedSlots(): number[] {
    const slots: number[] = [];
    if (this.discipline === 'fifo') {
      const mask = this.entities.length - 1;
      for (let i = 0; i < this.count; i++) slots.push((this.head + i) & mask);
      return slots;
    }
    for (let i = 0; i < this.count; i++) slots.push(i);
    return slots.sort((a, b) => this.compare(a, b));
  }

  private compare(a: number, b: number): number {
    const d = this.priorities[a] - this.priorities[b];
    return d !== 0 ? d : this.sequences[a] - this.sequences[b];
  }

  private readOut(slot: number): void {
    this.shiftedEntity = this.entities[slot];
    this.shiftedKind = this.kinds[slot];
    this.shiftedTime = this.times[slot];
    this.shiftedHeld = this.held[slot];
  }

  private write(slot: number, entity: number, kind: number, priority: number, sequence: number, time: number, held: Releasable | null): void {
    this.entities[slot] = entity;
    this.kinds[slot] = kind;
    this.priorities[slot] = priority;
    this.sequences[slot] = sequence;
    this.times[slot] = time;
    this.held[slot] = held;
  }

  private copyRow(from: number, to: number): void {
    this.write(to, this.entities[from], this.kinds[from], this.priorities[from], this.sequences[from], this.times[from], this.held[from]);
  }

  private heapInsert(entity: number, kind: number, priority: number, sequence: number, time: number, held: Releasable | null): void {
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pp = this.priorities[parent];
      if (pp < priority || (pp === priority && this.sequences[parent] < sequence)) break;
      this.copyRow(parent, i);
      i = parent;
    }
    this.write(i, entity, kind, priority, sequence, time, held);
  }

  private heapRemoveAt(index: number): void {
    const last = --this.count;
    if (index === last) {
      this.held[last] = null;
      return;
    }
    // Move the last row into the hole, then restore the heap both ways.
    this.copyRow(last, index);
    this.held[last] = null;
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.compare(parent, i) <= 0) break;
      this.swap(parent, i);
      i = parent;
    }
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.count) break;
      if (child + 1 < this.count && this.compare(child + 1, child) < 0) child++;
      if (this.compare(i, child) <= 0) break;
      this.swap(i, child);
      i = child;
    }
  }

  private swap(a: number, b: number): void {
    const entity = this.entities[a],
      kind = this.kinds[a],
      priority = this.priorities[a];
    const sequence = this.sequences[a],
      time = this.times[a],
      held = this.held[a];
    this.copyRow(b, a);
    this.write(b, entity, kind, priority, sequence, time, held);
  }

  private grow(): void {
    const oldLength = this.entities.length;
    const order = this.discipline === 'fifo' ? this.orderedSlots() : null;
    const size = oldLength * 2;
    const entities = new Int32Array(size),
      kinds = new Int32Array(size),
      priorities = new Float64Array(size);
    const sequences = new Float64Array(size),
      times = new Float64Array(size);
    const held: (Releasable | null)[] = new Array(size).fill(null);
    for (let i = 0; i < this.count; i++) {
      // A ring is unrolled to start at 0; a heap keeps its positions.
      const from = order === null ? i : order[i];
      entities[i] = this.entities[from];
      kinds[i] = this.kinds[from];
      priorities[i] = this.priorities[from];
      sequences[i] = this.sequences[from];
      times[i] = this.times[from];
      held[i] = this.held[from];
    }
    this.entities = entities;
    this.kinds = kinds;
    this.priorities = priorities;
    this.sequences = sequences;
    this.times = times;
    this.held = held;
    this.head = 0;
  }
}
