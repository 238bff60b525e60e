import { describe, expect, it } from 'vitest';
import { EventList } from '../../src/engine/event-list.js';
import { RandomStream } from '../../src/engine/random/stream.js';

function drain(list: EventList): { time: number; kind: number; payload: number; sequence: number }[] {
  const out = [];
  while (list.size > 0) {
    const time = list.pop();
    out.push({ time, kind: list.poppedKind, payload: list.poppedPayload, sequence: list.poppedSequence });
  }
  return out;
}

describe('EventList', () => {
  it('pops in time order, matching a sort, through many growths of the arrays', () => {
    const rng = new RandomStream('event-list');
    const list = new EventList();
    const times: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const t = Math.floor(rng.uniform() * 100); // many equal times on purpose
      times.push(t);
      list.push(t, 0, 1, i);
    }
    const popped = drain(list);
    expect(popped.map((e) => e.time)).toEqual([...times].sort((a, b) => a - b));
    // Among equal times, insertion order (payload i) must be kept: FIFO.
    for (let i = 1; i < popped.length; i++) {
      if (popped[i].time === popped[i - 1].time) expect(popped[i].payload).toBeGreaterThan(popped[i - 1].payload);
    }
  });

  it('breaks ties by priority first, then insertion order', () => {
    const list = new EventList();
    list.push(1, 5, 0, 10);
    list.push(1, -3, 0, 11);
    list.push(1, 5, 0, 12);
    list.push(0.5, 9, 0, 13);
    list.push(1, -3, 0, 14);
    expect(drain(list).map((e) => e.payload)).toEqual([13, 11, 14, 10, 12]);
  });

  it('returns handles equal to the popped sequence numbers and Infinity when empty', () => {
    const list = new EventList();
    const a = list.push(2, 0, 7, 1);
    const b = list.push(1, 0, 8, 2);
    expect(list.peekTime()).toBe(1);
    expect(list.pop()).toBe(1);
    expect(list.poppedSequence).toBe(b);
    expect(list.poppedKind).toBe(8);
    list.pop();
    expect(list.poppedSequence).toBe(a);
    expect(list.pop()).toBe(Infinity);
    expect(list.peekTime()).toBe(Infinity);
  });
});

/**
 * A reference that cannot be wrong in an interesting way: every pending event in an array,
 * the earliest found by a linear scan on (time, priority, insertion order).
 */
class NaiveList {
  private pending: { time: number; priority: number; sequence: number; payload: number }[] = [];
  private sequence = 0;
  push(time: number, priority: number, payload: number): void {
    this.pending.push({ time, priority, sequence: this.sequence++, payload });
  }
  pop(): { time: number; payload: number } {
    let best = 0;
    for (let i = 1; i < this.pending.length; i++) {
      const a = this.pending[i];
      const b = this.pending[best];
      if (a.time < b.time || (a.time === b.time && (a.priority < b.priority || (a.priority === b.priority && a.sequence < b.sequence)))) best = i;
    }
    return this.pending.splice(best, 1)[0];
  }
  get size(): number {
    return this.pending.length;
  }
}

/** Runs a workload on both lists, checking every removal agrees; returns the removals made. */
function compareWithNaive(steps: number, next: (now: number, step: number) => { time: number; priority: number } | null): number {
  const list = new EventList();
  const naive = new NaiveList();
  let now = 0;
  let removed = 0;
  for (let step = 0; step < steps; step++) {
    const event = next(now, step);
    if (event !== null) {
      list.push(event.time, event.priority, 0, step);
      naive.push(event.time, event.priority, step);
      continue;
    }
    if (naive.size === 0) continue;
    const expected = naive.pop();
    expect(list.peekTime()).toBe(expected.time);
    const time = list.pop();
    if (time !== expected.time || list.poppedPayload !== expected.payload) {
      throw new Error(`removal ${removed}: got (${time}, payload ${list.poppedPayload}), expected (${expected.time}, payload ${expected.payload})`);
    }
    now = Math.max(now, time);
    removed++;
  }
  expect(list.size).toBe(naive.size);
  return removed;
}

