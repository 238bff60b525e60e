/**
 * The *resolve* stage: a parsed model (with any scenario overrides, `--set` values and sweep
 * point already written into it) checked across its parts and its policies applied, exactly
 * once, into a {@link ResolvedModel}: the complete description of what a run simulates, in
 * names, as plain data. Compile reads only this; so do the warm-up hint, the results folder's
 * manifest, the sweep and the report.
 *
 * @module
 */
import { Calendar } from '../../engine/calendar.js';
import { withCapacityDeltas } from '../capacity/deltas.js';
import type { CapacityPlan } from '../capacity/plan.js';
import { planCapacity } from '../capacity/registry.js';
import { applyPolicies, resolvedPolicies, type ResolvedPolicy } from '../policies/apply.js';
import type { PolicyEffects } from '../policies/effects.js';
import type { ModelConfig } from '../schema.js';
import { acuteSettingOf, referenceProblems } from './references.js';

/** A model ready to compile: checked, its policies applied, its capacities planned. */
export interface ResolvedModel {
  /**
   * The model's values as they run: overrides applied, defaults filled in, and the settings
   * that policies add (in output order). Its `policies` are the entries as written.
   */
  readonly config: ModelConfig;
  /** Every policy entry in force, each default filled in and its start as a day number. */
  readonly policies: readonly ResolvedPolicy[];
  /** What the policies do, by setting and group names. */
  readonly effects: PolicyEffects;
  /** Setting names in run (and output) order. */
  readonly settings: readonly string[];
  /** The acute setting's name. */
  readonly acute: string;
  /** Each setting's capacity as run (schedules in days, policy deltas added), by name. */
  readonly capacity: Readonly<Record<string, CapacityPlan>>;
}

/**
 * Resolves a parsed model.
 *
 * @throws ModelProblem with the path (from the model's root) of the first problem.
 */
export function resolveModel(config: ModelConfig): ResolvedModel {
  const problems = referenceProblems(config);
  if (problems.length > 0) throw problems[0];
  const applied = applyPolicies(config);
  // A policy that adds settings must leave a model that is still valid.
  if (applied.config !== config) {
    const added = referenceProblems(applied.config);
    if (added.length > 0) throw added[0];
  }
  const model = applied.config;
  const calendar = new Calendar(model.startDate);
  const settings = Object.keys(model.settings);
  const capacity: Record<string, CapacityPlan> = {};
  for (const name of settings) {
    const s = model.settings[name];
    const planned = planCapacity(s.capacity, s.visitsPerDay, calendar);
    const deltas = applied.effects.capacityDeltas.filter((d) => d.setting === name).map((d) => d.delta);
    capacity[name] = { ...planned, ...withCapacityDeltas(planned.initial, planned.changes, deltas) };
  }
  return { config: model, policies: resolvedPolicies(config), effects: applied.effects, settings, acute: acuteSettingOf(model), capacity };
}

/** Whether a value is a resolved model (rather than a parsed one or a compiled one). */
export function isResolvedModel(value: unknown): value is ResolvedModel {
  return typeof value === 'object' && value !== null && 'effects' in value && 'capacity' in value && 'config' in value;
}
