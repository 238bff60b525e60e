import { describe, expect, it } from 'vitest';
import { DivisibleResource } from '../../src/engine/divisible-resource.js';
import { Resource } from '../../src/engine/resource.js';
import { Simulation } from '../../src/engine/simulation.js';

function setup(capacity: number) {
  const sim = new Simulation();
  const pool = new DivisibleResource(sim, { name: 'visits', capacity });
  const granted: [number, number][] = [];
  const onGrant = sim.defineEvent((e) => granted.push([e, sim.now]));
  return { sim, pool, granted, onGrant };
}

describe('DivisibleResource', () => {
  it('holds amounts, and a request waits until its whole amount fits', () => {
    const { pool, granted, onGrant } = setup(10);
    expect(pool.requestAmount(0, 4, onGrant)).toBe(true);
    expect(pool.requestAmount(1, 4, onGrant)).toBe(true);
    expect(pool.inUse).toBe(8);
    expect(pool.holders).toBe(2);
    expect(pool.requestAmount(2, 3, onGrant)).toBe(false); // 8 + 3 > 10
    expect(pool.requestAmount(3, 1, onGrant)).toBe(false); // would fit, but FIFO: no overtaking
    pool.resize(0, 2.5); // tapering frees 1.5: now 6.5 + 3 fits, then 9.5 + 1 does not
    expect(granted.map(([e]) => e)).toEqual([2]);
    expect(pool.inUse).toBeCloseTo(9.5, 12);
    pool.release(1); // frees 4: entity 3 gets in
    expect(granted.map(([e]) => e)).toEqual([2, 3]);
    expect(pool.inUse).toBeCloseTo(6.5, 12);
    expect(pool.amountHeld(1)).toBe(0);
    expect(pool.amountHeld(0)).toBe(2.5);
  });

  it('measures the amount in use and the holders over time', () => {
    const { sim, pool, onGrant } = setup(10);
    const grow = sim.defineEvent(() => pool.resize(0, 6));
    const leave = sim.defineEvent((e) => pool.release(e));
    pool.requestAmount(0, 2, onGrant);
    pool.requestAmount(1, 1, onGrant);
    sim.schedule(5, grow);
    sim.schedule(8, leave, 1);
    sim.run(10);
    // amount: 3 for 5 days, 7 for 3 days, 6 for 2 days; holders: 2 for 8 days, 1 for 2 days
    expect(pool.occupancy.mean(10)).toBeCloseTo((3 * 5 + 7 * 3 + 6 * 2) / 10, 12);
    expect(pool.holderCount.mean(10)).toBeCloseTo((2 * 8 + 1 * 2) / 10, 12);
  });

  it('supports blocking after service with amounts, and plain unit requests', () => {
    const { sim, pool, granted, onGrant } = setup(3);
    const beds = new Resource(sim, { name: 'beds', capacity: 5 });
    beds.request(7, onGrant);
    expect(pool.request(0, onGrant)).toBe(true); // one unit
    expect(pool.requestAmount(7, 2.5, onGrant, beds)).toBe(false); // 1 + 2.5 > 3: keeps the bed
    expect(beds.inUse).toBe(1);
    pool.release(0);
    expect(granted.at(-1)).toEqual([7, 0]);
    expect(beds.inUse).toBe(0); // bed given up when the visits were granted
    expect(pool.inUse).toBe(2.5);
  });

  it('rejects bad amounts and releases by non-holders', () => {
    const { pool, onGrant } = setup(3);
    expect(() => pool.requestAmount(0, 0, onGrant)).toThrow(/amount must be a number > 0/);
    expect(() => pool.requestAmount(0, NaN, onGrant)).toThrow(/amount/);
    expect(() => pool.release(4)).toThrow(/holds no place|no place/);
    expect(() => pool.resize(1, 1)).toThrow(/holds nothing/);
  });
});
