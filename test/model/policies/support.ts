/**
 * Helpers for the policy tests: a model with one policy switched on (built through the real
 * loader, so the policy's parameters are validated as in a model file), paired replications
 * under common random numbers with the project's paired 95% confidence interval, and the checks
 * every policy shares (neutral parameters change nothing; the running cost is booked to the
 * right payers; nothing happens before the start day).
 *
 * Every number in the models built here is a test value chosen to make a mechanism visible;
 * none is an estimate of any real system.
 */
import { describe, expect, it } from 'vitest';
import { pairedDifference, type Difference } from '../../../src/experiment/statistics.js';
import { compileModel } from '../../../src/model/compile.js';
import { DAILY_COLUMNS } from '../../../src/model/observations.js';
import { DAYS_PER_YEAR } from '../../../src/model/policies/apply.js';
import type { PolicyDefinition } from '../../../src/model/policies/definition.js';
import { neutralParameters } from '../../../src/model/policies/parameters.js';
import { policyByName } from '../../../src/model/policies/registry.js';
import { runReplication, type ReplicationResult } from '../../../src/model/run-replication.js';
import type { ResolvedModel } from '../../../src/model/resolve/resolve-model.js';
import { baseModel, dailyColumn, metric, run, type Patch } from '../support.js';

/** A results window: horizon and warm-up in days. */
export interface Window {
  horizonDays: number;
  warmupDays: number;
}

/** Extra fields of a policy entry besides its name and parameters. */
export interface PolicyExtra {
  start?: number | string;
  rampDays?: number;
  runningCostPerYear?: number;
  payers?: { nhs?: number; council?: number; selfFunder?: number };
}

/** The registry's definition of `name`, failing loudly if there is none. */
export function definition(name: string): PolicyDefinition {
  const def = policyByName(name);
  if (!def) throw new Error(`no policy ${name}`);
  return def;
}

/** The base model with `patch` and one policy entry (validated by the real model loader). */
export function withPolicy(patch: Patch, policy: string, parameters: Record<string, unknown> = {}, extra: PolicyExtra = {}): ResolvedModel {
  return baseModel(patch, { policies: [{ policy, parameters, ...extra }] });
}

/** The policy's parameters at which it should do nothing. */
export function neutral(policy: string): Record<string, number> {
  return neutralParameters(definition(policy).parameters);
}

/** Replications of a baseline and a scenario with seeds 1..n (common random numbers). */
export interface PairedRuns {
  base: ReplicationResult[];
  scenario: ReplicationResult[];
  /** Paired difference scenario - baseline of one metric, with its 95% Student-t interval. */
  diff(name: string): Difference;
  /** The per-replication differences of one metric. */
  diffs(name: string): number[];
}

/** Runs `reps` replications of both models with seeds 1..reps. */
export function pairedRuns(base: ResolvedModel, scenario: ResolvedModel, reps: number, window: Window): PairedRuns {
  const runAll = (config: ResolvedModel): ReplicationResult[] => {
    const compiled = compileModel(config);
    return Array.from({ length: reps }, (_, i) => runReplication(compiled, { ...window, seed: i + 1 }));
  };
  const b = runAll(base);
  const s = runAll(scenario);
  const values = (rs: ReplicationResult[], name: string): number[] => rs.map((r) => metric(r, name));
  return {
    base: b,
    scenario: s,
    diff: (name) => pairedDifference(values(s, name), values(b, name)),
    diffs: (name) => values(s, name).map((v, i) => v - metric(b[i], name)),
  };
}

/** Asserts that a paired difference's 95% interval lies wholly below (down) or above (up) zero. */
export function expectDirection(d: Difference, direction: 'up' | 'down', what: string): void {
  const text = `${what}: paired difference ${d.mean} (95% CI ${d.ciLow} to ${d.ciHigh}) should be ${direction}`;
  expect(Number.isFinite(d.ciLow) && Number.isFinite(d.ciHigh), text).toBe(true);
  if (direction === 'up') expect(d.ciLow, text).toBeGreaterThan(0);
  else expect(d.ciHigh, text).toBeLessThan(0);
}

