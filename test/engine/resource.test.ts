import { describe, expect, it } from 'vitest';
import { Resource } from '../../src/engine/resource.js';
import { Simulation } from '../../src/engine/simulation.js';

/** A tiny model: entity e arrives at arrivals[e], holds the resource for holds[e]. */
function singleServer(capacity: number, arrivals: number[], holds: number[], discipline: 'fifo' | 'priority' = 'fifo', priorities: number[] = []) {
  const sim = new Simulation();
  const res = new Resource(sim, { name: 'beds', capacity, discipline, keepValues: true });
  const started: [number, number][] = [];
  const leave = sim.defineEvent((e) => res.release(e));
  const start = (e: number): void => {
    started.push([e, sim.now]);
    sim.schedule(holds[e], leave, e);
  };
  const granted = sim.defineEvent(start);
  const arrive = sim.defineEvent((e) => {
    if (res.request(e, granted, priorities[e] ?? 0)) start(e);
  });
  arrivals.forEach((t, e) => sim.scheduleAt(t, arrive, e));
  return { sim, res, started };
}

describe('Resource', () => {
  it('serves waiting entities first in, first out as places free up', () => {
    const { sim, res, started } = singleServer(1, [0, 1, 2, 3], [5, 1, 1, 1]);
    sim.run();
    expect(started).toEqual([
      [0, 0],
      [1, 5],
      [2, 6],
      [3, 7],
    ]);
    expect([...res.waits.observations()]).toEqual([0, 4, 4, 4]);
    expect(res.inUse).toBe(0);
  });

  it('serves by priority (lower first) and FIFO within a priority', () => {
    const { sim, started } = singleServer(1, [0, 1, 2, 3, 4], [10, 1, 1, 1, 1], 'priority', [0, 5, 1, 5, 1]);
    sim.run();
    expect(started.map(([e]) => e)).toEqual([0, 2, 4, 1, 3]);
  });

  it('applies capacity changes mid-run: more places serve the line at once, fewer take none away', () => {
    const sim = new Simulation();
    const res = new Resource(sim, { name: 'beds', capacity: 1 });
    const starts: [number, number][] = [];
    const granted = sim.defineEvent((e) => starts.push([e, sim.now]));
    const arrive = sim.defineEvent((e) => {
      if (res.request(e, granted)) starts.push([e, sim.now]);
    });
    for (let e = 0; e < 4; e++) sim.scheduleAt(0, arrive, e);
    res.scheduleCapacity([
      { time: 2, capacity: 3 },
      { time: 5, capacity: 1 },
    ]);
    sim.run(10);
    expect(starts).toEqual([
      [0, 0],
      [1, 2],
      [2, 2],
    ]);
    expect(res.capacity).toBe(1);
    expect(res.inUse).toBe(3); // lowering capacity evicts nobody
    res.release(0);
    res.release(1);
    expect(res.waiting).toBe(1); // one place in use still equals the capacity of 1: nobody admitted
    res.release(2);
    expect(starts.at(-1)).toEqual([3, 10]);
    expect(res.occupancy.mean(10)).toBeCloseTo((1 * 2 + 3 * 8) / 10, 12);
  });

  it('blocking after service: a holder keeps its first place until the second is granted', () => {
    const sim = new Simulation();
    const acute = new Resource(sim, { name: 'acute', capacity: 1 });
    const home = new Resource(sim, { name: 'care home', capacity: 1 });
    const log: string[] = [];
    const admitted = sim.defineEvent((e) => log.push(`acute ${e} @${sim.now}`));
    const moved = sim.defineEvent((e) => log.push(`home ${e} @${sim.now} acute in use ${acute.inUse}`));
    const fit = sim.defineEvent((e) => {
      if (home.requestWhileHolding(e, acute, moved)) log.push(`home ${e} @${sim.now} at once, acute in use ${acute.inUse}`);
    });
    const arrive = sim.defineEvent((e) => {
      if (acute.request(e, admitted)) log.push(`acute ${e} @${sim.now}`);
      sim.schedule(1, fit, e);
    });
    sim.scheduleAt(0, arrive, 0); // takes the care-home place at t=1 and keeps it
    sim.scheduleAt(0.5, arrive, 1); // waits for the acute bed until patient 0 moves out at 1
    sim.run(5);
    // Patient 1 is fit at 1.5 but the care home is full: still holds the acute bed.
    expect(acute.inUse).toBe(1);
    expect(home.waiting).toBe(1);
    const leaveHome = sim.defineEvent((e) => home.release(e));
    sim.schedule(0, leaveHome, 0);
    sim.run(6);
    expect(log).toEqual([
      'acute 0 @0',
      // The acute bed passes to patient 1 inside the release, before patient 0's call returns.
      'acute 1 @1',
      'home 0 @1 at once, acute in use 1',
      'home 1 @5 acute in use 0',
    ]);
    expect(home.waits.mean()).toBeCloseTo((0 + 3.5) / 2, 12);
  });

  it('withdraws a waiting entity (diversion) and rejects bad use', () => {
    const sim = new Simulation();
    const res = new Resource(sim, { name: 'beds', capacity: 1 });
    const granted = sim.defineEvent(() => undefined);
    expect(res.request(0, granted)).toBe(true);
    expect(res.request(1, granted)).toBe(false);
    expect(res.request(2, granted)).toBe(false);
    expect(res.isWaiting(1)).toBe(true);
    expect(res.withdraw(1)).toBe(true);
    expect(res.withdraw(1)).toBe(false);
    expect(res.waitingEntities()).toEqual([2]);
    expect(res.tryAcquire(3)).toBe(false);
    res.release(0);
    expect(res.waiting).toBe(0);
    expect(res.inUse).toBe(1);
    res.release(2);
    expect(() => res.release(2)).toThrow(/beds: release/);
    expect(() => new Resource(sim, { name: 'x', capacity: -1 })).toThrow(/capacity must be a whole number >= 0/);
    expect(() => res.setCapacity(1.5)).toThrow(/capacity/);
  });

  it('holds unlimited capacity and restarts statistics at the end of a warm-up', () => {
    const sim = new Simulation();
    const res = new Resource(sim, { name: 'home', capacity: Infinity });
    const granted = sim.defineEvent(() => undefined);
    for (let e = 0; e < 100; e++) expect(res.request(e, granted)).toBe(true);
    const reset = sim.defineEvent(() => res.resetStatistics());
    sim.schedule(10, reset);
    sim.run(20);
    expect(res.occupancy.mean(20)).toBe(100);
    expect(res.requests).toBe(0);
    expect(res.waits.count).toBe(0);
  });
});
