/** Capacity plans: how a schedule's dated changes are read at resolve time. */
import { describe, expect, it } from 'vitest';
import { Calendar } from '../../../src/engine/calendar.js';
import { capacityAt } from '../../../src/model/capacity/plan.js';
import { planCapacity } from '../../../src/model/capacity/registry.js';

const calendar = new Calendar('2024-01-01');

describe('planCapacity', () => {
  it('puts changes dated on or before the start in force at time 0 (the latest wins)', () => {
    const plan = planCapacity(
      {
        initial: 10,
        changes: [
          { date: '2023-06-01', capacity: 12 },
          { date: '2023-12-01', capacity: 14 },
          { day: 5, capacity: 20 },
        ],
      },
      undefined,
      calendar,
    );
    expect(plan).toEqual({ behaviour: 'places', initial: 14, changes: [{ time: 5, capacity: 20 }], parameters: {} });
    expect(capacityAt(plan, 4.9)).toBe(14);
    expect(capacityAt(plan, 5)).toBe(20);
  });

  it('keeps a plain number and plans visits per day as their own behaviour', () => {
    expect(planCapacity(7, undefined, calendar)).toEqual({ behaviour: 'places', initial: 7, changes: [], parameters: {} });
    expect(planCapacity(70, { initial: 3, final: 1 }, calendar)).toEqual({ behaviour: 'visitsPerDay', initial: 70, changes: [], parameters: { initial: 3, final: 1 } });
  });
});
