/**
 * A new capacity behaviour is one module and one schema entry: "capacity doubles on Mondays",
 * written here as a user would write it in src/model/capacity/, registered, then used by a
 * model file and run.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Resource } from '../../../src/engine/resource.js';
import { registerCapacityBehaviour, type TypedCapacityForm } from '../../../src/model/capacity/registry.js';
import { PlacesCapacity } from '../../../src/model/capacity/places.js';
import type { CapacityPlan } from '../../../src/model/capacity/plan.js';
import type { CapacityRun, SettingCapacity } from '../../../src/model/capacity/setting-capacity.js';
import { baseModel, configError, dailyColumn, metric, run } from '../support.js';

/** The module: `places` on other days, twice that on Mondays (2024-01-01, day 0, is a Monday). */
class DoubleOnMondays extends PlacesCapacity implements SettingCapacity {
  private readonly places: number;

  constructor(plan: CapacityPlan, run: CapacityRun) {
    super(plan, run, new Resource(run.sim, { name: run.name, capacity: plan.initial }));
    this.places = plan.parameters.places as number;
  }

  override midnight(now: number): void {
    const monday = Math.floor(now + 1e-9) % 7 === 0;
    this.resource.setCapacity(monday ? 2 * this.places : this.places);
  }
}

registerCapacityBehaviour({
  name: 'doubleOnMondays',
  // The schema entry: the form a model file writes.
  schema: z.strictObject({ type: z.literal('doubleOnMondays'), places: z.number().int().min(0) }) as unknown as z.ZodType<TypedCapacityForm>,
  plan: (form) => ({ initial: 2 * (form.places as number), changes: [], parameters: { places: form.places } }),
  create: (plan, r) => new DoubleOnMondays(plan, r),
});

const WINDOW = { horizonDays: 28, warmupDays: 0, seed: 3 };

describe('a capacity behaviour added by registration', () => {
  it('runs: the step-down unit has 2 x 5 places on Mondays and 5 on other days', () => {
    const result = run(baseModel({ settings: { stepDown: { capacity: { type: 'doubleOnMondays', places: 5 } } } }), WINDOW);
    const capacity = dailyColumn(result, 'stepDown', 'capacity');
    // The daily row of day d is taken at midnight after the capacity's own midnight work.
    capacity.forEach((c, day) => expect(c).toBe(day % 7 === 0 ? 10 : 5));
    // It binds: with 4 arrivals a day on P2 and 15-day stays, people queue for the unit.
    expect(Math.max(...dailyColumn(result, 'stepDown', 'queue'))).toBeGreaterThan(0);
    // The Monday places are used: more people get a place than with 5 places every day.
    const fixed = run(baseModel({ settings: { stepDown: { capacity: 5 } } }), WINDOW);
    expect(metric(result, 'placements.stepDown')).toBeGreaterThan(metric(fixed, 'placements.stepDown'));
  });

  it("is checked against its own schema, with the file's line", () => {
    const err = configError(() => baseModel({ settings: { stepDown: { capacity: { type: 'doubleOnMondays', places: -1 } } } }));
    expect(err.field).toBe('settings.stepDown.capacity.places');
    expect(err.line).toBeGreaterThan(0);
  });

  it('names an unknown behaviour and the registered ones', () => {
    const err = configError(() => baseModel({ settings: { stepDown: { capacity: { type: 'doubleOnSundays', places: 5 } } } }));
    expect(err.field).toBe('settings.stepDown.capacity.type');
    expect(err.reason).toBe('unknown capacity behaviour "doubleOnSundays"; expected one of market, doubleOnMondays');
  });

  it('leaves the built-in forms as they were: a whole number is still required of a plain capacity', () => {
    const err = configError(() => baseModel({ settings: { stepDown: { capacity: -3 } } }));
    expect(err.field).toBe('settings.stepDown.capacity');
    expect(err.reason).toMatch(/>= 0/);
  });
});
