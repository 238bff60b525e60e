/**
 * The future-event list: a calendar queue (Brown, 1988) over typed arrays.
 *
 * Events are ordered by (time, priority, insertion sequence). Priority and sequence are packed
 * into one float64 key, `(priority + PRIORITY_OFFSET) * 2^42 + sequence`, so one comparison
 * settles ties exactly and simultaneous events of equal priority run first in, first out.
 *
 * Why a calendar queue: a model keeps a thousand or more events pending (one per patient in a
 * bed), and a binary heap pays about ten unpredictable branches per removal at that size. The
 * tandem benchmark spent about a third of its time in the heap; the calendar queue does the same
 * work in O(1) expected time per event. Time is cut into buckets of equal width, arranged in a
 * circle like the days of a year: an event goes to bucket `floor(time / width) mod buckets`,
 * each bucket is a list sorted by (time, key), and removal walks forward from the current
 * bucket until it finds an event due in this "year". The width and the number of buckets
 * follow the events: the calendar is rebuilt when the number of events doubles or quarters, or
 * when searching costs too many steps per event.
 *
 * With few events pending (an M/M/c queue has a handful) a small binary heap is cheaper than
 * any calendar, so the list is a heap up to HEAP_LIMIT events and a calendar above it, switching
 * back below CALENDAR_LIMIT (the gap keeps it from switching to and fro).
 *
 * The order in which events come out is exactly that of a sort on (time, key), in either form
 * and whatever the width: `floor(time / width)` never decreases as time grows, so earlier
 * buckets hold earlier events, and each bucket is sorted. Switching and rebuilding change
 * speed only, never the order.
 *
 * Nothing is allocated per event: each event lives in a slot of parallel typed arrays (struct
 * of arrays), linked into its bucket by index; slots are recycled through a free list and the
 * arrays double when full.
 *
 * @module
 */

/** Lowest priority number an event may carry (lower numbers run first at equal times). */
export const MIN_PRIORITY = -1024;
/** Highest priority number an event may carry. */
export const MAX_PRIORITY = 1023;

const PRIORITY_OFFSET = 1024;
const SEQUENCE_SPAN = 2 ** 42; // 4.4e12 events per run before the key would lose exactness
const INITIAL_SLOTS = 1024;
const MIN_BUCKETS = 16;
/** Bucket numbers from here on (or non-finite) go to the overflow list: `&` needs int32. */
const FAR_BUCKET = 2 ** 30;
/** Once the calendar has moved this many buckets past its origin, it is rebased. */
const REBASE_AFTER = 2 ** 29;
/** Operations between checks of the search cost. */
const COST_WINDOW = 4096;
/** Mean search steps per operation above which the width is re-estimated. */
const MAX_MEAN_COST = 12;
const NONE = -1;
/** Above this many events the list becomes a calendar... */
const HEAP_LIMIT = 128;
/** ...and below this many, a heap again. */
const CALENDAR_LIMIT = 32;

/**
 * A priority queue of events keyed on (time, priority, insertion order).
 *
 * Each event carries an integer `kind` (which handler runs it) and an integer `payload`
 * (usually an entity id). `push` returns the event's sequence number, which is its handle.
 */
export class EventList {
  // Slots: one event each.
  private times = new Float64Array(INITIAL_SLOTS);
  private keys = new Float64Array(INITIAL_SLOTS);
  /** Virtual bucket number, floor((time - origin) / width), or FAR_BUCKET for the overflow list. */
  private bucketOf = new Float64Array(INITIAL_SLOTS);
  private kinds = new Int32Array(INITIAL_SLOTS);
  private payloads = new Int32Array(INITIAL_SLOTS);
  /** Next slot in the same bucket (or in the free list). */
  private links = new Int32Array(INITIAL_SLOTS);
  private freeSlot = NONE;
  private slotsUsed = 0;

  // The heap (while small): times, keys and slots, in heap order.
  private readonly heapTimes = new Float64Array(HEAP_LIMIT + 1);
  private readonly heapKeys = new Float64Array(HEAP_LIMIT + 1);
  private readonly heapSlots = new Int32Array(HEAP_LIMIT + 1);
  private isCalendar = false;

