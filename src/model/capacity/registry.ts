/**
 * Capacity behaviours by name. Each has two halves: *plan* (at resolve time: the setting's
 * `capacity` value as parsed, turned into a {@link CapacityPlan}) and *create* (at run time:
 * the plan turned into the {@link SettingCapacity} the simulation calls). The built-in ones
 * are written in files as a whole number (`places`), a schedule `{initial, changes}`
 * (`places`), either with `visitsPerDay` on the setting (`visitsPerDay`); a registered one is
 * written `capacity: {type: <name>, ...}` and brings its own schema. A new behaviour is one
 * module that calls {@link registerCapacityBehaviour} when imported (a shipped one is imported
 * by schema.ts, beside this registry, so that every parse knows its form).
 *
 * @module
 */
import type { z } from 'zod';
import type { Calendar } from '../../engine/calendar.js';
import type { CapacityChange } from '../../engine/resource.js';
import { createPlaces } from './places.js';
import type { CapacityPlan } from './plan.js';
import type { CreateCapacity } from './setting-capacity.js';
import { createVisits } from './visits-per-day.js';

/** A capacity schedule as files write it: changes by day number or by date. */
export interface ScheduleForm {
  initial: number;
  changes: { day?: number; date?: string; capacity: number }[];
}

/** The built-in forms of a `capacity` value. */
export type BuiltInCapacityForm = number | ScheduleForm;

/** A registered behaviour's form: an object naming the behaviour in `type`. */
export interface TypedCapacityForm {
  type: string;
  [field: string]: unknown;
}

/** A `capacity` value as parsed. */
export type CapacityForm = BuiltInCapacityForm | TypedCapacityForm;

/** What a registered behaviour declares. */
export interface CapacityBehaviour {
  /** Its name, the `type` of its form in files. */
  readonly name: string;
  /** The schema of its form (a strict object whose `type` is the name). */
  readonly schema: z.ZodType<TypedCapacityForm>;
  /** Its plan from the parsed form: capacity at time 0, dated changes, its own parameters. */
  plan(form: TypedCapacityForm, calendar: Calendar): Omit<CapacityPlan, 'behaviour'>;
  /** Its run-time half. */
  readonly create: CreateCapacity;
  /** Rules it needs of the rest of its setting: the problems, as (field of the setting, reason). */
  checkSetting?(setting: SettingFacts): { field: string; message: string }[];
}

/** What a behaviour may check of the setting it runs. */
export interface SettingFacts {
  kind: 'acute' | 'bed' | 'home';
  costBasis: 'occupied' | 'capacity';
  visitsPerDay?: unknown;
}

/** The rules a registered behaviour places on its setting (none for the built-in forms). */
export function capacitySettingProblems(capacity: CapacityForm, setting: SettingFacts): { field: string; message: string }[] {
  if (typeof capacity !== 'object' || !('type' in capacity)) return [];
  return registered.get(capacity.type)?.checkSetting?.(setting) ?? [];
}

const registered = new Map<string, CapacityBehaviour>();
const CREATE_BUILT_IN: Record<string, CreateCapacity> = { places: createPlaces, visitsPerDay: createVisits };

/** Adds a behaviour (its name must be new). */
export function registerCapacityBehaviour(behaviour: CapacityBehaviour): void {
  if (behaviour.name in CREATE_BUILT_IN || registered.has(behaviour.name)) throw new Error(`capacity behaviour "${behaviour.name}" is already registered`);
  registered.set(behaviour.name, behaviour);
}

/** The schemas of the registered behaviours' forms, for the model file's `capacity` field. */
export function registeredCapacitySchemas(): z.ZodType<TypedCapacityForm>[] {
  return [...registered.values()].map((b) => b.schema);
}

/** The schema of the registered behaviour `name`'s form, or undefined if none is registered by that name. */
export function registeredCapacitySchema(name: string): z.ZodType<TypedCapacityForm> | undefined {
  return registered.get(name)?.schema;
}

/** The names of the registered behaviours (the `type`s a model file may write). */
export function registeredCapacityNames(): string[] {
  return [...registered.keys()];
}

/** The run-time half of the behaviour a plan names. */
export function capacityFactory(behaviour: string): CreateCapacity {
  const create = CREATE_BUILT_IN[behaviour] ?? registered.get(behaviour)?.create;
  if (create === undefined) throw new Error(`unknown capacity behaviour "${behaviour}"`);
  return create;
}

/**
 * A setting's capacity plan from its parsed `capacity` (and `visitsPerDay`), before any policy
 * changes it (see {@link planPlaces} for dated changes).
 */
export function planCapacity(capacity: CapacityForm, visitsPerDay: { initial: number; final: number } | undefined, calendar: Calendar): CapacityPlan {
  if (typeof capacity === 'object' && 'type' in capacity) {
    const behaviour = registered.get(capacity.type);
    if (behaviour === undefined) throw new Error(`unknown capacity behaviour "${capacity.type}"`);
    return { behaviour: behaviour.name, ...behaviour.plan(capacity, calendar) };
  }
  const { initial, changes } = planPlaces(capacity, calendar);
  if (visitsPerDay !== undefined) return { behaviour: 'visitsPerDay', initial, changes, parameters: { initial: visitsPerDay.initial, final: visitsPerDay.final } };
  return { behaviour: 'places', initial, changes, parameters: {} };
}

/**
 * Places, fixed or scheduled, in simulation days. A change dated at or before the start is
 * already in force at time 0: the latest one sets the initial capacity (a stable sort keeps the
 * listed order of changes at one time).
 */
export function planPlaces(capacity: BuiltInCapacityForm, calendar: Calendar): { initial: number; changes: CapacityChange[] } {
  const schedule = typeof capacity === 'number' ? null : capacity;
  const changes: CapacityChange[] = (schedule?.changes ?? []).map((c) => ({ time: c.date !== undefined ? calendar.timeOf(c.date) : (c.day as number), capacity: c.capacity }));
  const inForce = changes.filter((c) => c.time <= 0).sort((a, b) => a.time - b.time);
  const initial = inForce.length > 0 ? inForce[inForce.length - 1].capacity : schedule === null ? (capacity as number) : schedule.initial;
  return { initial, changes: changes.filter((c) => c.time > 0) };
}
