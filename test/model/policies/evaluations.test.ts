/**
 * The table of policies' modelled effects beside their evaluations (src/model/policies/
 * evaluations.ts): the README shows it as written, explain prints a policy's rows, and the
 * recorded figures are what the preset experiments give today (re-run for a few rows, whose
 * scenarios exercise the provider markets, the spot budgets and the pooled budget).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadExperiment } from '../../../src/experiment/scenario.js';
import { pairedDifference } from '../../../src/experiment/statistics.js';
import { replicationSeed } from '../../../src/experiment/worker.js';
import { compileModel } from '../../../src/model/compile.js';
import { explainPolicy } from '../../../src/model/policies/describe.js';
import { EVALUATION_REPLICATIONS, POLICY_EVALUATIONS, withEvaluationTable } from '../../../src/model/policies/evaluations.js';
import { POLICIES } from '../../../src/model/policies/registry.js';
import { runReplication } from '../../../src/model/run-replication.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');

describe('the policy evaluation table', () => {
  it('is in README.md as evaluations.ts writes it (npm run docs:policies)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toBe(withEvaluationTable(readme));
  });

  it("names scenarios and policies that exist, and explain prints each policy's rows", () => {
    for (const e of POLICY_EVALUATIONS) {
      const experiment = loadExperiment(join(ROOT, 'experiments', `${e.experiment}.yaml`));
      expect(
        experiment.config.scenarios.map((s) => s.name),
        e.scenario,
      ).toContain(e.scenario);
      for (const p of e.policies) {
        const policy = POLICIES.find((d) => d.name === p);
        expect(policy, p).toBeDefined();
        expect(explainPolicy(policy!).replace(/\s+/g, ' ')).toContain(`scenario ${e.scenario}`);
      }
    }
  });

  it('records what the preset experiments give today', () => {
    const checked = ['trustedAssessor', 'councilCutPooled'];
    const experiment = loadExperiment(join(ROOT, 'experiments', 'integration-policies.yaml'));
    const { seed, horizonDays, warmupDays } = experiment.config;
    const delayed = (name: string): number[] => {
      const scenario = experiment.scenarios.find((s) => s.name === name);
      if (scenario === undefined) throw new Error(`no scenario ${name}`);
      const model = compileModel(scenario.model);
      return Array.from({ length: EVALUATION_REPLICATIONS }, (_, r) => runReplication(model, { horizonDays, warmupDays, seed: replicationSeed(seed, r) }).metrics.delayedPatientsPerDay);
    };
    const baseline = delayed('baseline');
    for (const name of checked) {
      const recorded = POLICY_EVALUATIONS.find((e) => e.scenario === name)!.delayed;
      const d = pairedDifference(delayed(name), baseline);
      expect(d.mean, `${name} mean`).toBeCloseTo(recorded.mean, 2);
      expect(d.ciLow, `${name} ciLow`).toBeCloseTo(recorded.ciLow, 2);
      expect(d.ciHigh, `${name} ciHigh`).toBeCloseTo(recorded.ciHigh, 2);
    }
  });
});