  // The calendar.
  private heads = new Int32Array(MIN_BUCKETS).fill(NONE);
  private tails = new Int32Array(MIN_BUCKETS).fill(NONE);
  private mask = MIN_BUCKETS - 1;
  private width = 1;
  private inverseWidth = 1;
  /**
   * Bucket numbers count from this time (the earliest event at the last rebuild), so that they
   * stay within int32 whatever the time unit: seconds since 1970 at millisecond spacing, say.
   */
  private origin = 0;
  /** Every event in the calendar is in this virtual bucket or a later one. */
  private current = 0;
  private inCalendar = 0;
  /** Events too far ahead for the calendar (or not finite), as one sorted list. */
  private farHead = NONE;
  private farTail = NONE;

  private count = 0;
  private nextSequence = 0;
  /**
   * Infinity, read from a field: V8 then returns every time as an unboxed double. With a
   * literal `Infinity` on one return path, it boxed each result (16 bytes per event).
   */
  private readonly noTime: number = Infinity;
  /** Slot of the earliest event once found (always the head of its list), or NONE. */
  private earliest = NONE;
  private searchCost = 0;
  private operations = 0;
  private searchStepsBefore = 0;

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

  /**
   * Buckets and list links visited so far in searches: a measure of the queue's efficiency for
   * tests and tuning (a well-sized calendar visits a few per event).
   */
  get searchSteps(): number {
    return this.searchStepsBefore + this.searchCost;
  }

  /** Time of the earliest event; `Infinity` when the list is empty. */
  peekTime(): number {
    if (this.count === 0) return this.noTime;
    if (!this.isCalendar) return this.heapTimes[0];
    if (this.earliest === NONE) this.findEarliest();
    return this.times[this.earliest];
  }

  /**
   * Adds an event and returns its handle (a sequence number unique within this list).
   * @param time simulation time at which the event fires
   * @param priority tie-breaker at equal times, lower first, within [MIN_PRIORITY, MAX_PRIORITY]
   * @param kind integer identifying the handler
   * @param payload integer passed to the handler
   */
  push(time: number, priority: number, kind: number, payload: number): number {
    if (this.freeSlot === NONE && this.slotsUsed === this.times.length) this.growSlots();
    const slot = this.takeSlot();
    const sequence = this.nextSequence++;
    const key = (priority + PRIORITY_OFFSET) * SEQUENCE_SPAN + sequence;
    this.times[slot] = time;
    this.keys[slot] = key;
    this.kinds[slot] = kind;
    this.payloads[slot] = payload;
    this.count++;
    if (!this.isCalendar) {
      this.heapInsert(slot, time, key);
      if (this.count > HEAP_LIMIT) this.toCalendar();
      return sequence;
    }
    this.file(slot);
    const first = this.earliest;
    if (first !== NONE && this.before(slot, first)) this.earliest = slot;
    if (++this.operations === COST_WINDOW || this.current > REBASE_AFTER) this.review();
    else if (this.inCalendar > 2 * (this.mask + 1)) this.rebuild((this.mask + 1) << 1);
    return sequence;
  }

  /**
   * Removes the earliest event and returns its time. Its kind, payload and handle are left in
   * {@link poppedKind}, {@link poppedPayload} and {@link poppedSequence} (no object is returned,
   * so that the hot loop allocates nothing). Returns `Infinity` when the list is empty.
   */
  pop(): number {
    if (this.count === 0) return this.noTime;
    const slot = this.isCalendar ? this.calendarRemove() : this.heapRemove();
    this.poppedKind = this.kinds[slot];
    this.poppedPayload = this.payloads[slot];
    this.poppedKey = this.keys[slot];
    this.links[slot] = this.freeSlot;
    this.freeSlot = slot;
    this.count--;
    if (this.isCalendar) this.afterCalendarRemove();
    return this.times[slot];
  }

  /** Unlinks the calendar's earliest event and returns its slot. */
  private calendarRemove(): number {
    if (this.earliest === NONE) this.findEarliest();
    const slot = this.earliest;
    this.earliest = NONE;
    const next = this.links[slot];
    if (this.bucketOf[slot] === FAR_BUCKET) {
      this.farHead = next;
      if (next === NONE) this.farTail = NONE;
    } else {
      const b = this.bucketOf[slot] & this.mask;
      this.heads[b] = next;
      if (next === NONE) this.tails[b] = NONE;
      this.inCalendar--;
    }
    return slot;
  }

  private afterCalendarRemove(): void {
    if (this.count < CALENDAR_LIMIT) this.toHeap();
    else if (++this.operations === COST_WINDOW) this.review();
    else if (this.inCalendar < (this.mask + 1) >> 2 && this.mask + 1 > MIN_BUCKETS) this.rebuild((this.mask + 1) >> 1);
  }

