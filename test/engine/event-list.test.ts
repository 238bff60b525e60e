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
