/**
 * The resource with own and overflow places: out-of-turn grants, and the matched mode in which
 * freed own places are not served in turn.
 */
import { describe, expect, it } from 'vitest';
import { OverflowResource } from '../../src/engine/overflow-resource.js';
import { Simulation } from '../../src/engine/simulation.js';

/** One own place; entities ask at the given times and the test releases and grants by hand. */
function oneBed(matched: boolean) {
  const sim = new Simulation();
  const res = new OverflowResource(sim, { name: 'beds', capacity: 1 });
  res.matched = matched;
  const granted: [number, number][] = [];
  const onGrant = sim.defineEvent((e) => granted.push([e, sim.now]));
  const at = (time: number, action: () => void): void => {
    sim.scheduleAt(time, sim.defineEvent(action), 0);
  };
  const ask = (time: number, e: number): void =>
    at(time, () => {
      if (res.request(e, onGrant)) granted.push([e, sim.now]);
    });
  return { sim, res, granted, at, ask };
}

describe('OverflowResource', () => {
  it('serves its own places first come, first served unless matched', () => {
    const { sim, res, granted, at, ask } = oneBed(false);
    ask(0, 1);
    ask(1, 2);
    at(3, () => res.release(1));
    ask(4, 3);
    sim.run();
    expect(granted).toEqual([
      [1, 0],
      [2, 3],
    ]);
    expect(res.isWaiting(3)).toBe(true);
  });

  it('matched: a freed own place stays free for the owner to grant, and a newcomer may take it', () => {
    const { sim, res, granted, at, ask } = oneBed(true);
    ask(0, 1);
    ask(1, 2); // waits
    at(3, () => {
      res.release(1);
      expect(res.isWaiting(2)).toBe(true); // not served in turn
      expect(res.available).toBe(1);
    });
    ask(4, 3); // takes the free place at once although 2 is waiting
    at(5, () => {
      expect(res.grantOwn(2)).toBeNaN(); // no own place free
      res.release(3);
    });
    at(7, () => expect(res.grantOwn(2)).toBe(6)); // waited from 1 to 7
    sim.run();
    expect(granted).toEqual([
      [1, 0],
      [3, 4],
      [2, 7],
    ]);
    expect(res.inUse).toBe(1);
    expect(res.overflowInUse).toBe(0);
    expect(res.waiting).toBe(0);
  });

  it('grants an overflow place out of turn beside full own places', () => {
    const { sim, res, granted, at, ask } = oneBed(false);
    ask(0, 1);
    ask(1, 2);
    ask(2, 3);
    at(3, () => expect(res.grantOverflow(3)).toBe(1));
    sim.run();
    expect(granted).toEqual([
      [1, 0],
      [3, 3],
    ]);
    expect(res.inUse).toBe(2);
    expect(res.overflowInUse).toBe(1);
    expect(res.holdsOverflow(3)).toBe(true);
    expect(res.isWaiting(2)).toBe(true);
  });
});
