/**
 * The midnight saturation counts: the share of midnights full and the least-squares slope of the
 * queue, checked against hand-built queues whose answers are known exactly.
 */
import { describe, expect, it } from 'vitest';
import { SaturationMonitor, type MonitoredResource } from '../../src/model/saturation-monitor.js';

/** A setting whose state the test sets before each midnight. */
function setting(capacity: number): MonitoredResource & { waiting: number; inUse: number } {
  return { capacity, waiting: 0, inUse: 0 };
}

describe('SaturationMonitor', () => {
  it('counts a midnight as full when every place is in use or someone waits', () => {
    const a = setting(10);
    const monitor = new SaturationMonitor([a]);
    const states: [inUse: number, waiting: number][] = [
      [9, 0], // a place free, nobody waiting: not full
      [10, 0], // every place in use: full
      [8, 2], // places free but people wait (visits too few for the next client): full
      [12, 0], // over capacity after a cut: full
    ];
    states.forEach(([inUse, waiting], day) => {
      a.inUse = inUse;
      a.waiting = waiting;
      monitor.sample(day);
    });
    expect(monitor.fullShare(0)).toBe(3 / 4);
  });

  it('gives the exact slope of a queue growing linearly, in people per year, and next to nothing for a long flat one', () => {
    const growing = setting(5);
    const flat = setting(5);
    const monitor = new SaturationMonitor([growing, flat]);
    for (let day = 0; day < 100; day++) {
      growing.waiting = 7 + 0.25 * day; // a quarter of a person a day: 91.25 a year
      flat.waiting = 40 + (day % 2 === 0 ? 3 : -3); // long but stable, with noise
      monitor.sample(day);
    }
    expect(monitor.queueTrendPerYear(0)).toBeCloseTo(91.25, 9);
    // The alternation leans the fit slightly down: cov(t, q) = -1.5 and var(t) = (100^2 - 1) / 12.
    expect(monitor.queueTrendPerYear(1)).toBeCloseTo((365 * -1.5) / ((100 * 100 - 1) / 12), 9);
  });

  it('forgets everything at reset, and reports 0 with fewer than two midnights', () => {
    const a = setting(1);
    const monitor = new SaturationMonitor([a]);
    a.waiting = 5;
    a.inUse = 1;
    monitor.sample(0);
    monitor.sample(1);
    monitor.reset();
    expect(monitor.fullShare(0)).toBe(0);
    expect(monitor.queueTrendPerYear(0)).toBe(0);
    monitor.sample(0);
    expect(monitor.fullShare(0)).toBe(1);
    expect(monitor.queueTrendPerYear(0)).toBe(0);
  });
});