  /** Adds a slot to the heap (sift up). */
  private heapInsert(slot: number, time: number, key: number): void {
    const times = this.heapTimes;
    const keys = this.heapKeys;
    const slots = this.heapSlots;
    let i = this.count - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent];
      if (pt < time || (pt === time && keys[parent] < key)) break;
      times[i] = pt;
      keys[i] = keys[parent];
      slots[i] = slots[parent];
      i = parent;
    }
    times[i] = time;
    keys[i] = key;
    slots[i] = slot;
  }

  /** Removes the heap's top and returns its slot (sift down; `count` still includes it). */
  private heapRemove(): number {
    const times = this.heapTimes;
    const keys = this.heapKeys;
    const slots = this.heapSlots;
    const top = slots[0];
    const last = this.count - 1;
    if (last > 0) {
      const t = times[last];
      const k = keys[last];
      const s = slots[last];
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
        slots[i] = slots[child];
        i = child;
      }
      times[i] = t;
      keys[i] = k;
      slots[i] = s;
    }
    return top;
  }

  /** Many events now: file the heap's events into a calendar. */
  private toCalendar(): void {
    const slots = this.pendingSlots();
    this.isCalendar = true;
    this.rebuild(this.bucketsFor(this.count), slots);
  }

  /** Few events now: put the calendar's events into the heap. */
  private toHeap(): void {
    const slots = this.pendingSlots();
    this.isCalendar = false;
    this.heads.fill(NONE);
    this.tails.fill(NONE);
    this.farHead = this.farTail = NONE;
    this.inCalendar = 0;
    this.earliest = NONE;
    const count = this.count;
    this.count = 0;
    for (const slot of slots) {
      this.count++;
      this.heapInsert(slot, this.times[slot], this.keys[slot]);
    }
    if (this.count !== count) throw new Error(`event list: ${count} events expected, ${this.count} found`);
  }

  /** Removes every event (the sequence counter keeps counting, so old handles stay unique). */
  clear(): void {
    this.heads.fill(NONE);
    this.tails.fill(NONE);
    this.farHead = this.farTail = NONE;
    this.freeSlot = NONE;
    this.slotsUsed = 0;
    this.count = this.inCalendar = 0;
    this.earliest = NONE;
    this.current = 0;
    this.isCalendar = false;
  }

  /** True when the event in slot a comes before the one in slot b. */
  private before(a: number, b: number): boolean {
    const ta = this.times[a];
    const tb = this.times[b];
    return ta < tb || (ta === tb && this.keys[a] < this.keys[b]);
  }

  private takeSlot(): number {
    const free = this.freeSlot;
    if (free === NONE) return this.slotsUsed++;
    this.freeSlot = this.links[free];
    return free;
  }

  /** Puts a filled slot into its bucket's sorted list (or the overflow list). */
  private file(slot: number): void {
    const scaled = Math.floor((this.times[slot] - this.origin) * this.inverseWidth);
    if (!(scaled < FAR_BUCKET && scaled > -FAR_BUCKET)) {
      this.bucketOf[slot] = FAR_BUCKET;
      this.farHead = this.insertSorted(slot, this.farHead, this.farTail);
      if (this.links[slot] === NONE) this.farTail = slot;
      return;
    }
    this.bucketOf[slot] = scaled;
    if (scaled < this.current) this.current = scaled;
    const b = scaled & this.mask;
    this.heads[b] = this.insertSorted(slot, this.heads[b], this.tails[b]);
    if (this.links[slot] === NONE) this.tails[b] = slot;
    this.inCalendar++;
  }

  /** Links `slot` into the sorted list (head, tail) and returns the list's new head. */
  private insertSorted(slot: number, head: number, tail: number): number {
    const links = this.links;
    if (head === NONE) {
      links[slot] = NONE;
      return slot;
    }
    // Appending is the common case for ties: keys grow, so equal times arrive in order.
    if (!this.before(slot, tail)) {
      links[tail] = slot;
      links[slot] = NONE;
      return head;
    }
    if (this.before(slot, head)) {
      links[slot] = head;
      return slot;
    }
    let previous = head;
    let next = links[head];
    while (this.before(next, slot)) {
      previous = next;
      next = links[next];
      this.searchCost++;
    }
    links[slot] = next;
    links[previous] = slot;
    return head;
  }

  /** Finds the earliest event: the calendar's first due event, or the overflow list's head. */
  private findEarliest(): void {
    let found = NONE;
    if (this.inCalendar > 0) {
      const heads = this.heads;
      const bucketOf = this.bucketOf;
      const mask = this.mask;
      let current = this.current;
      for (let step = 0; step <= mask; step++, current++) {
        const head = heads[current & mask];
        if (head !== NONE && bucketOf[head] === current) {
          found = head;
          break;
        }
      }
      this.searchCost += current - this.current;
      if (found === NONE) found = this.directSearch();
      this.current = bucketOf[found];
    }
    const far = this.farHead;
    if (far !== NONE && (found === NONE || this.before(far, found))) found = far;
    this.earliest = found;
  }

  /** A whole year of buckets held nothing due: take the earliest head of all (sparse events). */
  private directSearch(): number {
    let best = NONE;
    for (let b = 0; b <= this.mask; b++) {
      const head = this.heads[b];
      if (head !== NONE && (best === NONE || this.before(head, best))) best = head;
    }
    this.searchCost += this.mask + 1;
    return best;
  }

  /**
   * Every COST_WINDOW operations (and whenever the calendar has moved far from its origin):
   * rebuild with a new width if searching has become costly, or to rebase.
   */
  private review(): void {
    const costly = this.searchCost > MAX_MEAN_COST * COST_WINDOW;
    this.operations = 0;
    this.searchStepsBefore += this.searchCost;
    this.searchCost = 0;
    // Far from the origin, new events would soon overflow the bucket numbers: rebase.
    if (costly || this.current > REBASE_AFTER) this.rebuild(this.bucketsFor(this.inCalendar));
  }

  private bucketsFor(events: number): number {
    let buckets = MIN_BUCKETS;
    while (buckets < events) buckets <<= 1;
    return buckets;
  }

  /**
   * Re-files every event into `buckets` buckets with a width estimated from the events due
   * soonest: three times their mean spacing (Brown's rule), so a bucket holds a few events.
   */
  private rebuild(buckets: number, slots = this.pendingSlots()): void {
    this.width = this.estimateWidth(slots);
    this.inverseWidth = 1 / this.width;
    if (buckets !== this.mask + 1) {
      this.heads = new Int32Array(buckets);
      this.tails = new Int32Array(buckets);
      this.mask = buckets - 1;
    }
    this.heads.fill(NONE);
    this.tails.fill(NONE);
    this.farHead = this.farTail = NONE;
    this.inCalendar = 0;
    this.current = FAR_BUCKET;
    // Filing in time order makes every insertion an append.
    slots.sort((a, b) => (this.before(a, b) ? -1 : 1));
    const first = slots.find((slot) => Number.isFinite(this.times[slot]));
    this.origin = first === undefined ? 0 : this.times[first];
    for (const slot of slots) this.file(slot);
    if (this.inCalendar === 0) this.current = 0;
    this.earliest = NONE;
    this.searchStepsBefore += this.searchCost;
    this.searchCost = 0;
  }

  private pendingSlots(): number[] {
    const slots: number[] = [];
    if (!this.isCalendar) {
      for (let i = 0; i < this.count; i++) slots.push(this.heapSlots[i]);
      return slots;
    }
    const collect = (head: number): void => {
      for (let s = head; s !== NONE; s = this.links[s]) slots.push(s);
    };
    for (let b = 0; b <= this.mask; b++) collect(this.heads[b]);
    collect(this.farHead);
    return slots;
  }

  private estimateWidth(slots: number[]): number {
    const times = Float64Array.from(slots, (s) => this.times[s])
      .filter(Number.isFinite)
      .sort();
    // The nearer half: far-off events (end of warm-up, capacity schedules) would stretch it.
    const half = Math.max(1, times.length >> 1);
    for (const span of [times[half] - times[0], times[times.length - 1] - times[0]]) {
      const width = (3 * span) / half;
      if (width > 0 && Number.isFinite(width) && Number.isFinite(1 / width)) return width;
    }
    return this.width; // all at one time (or too few to tell): keep the width
  }

  private growSlots(): void {
    const capacity = this.times.length * 2;
    this.times = copyInto(new Float64Array(capacity), this.times);
    this.keys = copyInto(new Float64Array(capacity), this.keys);
    this.bucketOf = copyInto(new Float64Array(capacity), this.bucketOf);
    this.kinds = copyInto(new Int32Array(capacity), this.kinds);
    this.payloads = copyInto(new Int32Array(capacity), this.payloads);
    this.links = copyInto(new Int32Array(capacity), this.links);
  }
}

function copyInto<T extends Float64Array | Int32Array>(target: T, source: T): T {
  target.set(source);
  return target;
}
