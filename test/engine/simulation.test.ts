import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine/simulation.js';

describe('Simulation', () => {
  it('runs simultaneous events of equal priority first in, first out', () => {
    const sim = new Simulation();
    const order: number[] = [];
    const record = sim.defineEvent((p) => order.push(p));
    for (let i = 0; i < 50; i++) sim.schedule(3, record, i);
    sim.run();
    expect(order).toEqual([...Array(50).keys()]);
    expect(sim.now).toBe(3);
  });

  it('runs lower priority numbers first at equal times, and events scheduled during a run in time order', () => {
    const sim = new Simulation();
    const order: string[] = [];
    const b = sim.defineEvent(() => order.push(`b@${sim.now}`));
    const a = sim.defineEvent(() => {
      order.push(`a@${sim.now}`);
      sim.schedule(0, b); // same time, queued behind events already at this time
    });
    sim.schedule(1, a, 0, 0);
    sim.schedule(1, b, 0, -1);
    sim.schedule(0.5, a);
    sim.run();
    expect(order).toEqual(['a@0.5', 'b@0.5', 'b@1', 'a@1', 'b@1']);
  });

  it('cancels events and reschedules them', () => {
    const sim = new Simulation();
    const seen: number[] = [];
    const kind = sim.defineEvent((p) => seen.push(p));
    const h1 = sim.schedule(1, kind, 1);
    sim.schedule(2, kind, 2);
    const h3 = sim.schedule(3, kind, 3);
    sim.cancel(h1);
    sim.reschedule(h3, 0.5, kind, 3);
    sim.run();
    expect(seen).toEqual([3, 2]);
    expect(sim.eventsExecuted).toBe(2);
  });

  it('stops at `until` with the clock there, and resumes later', () => {
    const sim = new Simulation();
    const seen: number[] = [];
    const kind = sim.defineEvent(() => {
      seen.push(sim.now);
      sim.schedule(1, kind);
    });
    sim.schedule(0, kind);
    expect(sim.run(2.5)).toBe('until');
    expect(seen).toEqual([0, 1, 2]);
    expect(sim.now).toBe(2.5);
    sim.run(4);
    expect(seen).toEqual([0, 1, 2, 3, 4]);
  });

  it('stops when asked and after maxEvents', () => {
    const sim = new Simulation();
    let n = 0;
    const kind = sim.defineEvent(() => {
      n++;
      if (n === 5) sim.stop();
      sim.schedule(1, kind);
    });
    sim.schedule(0, kind);
    expect(sim.run()).toBe('stopped');
    expect(n).toBe(5);
    expect(sim.run(Infinity, 3)).toBe('maxEvents');
    expect(n).toBe(8);
  });

  it('returns "empty" when no events are left and advances to a finite until', () => {
    const sim = new Simulation();
    const kind = sim.defineEvent(() => undefined);
    sim.schedule(1, kind);
    expect(sim.run()).toBe('empty');
    expect(sim.now).toBe(1);
    expect(sim.run(10)).toBe('empty');
    expect(sim.now).toBe(10);
  });

  it('rejects events in the past, negative delays, unknown kinds and bad priorities', () => {
    const sim = new Simulation();
    const kind = sim.defineEvent(() => undefined, 'ping');
    sim.schedule(5, kind);
    sim.run();
    expect(() => sim.schedule(-1, kind)).toThrow(/ping.*before now/);
    expect(() => sim.scheduleAt(4, kind)).toThrow(/before now/);
    expect(() => sim.schedule(1, 99)).toThrow(/kind 99/);
    expect(() => sim.schedule(1, kind, 0, 5000)).toThrow(/priority/);
    expect(() => sim.schedule(1, kind, 0, 0.5)).toThrow(/priority/);
    expect(() => sim.schedule(NaN, kind)).toThrow();
  });
});

describe('Simulation stream slot', () => {
  it('runs the stream in time order with heap events, heap events first at equal times', () => {
    const sim = new Simulation();
    const order: string[] = [];
    let arrivals = 0;
    const arrive = sim.defineEvent(() => {
      order.push(`arrive@${sim.now}`);
      if (++arrivals < 4) sim.scheduleStream(1, arrive);
    });
    const other = sim.defineEvent((p) => order.push(`other${p}@${sim.now}`));
    sim.scheduleStream(0.5, arrive);
    sim.schedule(1.5, other, 1); // ties with the second arrival: runs first
    sim.schedule(2.2, other, 2);
    expect(sim.pendingEvents).toBe(3);
    expect(sim.nextEventTime()).toBe(0.5);
    expect(sim.run(3)).toBe('until');
    expect(order).toEqual(['arrive@0.5', 'other1@1.5', 'arrive@1.5', 'other2@2.2', 'arrive@2.5']);
    expect(sim.now).toBe(3);
    sim.run();
    expect(order.at(-1)).toBe('arrive@3.5');
    expect(sim.eventsExecuted).toBe(6);
  });

  it('keeps one pending stream event: scheduling again replaces it', () => {
    const sim = new Simulation();
    const seen: number[] = [];
    const tick = sim.defineEvent(() => seen.push(sim.now));
    sim.scheduleStream(5, tick);
    sim.scheduleStream(2, tick);
    sim.run();
    expect(seen).toEqual([2]);
    expect(() => sim.scheduleStream(-1, tick)).toThrow(/before now/);
  });
});
