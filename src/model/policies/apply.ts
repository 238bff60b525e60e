/**
 * Applies a model's policies, in order, to a private copy of the model: each adds effects (see
 * effects.ts) or changes the configuration. With no policies the model is returned as it is.
 *
 * @module
 */
import { Calendar } from '../../engine/calendar.js';
import { closest, readableIssueMessage } from '../config-file.js';
import type { ModelConfig, PolicyInstance } from '../schema.js';
import { ModelProblem } from '../model-problem.js';
import type { PayerShares } from '../payers.js';
import { PolicyContext } from './context.js';
import { noEffects, type PolicyEffects } from './effects.js';
import { parametersSchema, withDefaults } from './parameters.js';
import { rampProfile } from './profile.js';
import { policyByName, POLICY_NAMES } from './registry.js';

/** A model with its policies applied: the changed configuration and the effects to simulate. */
export interface AppliedPolicies {
  config: ModelConfig;
  effects: PolicyEffects;
}

/**
 * Applies every policy of `config.policies`.
 *
 * @throws ModelProblem with the path (from `policies`) of the first bad entry.
 */
export function applyPolicies(config: ModelConfig): AppliedPolicies {
  const effects = noEffects();
  if (config.policies.length === 0) return { config, effects };
  const copy = structuredClone(config);
  const calendar = new Calendar(config.startDate);
  copy.policies.forEach((instance, i) => {
    try {
      const first = copy.policies.findIndex((p) => p.policy === instance.policy);
      if (first < i) throw new ModelProblem(['policy'], `${instance.policy} is already in force (policies entry ${first}); use each policy once, with the parameters you want`);
      applyOne(copy, effects, instance, calendar);
    } catch (err) {
      if (err instanceof ModelProblem) throw new ModelProblem(['policies', i, ...err.path], err.message);
      throw err;
    }
  });
  return { config: copy, effects };
}

function applyOne(config: ModelConfig, effects: PolicyEffects, instance: PolicyInstance, calendar: Calendar): void {
  const policy = policyByName(instance.policy);
  if (!policy) throw new ModelProblem(['policy'], `unknown policy "${instance.policy}"; expected one of ${POLICY_NAMES.join(', ')} (see careflow list policies)`);
  const parsed = parametersSchema(policy.parameters).safeParse(instance.parameters, { error: readableIssueMessage });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const known = Object.keys(policy.parameters).join(', ');
    const guess = issue.code === 'unrecognized_keys' ? closest(issue.keys[0], Object.keys(policy.parameters)) : undefined;
    const message =
      issue.code === 'unrecognized_keys' ? `unknown parameter "${issue.keys[0]}" of ${policy.name}${guess ? ` (did you mean "${guess}"?)` : ''}; expected ${known}` : issue.message;
    const path = ['parameters', ...(issue.path as (string | number)[]), ...(issue.code === 'unrecognized_keys' ? [issue.keys[0]] : [])];
    throw new ModelProblem(path, message);
  }
  const start = startDay(instance.start, calendar);
  if (start < 0) throw new ModelProblem(['start'], `${instance.start} is before the model's startDate (${config.startDate})`);
  const ctx = new PolicyContext(config, effects, policy.name, start, instance.rampDays, withDefaults(policy.parameters, parsed.data));
  policy.apply(ctx);
  const perYear = instance.runningCostPerYear ?? policy.runningCost.perYear;
  if (perYear > 0) {
    effects.runningCosts.push({
      policy: policy.name,
      perDay: perYear / DAYS_PER_YEAR,
      payers: instance.payers ?? policy.runningCost.payers,
      // Staff are hired as the policy phases in, so the cost follows its ramp unless it says otherwise.
      level: ctx.runningCostLevel ?? rampProfile(start, instance.rampDays, 0, 1),
    });
  }
}

/** A start given as a day number or a date, as a day number. */
function startDay(start: number | string, calendar: Calendar): number {
  if (typeof start === 'number') return start;
  try {
    return calendar.timeOf(start);
  } catch (err) {
    throw new ModelProblem(['start'], (err as Error).message);
  }
}

/** Days in a year, for costs given per year. */
export const DAYS_PER_YEAR = 365.25;

/** A policy entry with every default filled in: what a run used, for manifests and reports. */
export interface ResolvedPolicy {
  policy: string;
  start: number | string;
  /** The start as a day number from the model's start date. */
  startDay: number;
  rampDays: number;
  runningCostPerYear: number;
  payers: PayerShares;
  parameters: Record<string, unknown>;
}

/** The model's policy entries with the policies' defaults filled in (entries must be valid). */
export function resolvedPolicies(config: ModelConfig): ResolvedPolicy[] {
  const calendar = new Calendar(config.startDate);
  return config.policies.map((instance) => {
    const policy = policyByName(instance.policy);
    if (!policy) throw new ModelProblem(['policy'], `unknown policy "${instance.policy}"`);
    return {
      policy: instance.policy,
      start: instance.start,
      startDay: startDay(instance.start, calendar),
      rampDays: instance.rampDays,
      runningCostPerYear: instance.runningCostPerYear ?? policy.runningCost.perYear,
      payers: instance.payers ?? policy.runningCost.payers,
      parameters: withDefaults(policy.parameters, instance.parameters),
    };
  });
}
