/**
 * Policy entries as the model loader reads them: unknown policies and parameters, bad values
 * and settings are rejected with the path of the field; start dates work like day numbers;
 * several policies compose; every registered policy has its test file here.
 *
 * Every number in these models is a test value chosen to exercise the mechanism.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { POLICY_NAMES } from '../../../src/model/policies/registry.js';
import { baseModel, configError, metric, run } from '../support.js';
import { definition, expectDirection, neutral, pairedRuns, withPolicy } from './support.js';

/** Asserts a loader error at `field` (after "file:line: ") whose reason matches `reason`. */
function expectRejected(policy: Record<string, unknown>, field: string, reason: RegExp, patch = {}): void {
  const err = configError(() => baseModel(patch, { policies: [policy] }));
  const escaped = field.replace(/\./g, '\\.');
  expect(err.message).toMatch(new RegExp(`^test-model\\.yaml:\\d+: ${escaped}: `));
  expect(err.message).toMatch(reason);
}

describe('policy entries rejected by the model loader, with the path of the field', () => {
  it('an unknown policy, naming the known ones', () => {
    expectRejected({ policy: 'integration-fairy' }, 'policies.0.policy', /unknown policy "integration-fairy"; expected one of discharge-to-assess, trusted-assessor/);
  });

  it('an unknown parameter, naming the policy and its parameters', () => {
    expectRejected(
      { policy: 'trusted-assessor', parameters: { reductoin: 0.5 } },
      'policies.0.parameters.reductoin',
      /unknown parameter "reductoin" of trusted-assessor \(did you mean "reduction"\?\); expected setting, reduction/,
    );
  });

  it('a parameter out of its range or of the wrong type', () => {
    expectRejected({ policy: 'discharge-to-assess', parameters: { share: 1.5 } }, 'policies.0.parameters.share', /<=\s*1/);
    expectRejected({ policy: 'flexible-beds', parameters: { beds: 2.5 } }, 'policies.0.parameters.beds', /whole number|int/i);
    expectRejected({ policy: 'discharge-to-assess', parameters: { pathways: 'P4' } }, 'policies.0.parameters.pathways', /P1-P3/);
  });

  it('an unknown setting, or one of the wrong kind', () => {
    expectRejected({ policy: 'personal-budgets', parameters: { setting: 'nowhere' } }, 'policies.0.parameters.setting', /unknown setting "nowhere"/);
    expectRejected({ policy: 'flexible-beds', parameters: { stepDown: 'reablement' } }, 'policies.0.parameters.stepDown', /kind home; expected kind bed/);
  });

  it('a trusted assessor for a provider that does no assessment of its own', () => {
    expectRejected({ policy: 'trusted-assessor' }, 'policies.0.parameters.setting', /no providerAssessment/);
  });

  it('an unknown case-mix group, at its index', () => {
    expectRejected({ policy: 'prevention', parameters: { groups: ['everyone', 'nobody'] } }, 'policies.0.parameters.groups.1', /unknown case-mix group "nobody"/);
  });

  it('any policy twice (the second entry is named): each policy is used once', () => {
    for (const policy of ['admission-avoidance', 'prevention', 'shared-data']) {
      const err = configError(() => baseModel({ policies: [{ policy }, { policy, start: 10 }] }));
      expect(err.message).toMatch(new RegExp(`^test-model\\.yaml:\\d+: policies\\.1\\.policy: ${policy} is already in force \\(policies entry 0\\)`));
    }
  });

  it("a start before the model's start date, or a date that does not exist", () => {
    expectRejected({ policy: 'shared-data', start: '2023-12-31' }, 'policies.0.start', /before the model's startDate \(2024-01-01\)/);
    expectRejected({ policy: 'shared-data', start: '2024-02-30' }, 'policies.0.start', /not a real date/);
  });

  it('flexible beds taking more beds than the pool or the settings have', () => {
    expectRejected({ policy: 'flexible-beds', parameters: { beds: 10, fromAcute: 20 } }, 'policies.0.parameters.fromAcute', /must be at most beds \(10\), got 20/);
  });

  it('reablement expansion of a setting that is not intermediate care', () => {
    expectRejected({ policy: 'reablement-expansion', parameters: { setting: 'careHome' } }, 'policies.0.parameters.setting', /not intermediate care/);
  });

  it('a policy that needs a setting the model lacks', () => {
    // personal-budgets needs a home-based, non-intermediate setting; the base model has none.
    expectRejected({ policy: 'personal-budgets' }, 'policies.0.parameters.setting', /no setting this policy can use by default/);
  });
});

describe('policy entries accepted', () => {
  it('every policy with its default parameters loads on a model that has what it needs', () => {
    const rich = {
      settings: {
        careHome: { providerAssessment: { type: 'exponential', mean: 1 } },
        homeCare: { kind: 'home', capacity: 10, lengthOfStay: { type: 'fixed', value: 10 }, next: [{ to: 'home', probability: 1 }] },
        // A pooled budget moves money between services paid by capacity.
        reablement: { costPerDay: 100, costBasis: 'capacity' },
        stepDown: { costPerDay: 200, costBasis: 'capacity' },
      },
    };
    for (const name of POLICY_NAMES) expect(() => withPolicy(rich, name), name).not.toThrow();
  });

  it('a start date is the day it names: 2024-04-10 is day 100 from 2024-01-01', () => {
    const window = { horizonDays: 150, warmupDays: 0, seed: 5 };
    const byDate = run(withPolicy({}, 'shared-data', {}, { start: '2024-04-10', runningCostPerYear: 365_250 }), window);
    const byDay = run(withPolicy({}, 'shared-data', {}, { start: 100, runningCostPerYear: 365_250 }), window);
    expect(byDate.metrics).toEqual(byDay.metrics);
    expect(metric(byDate, 'costByPolicy.shared-data')).toBeCloseTo(1000 * 50, 6);
  });

  it('two policies on the same mechanism compose: their factors multiply', () => {
    // Both cut the repeat chance: 0.5 x 0.7 of it is left, so together they cut repeats more
    // than either alone.
    const patch = {
      pathways: { P1: { to: 'reablement', assessment: true }, P2: { to: 'stepDown', assessment: true }, P3: { to: 'careHome', assessment: true } },
      assessment: { referralDelay: { type: 'exponential', mean: 1 }, duration: { type: 'fixed', value: 0.5 }, repeatProbability: 0.4 },
    };
    const window = { horizonDays: 100, warmupDays: 20 };
    const one = withPolicy(patch, 'integrated-discharge-team');
    const both = baseModel(patch, { policies: [{ policy: 'integrated-discharge-team' }, { policy: 'shared-data' }] });
    const r = pairedRuns(one, both, 10, window);
    expectDirection(r.diff('assessments'), 'down', 'assessments with both');
    for (const d of r.diffs('assessments')) expect(d).toBeLessThanOrEqual(0);
    // Both running costs are booked, each under its own name.
    expect(metric(r.scenario[0], 'costPolicies')).toBeCloseTo(((450_000 + 150_000) / 365.25) * 80, 6);
  });
});

describe('a neutral policy beside an active one', () => {
  it('changes nothing, for every policy (its effects compose with the others by doing nothing)', () => {
    const patch = {
      pathways: { P1: { to: 'reablement', assessment: true }, P2: { to: 'stepDown', assessment: true }, P3: { to: 'careHome', assessment: true } },
      assessment: { referralDelay: { type: 'exponential', mean: 2 }, repeatProbability: 0.2 },
      settings: { careHome: { providerAssessment: { type: 'exponential', mean: 1 } } },
    };
    const window = { horizonDays: 80, warmupDays: 10, seed: 11 };
    const active = { policy: 'discharge-to-assess', parameters: { share: 0.5, interimCapacity: 20 } };
    const alone = run(baseModel(patch, { policies: [active] }), window);
    expect(metric(alone, 'placements.dischargeToAssess')).toBeGreaterThan(0);
    for (const name of POLICY_NAMES) {
      const entry = { policy: name, parameters: neutral(name), runningCostPerYear: 0 };
      // Each policy is used once: the active one stands alone against itself.
      if (name === active.policy) continue;
      for (const policies of [
        [active, entry],
        [entry, active],
      ]) {
        const r = run(baseModel(patch, { policies }), window);
        expect(r.metrics, name).toEqual(alone.metrics);
      }
    }
  });
});

describe('the registry', () => {
  it('has the 13 policies of issue 5, each with a test file here', () => {
    expect(POLICY_NAMES).toHaveLength(13);
    const here = dirname(fileURLToPath(import.meta.url));
    for (const name of POLICY_NAMES) {
      expect(definition(name).moves.length, name).toBeGreaterThan(0);
      expect(existsSync(join(here, `${name}.test.ts`)), `${name}.test.ts`).toBe(true);
    }
  });
});
