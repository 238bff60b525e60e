/** Capacity on a day of the run, from a number or a schedule. */
import { describe, expect, it } from 'vitest';
import { capacityOn } from '../../src/report/capacity.js';

describe('capacityOn', () => {
  it('reads a whole number as the capacity of every day', () => {
    expect(capacityOn(880, 0, '2025-04-07')).toBe(880);
    expect(capacityOn(880, 500, undefined)).toBe(880);
  });

  it('applies changes by day number and by date from their day on', () => {
    const schedule = {
      initial: 100,
      changes: [
        { date: '2025-04-17', capacity: 130 },
        { day: 5, capacity: 110 },
      ],
    };
    expect(capacityOn(schedule, 4, '2025-04-07')).toBe(100);
    expect(capacityOn(schedule, 5, '2025-04-07')).toBe(110);
    expect(capacityOn(schedule, 9, '2025-04-07')).toBe(110);
    expect(capacityOn(schedule, 10, '2025-04-07')).toBe(130);
  });

  it('gives null for something that is not a capacity', () => {
    expect(capacityOn(undefined, 0, '2025-04-07')).toBeNull();
    expect(capacityOn({ initial: 'x' }, 0, '2025-04-07')).toBeNull();
  });
});
