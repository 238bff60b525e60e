import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../../src/engine/random/stream.js';
import {
  DISTRIBUTION_DECLARATIONS,
  DISTRIBUTION_TYPES,
  canBeNegative,
  createDistribution,
  distributionDeclaration,
  theoreticalMoments,
  type DistributionSpec,
  type DistributionType,
} from '../../../src/engine/random/distributions.js';

const N = 100_000;
/** Standard errors either side: a correct sampler fails a check about once in 150,000. */
const Z = 4.5;

/** Every declaration's examples, labelled by their parameters. */
const examples: [string, DistributionSpec][] = DISTRIBUTION_DECLARATIONS.flatMap((d) => d.examples.map((e): [string, DistributionSpec] => [JSON.stringify(e), e as DistributionSpec]));

describe('the distribution registry', () => {
  it('declares each type once, and every type of the spec union', () => {
    const every: Record<DistributionType, true> = {
      exponential: true,
      uniform: true,
      triangular: true,
      normal: true,
      lognormal: true,
      gamma: true,
      erlang: true,
      weibull: true,
      poisson: true,
      bernoulli: true,
      choice: true,
      empirical: true,
      mixture: true,
      fixed: true,
    };
    expect([...DISTRIBUTION_TYPES].sort()).toEqual(Object.keys(every).sort());
    expect(new Set(DISTRIBUTION_TYPES).size).toBe(DISTRIBUTION_TYPES.length);
    for (const type of DISTRIBUTION_TYPES) expect(distributionDeclaration(type)?.type).toBe(type);
    expect(distributionDeclaration('beta')).toBeUndefined();
  });

  it('gives every form of every type an example, and every form key a rule', () => {
    for (const d of DISTRIBUTION_DECLARATIONS) {
      const keysOf = (spec: object) =>
        Object.keys(spec)
          .filter((k) => k !== 'type' && !(d.optional ?? []).includes(k))
          .sort()
          .join(',');
      const exampleForms = new Set(d.examples.map(keysOf));
      for (const form of d.forms) {
        expect(exampleForms.has([...form].sort().join(',')), `${d.type} {${form.join(', ')}}`).toBe(true);
        for (const key of form) expect(d.params[key], `${d.type}.${key}`).toBeDefined();
      }
      for (const e of d.examples) expect(e.type).toBe(d.type);
    }
  });

  it("builds each example as its type, with the class's moments equal to the declared theory", () => {
    for (const [label, spec] of examples) {
      const d = createDistribution(spec);
      const theory = theoreticalMoments(spec);
      expect(d.kind, label).toBe(spec.type);
      expect(Math.abs(d.mean - theory.mean), `${label} mean`).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(theory.mean)));
      expect(Math.abs(d.variance - theory.variance), `${label} variance`).toBeLessThanOrEqual(1e-9 * (1 + theory.variance));
    }
  });

  describe(`every sampler's mean falls within ${Z} standard errors of the declared mean (n = ${N})`, () => {
    for (const [label, spec] of examples) {
      it(label, () => {
        const d = createDistribution(spec);
        const { mean, variance } = theoreticalMoments(spec);
        const rng = new RandomStream(`registry/${label}`);
        let sum = 0;
        let lowest = Infinity;
        for (let i = 0; i < N; i++) {
          const x = d.sample(rng);
          sum += x;
          if (x < lowest) lowest = x;
        }
        // The tolerance comes from theory: the standard error of a mean of N draws.
        const tolerance = Z * Math.sqrt(variance / N) + 1e-9 * (1 + Math.abs(mean));
        expect(Math.abs(sum / N - mean), `${label}: sample mean ${sum / N} vs ${mean}`).toBeLessThanOrEqual(tolerance);
        if (!canBeNegative(spec)) expect(lowest, `${label} is declared never negative`).toBeGreaterThanOrEqual(0);
      });
    }
  });

  it('says which specs can be negative, through mixtures too', () => {
    const negative: DistributionSpec[] = [
      { type: 'normal', mean: 5, sd: 1 },
      { type: 'normal', mean: 5, sd: 1, max: 9 },
      { type: 'uniform', min: -1, max: 1 },
      { type: 'triangular', min: -1, mode: 0, max: 1 },
      { type: 'fixed', value: -1 },
      { type: 'choice', values: [-1, 1], probabilities: [0.5, 0.5] },
      { type: 'empirical', values: [-1, 1] },
      { type: 'mixture', components: [{ weight: 1, distribution: { type: 'mixture', components: [{ weight: 1, distribution: { type: 'fixed', value: -2 } }] } }] },
    ];
    for (const spec of negative) expect(canBeNegative(spec), JSON.stringify(spec)).toBe(true);
    expect(canBeNegative({ type: 'normal', mean: 5, sd: 1, min: 0 })).toBe(false);
    expect(canBeNegative({ type: 'mixture', components: [{ weight: 1, distribution: { type: 'exponential', mean: 1 } }] })).toBe(false);
  });
});
