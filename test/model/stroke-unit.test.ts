/**
 * The shipped stroke unit (models/stroke-unit.yaml, experiments/stroke-unit.yaml): Monks et al.
 * 2016's acute stroke unit run as a loss system. The share of arrivals lost must match the
 * Erlang loss formula for the unit's offered load (arrival rate x mean stay, summed over the
 * groups), which holds for any stay distribution (Erlang B is insensitive to it): a 99%
 * Student-t interval over replications must contain the exact value, for every bed count.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { loadExperiment } from '../../src/experiment/scenario.js';
import { replicationSeed } from '../../src/experiment/worker.js';
import { erlangB } from '../../src/engine/theory/erlang.js';
import { tCriticalValue } from '../../src/engine/theory/student-t.js';
import { compileModel } from '../../src/model/compile.js';
import { runReplication } from '../../src/model/run-replication.js';

const EXPERIMENT = join(dirname(fileURLToPath(import.meta.url)), '../../experiments/stroke-unit.yaml');
const REPLICATIONS = 60;

describe('the stroke unit (Monks et al. 2016) against the Erlang loss formula', () => {
  const experiment = loadExperiment(EXPERIMENT);
  const { horizonDays, warmupDays, seed } = experiment.config;
  const base = compileModel(experiment.scenarios[0].model);
  // Offered load: Poisson arrivals x mean ASU stay, by group.
  const load = base.groups.reduce((a, g, i) => a + experiment.model.caseMix[i].share * experiment.model.arrivals.emergency.perDay * g.acuteLengthOfStay.mean, 0);

  it('has the published offered load (about 8.36 beds) and scenarios beds10 ... beds14', () => {
    expect(load).toBeCloseTo(8.356, 2);
    expect(experiment.scenarios.map((s) => s.name)).toEqual(['beds10', 'beds11', 'beds12', 'beds13', 'beds14']);
  });

  for (const scenario of experiment.scenarios) {
    it(`${scenario.name}: the share of arrivals lost matches Erlang B`, () => {
      const model = compileModel(scenario.model);
      const beds = model.settings[model.acute].capacity.initial;
      const lost = Array.from({ length: REPLICATIONS }, (_, r) => {
        const m = runReplication(model, { horizonDays, warmupDays, seed: replicationSeed(seed, r) }).metrics;
        return m.diversions / (m.admissions + m.diversions);
      });
      const half = (tCriticalValue(0.99, REPLICATIONS - 1) * sampleStandardDeviation(lost)) / Math.sqrt(REPLICATIONS);
      const exact = erlangB(load, beds);
      expect(Math.abs(mean(lost) - exact), `${beds} beds: lost ${mean(lost)} +/- ${half}, Erlang B ${exact}`).toBeLessThanOrEqual(half);
      expect(half / exact).toBeLessThan(0.15); // tight enough to mean something
    });
  }
});