/** Cost metric names (the only ones a running cost may change). */
function isCostMetric(name: string): boolean {
  return name.startsWith('cost');
}

/** `a` and `b` equal to within `rel` of the larger magnitude (exact when both are 0). */
export function expectClose(a: number, b: number, rel: number, what: string): void {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  expect(Math.abs(a - b), `${what}: ${a} vs ${b}`).toBeLessThanOrEqual(rel * scale);
}

/** Options of {@link sharedPolicyTests}. */
export interface SharedOptions {
  /** Results window (default 120 days after 20 of warm-up). */
  window?: Window;
  seed?: number;
  /** Active parameters for the running-cost and phase-in checks (default: the policy's defaults). */
  active?: Record<string, unknown>;
  /** Day the phase-in check starts the policy (default 60). */
  phaseInStart?: number;
  /** The running cost is a step at the start, not following the ramp (structural-merger's dip). */
  costIgnoresRamp?: boolean;
}

/**
 * The checks every policy shares, on a model (`patch`) where its mechanism matters:
 * - with neutral parameters (and no running cost) every metric and the daily series are exactly
 *   the baseline's under the same seed;
 * - with a running cost, neutral parameters change only the costs, and the running cost is
 *   perYear / 365.25 a day, split between the payers given (or the policy's default payers);
 * - with its default parameters, costByPolicy.<name> is the given running cost over the window;
 * - starting on day `start`, it leaves the daily series before that day as the baseline's.
 */