describe('EventList as a calendar queue, against a linear-scan reference', () => {
  it('agrees through a hold model whose size grows, settles and shrinks (rebuilds on the way)', () => {
    const rng = new RandomStream('hold');
    // 0-2999: fill to 3,000; then hold (one in, one out); from step 30,000 on: drain.
    const removed = compareWithNaive(40_000, (now, step) => {
      if (step < 3000) return { time: now - 6 * Math.log(rng.uniform()), priority: 0 };
      if (step >= 30_000) return null;
      return step % 2 === 0 ? { time: now - 6 * Math.log(rng.uniform()), priority: 0 } : null;
    });
    expect(removed).toBe(3000 + 13_500);
  });

  it('agrees when time scales change by twelve orders of magnitude (the width is re-estimated)', () => {
    const rng = new RandomStream('scales');
    compareWithNaive(30_000, (now, step) => {
      if (step % 3 === 2) return null;
      const scale = step < 10_000 ? 1e-6 : step < 20_000 ? 1e6 : 1;
      return { time: now + scale * rng.uniform(), priority: 0 };
    });
  });

  it('agrees with many events at the same times, in every order of priority', () => {
    const rng = new RandomStream('ties');
    compareWithNaive(20_000, (now, step) => {
      if (step % 4 === 3) return null;
      return { time: Math.floor(now) + Math.floor(rng.uniform() * 3), priority: Math.floor(rng.uniform() * 5) - 2 };
    });
  });

  it('agrees with far-off, infinite and negative times beside near ones', () => {
    const rng = new RandomStream('far');
    const special = [Infinity, 1e300, 2 ** 40, -5, -1e300, 0, Number.MAX_VALUE];
    compareWithNaive(10_000, (now, step) => {
      if (step % 5 === 4) return null;
      if (step % 97 === 0) return { time: special[(step / 97) % special.length], priority: 0 };
      return { time: now + rng.uniform(), priority: 0 };
    });
  });

  it('agrees on small lists (a heap) and on sparse calendars (events far apart, heavy-tailed gaps)', () => {
    const rng = new RandomStream('sparse');
    const gap = (now: number): { time: number; priority: number } => ({ time: now + 1000 * rng.uniform() ** 8, priority: 0 });
    compareWithNaive(5000, (now, step) => (step % 2 === 0 ? gap(now) : null)); // one or two pending
    compareWithNaive(20_000, (now, step) => (step < 300 || step % 2 === 0 ? gap(now) : null)); // about 300
  });

  it('starts afresh after clear(), keeping handles unique', () => {
    const list = new EventList();
    for (let i = 0; i < 100; i++) list.push(i, 0, 0, i);
    const before = list.push(5, 0, 0, 100);
    list.clear();
    expect(list.size).toBe(0);
    expect(list.peekTime()).toBe(Infinity);
    const after = list.push(3, 0, 0, 7);
    expect(after).toBeGreaterThan(before);
    list.push(1, 0, 0, 8);
    expect(drain(list).map((e) => e.payload)).toEqual([8, 7]);
  });
});

describe('EventList search cost', () => {
  /** Holds `size` events whose spacing is `scale`, for `operations` removals; returns steps per removal. */
  function stepsPerRemoval(list: EventList, rng: RandomStream, scale: number, operations: number): number {
    const before = list.searchSteps;
    for (let i = 0; i < operations; i++) {
      const now = list.pop();
      list.push(now + scale * -Math.log(rng.uniform()), 0, 0, 0);
    }
    return (list.searchSteps - before) / operations;
  }

  it('stays at a few steps per event when the spacing of events changes a thousandfold at constant size', () => {
    const rng = new RandomStream('cost');
    const list = new EventList();
    for (let i = 0; i < 1000; i++) list.push(-Math.log(rng.uniform()) * 1e-3, 0, 0, 0);
    const settled = stepsPerRemoval(list, rng, 1e-3, 20_000);
    stepsPerRemoval(list, rng, 1, 20_000); // the old width is now a thousand times too small
    const adapted = stepsPerRemoval(list, rng, 1, 20_000);
    // Brown's sizing gives about 3 events per bucket and a year longer than the spread: a few
    // buckets and links per removal. Without re-estimation this would be near the 1,024 buckets.
    expect(settled).toBeLessThan(8);
    expect(adapted).toBeLessThan(8);
  });

  it('stays quick when time is counted far from zero (seconds since 1970, a millisecond apart)', () => {
    const rng = new RandomStream('epoch');
    const list = new EventList();
    const start = 1.7e9; // without an origin, 1.7e9 / 3e-3 buckets would overflow into the sorted overflow list
    for (let i = 0; i < 1000; i++) list.push(start - Math.log(rng.uniform()) * 1e-3, 0, 0, 0);
    expect(stepsPerRemoval(list, rng, 1e-3, 20_000)).toBeLessThan(8);
  });
});