export function sharedPolicyTests(policy: string, patch: Patch, options: SharedOptions = {}): void {
  const window = options.window ?? { horizonDays: 120, warmupDays: 20 };
  const seed = options.seed ?? 7;
  const days = window.horizonDays - window.warmupDays;
  const def = definition(policy);
  const baseConfig = baseModel(patch);
  const base = run(baseConfig, { ...window, seed });

  describe(`${policy}: shared checks`, () => {
    it('is in the registry with a neutral value for every number parameter', () => {
      expect(def.name).toBe(policy);
      for (const [name, spec] of Object.entries(def.parameters)) {
        if (spec.kind !== 'number') continue;
        expect(Number.isFinite(spec.neutral), name).toBe(true);
        if (spec.min !== undefined) expect(spec.neutral, name).toBeGreaterThanOrEqual(spec.min);
        if (spec.max !== undefined) expect(spec.neutral, name).toBeLessThanOrEqual(spec.max);
      }
    });

    it('with neutral parameters and no running cost, changes nothing (identical results, same seed)', () => {
      const config = withPolicy(patch, policy, neutral(policy), { runningCostPerYear: 0 });
      expect(config.policies).toHaveLength(1);
      const r = run(config, { ...window, seed });
      expect(r.metrics).toEqual(base.metrics);
      expect(r.daily).toEqual(base.daily);
    });

    it('with neutral parameters and a running cost, only costs change, by the running cost, split by the payers given', () => {
      const perYear = 365_250;
      const config = withPolicy(patch, policy, neutral(policy), { runningCostPerYear: perYear, payers: { nhs: 0.25, council: 0.75 } });
      const r = run(config, { ...window, seed });
      const cost = (perYear / DAYS_PER_YEAR) * days; // level 1 throughout: starts on day 0, no ramp
      expect(cost).toBeCloseTo(1000 * days, 6);
      expectClose(metric(r, `costByPolicy.${policy}`), cost, 1e-9, 'running cost');
      expectClose(metric(r, 'costPolicies'), cost, 1e-9, 'costPolicies');
      expectClose(metric(r, 'costByPayer.council') - metric(base, 'costByPayer.council'), 0.75 * cost, 1e-9, 'council share');
      expectClose(metric(r, 'costByPayer.nhs') - metric(base, 'costByPayer.nhs'), 0.25 * cost, 1e-9, 'NHS share');
      expect(metric(r, 'costByPayer.selfFunder')).toBe(metric(base, 'costByPayer.selfFunder'));
      expectClose(metric(r, 'costTotal') - metric(base, 'costTotal'), cost, 1e-9, 'costTotal');
      for (const [name, value] of Object.entries(base.metrics)) {
        if (!isCostMetric(name)) expect(r.metrics[name], name).toEqual(value);
      }
      // Setting costs are untouched (a running cost is no setting's cost).
      for (const name of Object.keys(base.metrics).filter((n) => n.startsWith('costBySetting.'))) expect(r.metrics[name], name).toBe(base.metrics[name]);
      expect(r.daily).toEqual(base.daily);
    });

    it("without payers, the running cost is split by the policy's default payers; without a cost, by its default cost", () => {
      const perYear = 73_050; // 200 a day
      const r = run(withPolicy(patch, policy, neutral(policy), { runningCostPerYear: perYear }), { ...window, seed });
      const cost = 200 * days;
      const payers = def.runningCost.payers;
      expectClose(metric(r, `costByPolicy.${policy}`), cost, 1e-9, 'running cost');
      expectClose(metric(r, 'costByPayer.nhs') - metric(base, 'costByPayer.nhs'), payers.nhs * cost, 1e-9, 'NHS share');
      expectClose(metric(r, 'costByPayer.council') - metric(base, 'costByPayer.council'), payers.council * cost, 1e-9, 'council share');
      expectClose(metric(r, 'costByPayer.selfFunder') - metric(base, 'costByPayer.selfFunder'), payers.selfFunder * cost, 1e-9, 'self-funder share');

      const byDefault = run(withPolicy(patch, policy, neutral(policy)), { ...window, seed });
      const defaultCost = (def.runningCost.perYear / DAYS_PER_YEAR) * days;
      if (def.runningCost.perYear > 0) expectClose(metric(byDefault, `costByPolicy.${policy}`), defaultCost, 1e-9, 'default running cost');
      else expect(byDefault.metrics[`costByPolicy.${policy}`]).toBeUndefined();
      expectClose(metric(byDefault, 'costPolicies'), defaultCost, 1e-9, 'default costPolicies');
    });

    it('with its default (active) parameters, the running cost given is booked in full', () => {
      const r = run(withPolicy(patch, policy, options.active ?? {}, { runningCostPerYear: 365_250, payers: { nhs: 0.25, council: 0.75 } }), { ...window, seed });
      expectClose(metric(r, `costByPolicy.${policy}`), 1000 * days, 1e-9, 'running cost');
      expectClose(metric(r, 'costPolicies'), 1000 * days, 1e-9, 'costPolicies');
    });

    it('phased in from a later day, the running cost follows the ramp', () => {
      // Start at S, ramp over R days: level 0 before S, (t - S) / R during the ramp, 1 after, so
      // over [W, H] with W < S < S + R < H the integral is R / 2 + (H - S - R) = H - S - R / 2.
      const S = window.warmupDays + 30;
      const R = 40;
      const r = run(withPolicy(patch, policy, options.active ?? {}, { start: S, rampDays: R, runningCostPerYear: 365_250 }), { ...window, seed });
      const level = options.costIgnoresRamp ? window.horizonDays - S : window.horizonDays - S - R / 2;
      expectClose(metric(r, `costByPolicy.${policy}`), 1000 * level, 1e-9, 'phased running cost');
    });

    it('starting on a later day, leaves every day before it as in the baseline', () => {
      const start = options.phaseInStart ?? 60;
      const r = run(withPolicy(patch, policy, options.active ?? {}, { start }), { ...window, seed });
      for (const setting of base.daily.settings) {
        for (const column of DAILY_COLUMNS) {
          const before = dailyColumn(base, setting, column).slice(0, start + 1);
          expect(dailyColumn(r, setting, column).slice(0, start + 1), `${setting} ${column}`).toEqual(before);
        }
      }
    });
  });
}
