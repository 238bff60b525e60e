import { describe, expect, it } from 'vitest';
import { createDistribution, describeDistributionSpecForms, type DistributionSpec } from '../../src/engine/random/distributions.js';
import { distributionSpecSchema, parseDistribution } from '../../src/model/distribution-schema.js';

describe('distribution specs', () => {
  const accepted: [DistributionSpec, string, number][] = [
    [{ type: 'exponential', rate: 0.5 }, 'exponential(rate 0.5)', 2],
    [{ type: 'exponential', mean: 2 }, 'exponential(mean 2)', 2],
    [{ type: 'uniform', min: 1, max: 3 }, 'uniform(min 1, max 3)', 2],
    [{ type: 'triangular', min: 1, mode: 2, max: 3 }, 'triangular(min 1, mode 2, max 3)', 2],
    [{ type: 'normal', mean: 2, sd: 1 }, 'normal(mean 2, sd 1)', 2],
    [{ type: 'normal', mean: 0, sd: 1, min: 0 }, 'normal(mean 0, sd 1, min 0)', Math.sqrt(2 / Math.PI)],
    [{ type: 'normal', mean: 0, sd: 1, min: -1, max: 1 }, 'normal(mean 0, sd 1, min -1, max 1)', 0],
    [{ type: 'lognormal', mean: 6, sd: 5 }, 'lognormal(mean 6, sd 5)', 6],
    [{ type: 'lognormal', mean: 6, median: 4 }, 'lognormal(mean 6, median 4)', 6],
    [{ type: 'lognormal', mu: 0, sigma: 1 }, 'lognormal(mu 0, sigma 1)', Math.exp(0.5)],
    [{ type: 'gamma', shape: 2, scale: 3 }, 'gamma(shape 2, scale 3)', 6],
    [{ type: 'gamma', shape: 2, rate: 0.5 }, 'gamma(shape 2, rate 0.5)', 4],
    [{ type: 'gamma', mean: 6, sd: 4 }, 'gamma(mean 6, sd 4)', 6],
    [{ type: 'erlang', k: 3, rate: 0.5 }, 'erlang(k 3, rate 0.5)', 6],
    [{ type: 'erlang', k: 3, mean: 6 }, 'erlang(k 3, mean 6)', 6],
    [{ type: 'weibull', shape: 1, scale: 2 }, 'weibull(shape 1, scale 2)', 2],
    [{ type: 'poisson', mean: 3 }, 'poisson(mean 3)', 3],
    [{ type: 'bernoulli', p: 0.25 }, 'bernoulli(p 0.25)', 0.25],
    [{ type: 'choice', values: [1, 3], probabilities: [0.5, 0.5] }, 'choice(1: 0.5, 3: 0.5)', 2],
    [{ type: 'empirical', values: [1, 3] }, 'empirical(2 values, 1 to 3)', 2],
    [
      {
        type: 'mixture',
        components: [
          { weight: 1, distribution: { type: 'fixed', value: 1 } },
          { weight: 3, distribution: { type: 'exponential', mean: 3 } },
        ],
      },
      'mixture(0.25 fixed(1), 0.75 exponential(mean 3))',
      2.5,
    ],
    [{ type: 'fixed', value: 4 }, 'fixed(4)', 4],
  ];
  for (const [spec, text, mean] of accepted) {
    it(`accepts ${text}`, () => {
      const parsed = distributionSpecSchema.safeParse(spec);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      const d = createDistribution(parsed.data!);
      expect(d.kind).toBe(spec.type);
      expect(d.describe()).toBe(text);
      expect(d.mean).toBeCloseTo(mean, 12);
    });
  }

  /** The issues of a rejected spec, as "path: message" lines. */
  function issues(input: unknown): string[] {
    const result = distributionSpecSchema.safeParse(input);
    expect(result.success).toBe(false);
    return result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  }

  it('rejects a mix of lognormal forms, listing the three forms', () => {
    const found = issues({ type: 'lognormal', mean: 6, sd: 5, median: 4 });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^: a lognormal distribution takes exactly one of/);
    expect(found[0]).toContain('{mean, sd} or {mean, median} or {mu, sigma}');
    expect(found[0]).toContain('got {mean, sd, median}');
    expect(issues({ type: 'lognormal', mean: 6 })[0]).toContain('got {mean}');
    expect(issues({ type: 'lognormal', mu: 1, sd: 2 })[0]).toContain('got {sd, mu}');
  });

  it('rejects an incomplete or mixed form for the other multi-form types', () => {
    expect(issues({ type: 'exponential', rate: 1, mean: 1 })[0]).toContain('{rate} or {mean}');
    expect(issues({ type: 'gamma', shape: 1, mean: 2 })[0]).toContain('{shape, scale} or {shape, rate} or {mean, sd}');
    expect(issues({ type: 'erlang', k: 2 })[0]).toContain('{k, rate} or {k, mean}');
  });

  it('rejects unknown keys, naming them', () => {
    const found = issues({ type: 'uniform', min: 0, max: 1, mode: 0.5 });
    expect(found).toEqual([': unknown key "mode" for a uniform distribution (it takes {min, max})']);
  });

  it('rejects unknown and missing types', () => {
    expect(issues({ type: 'beta', a: 1 })[0]).toMatch(/^type: must be one of: exponential, uniform/);
    expect(issues({ mean: 1 })[0]).toMatch(/^type: is required/);
    expect(issues(5)[0]).toMatch(/must be a distribution object/);
  });

  it('reports impossible parameters with a path to the field', () => {
    expect(issues({ type: 'normal', mean: 1, sd: -1 })).toEqual(['sd: must be > 0, got -1']);
    expect(issues({ type: 'normal', mean: 1, sd: 1, min: 3, max: 2 })).toEqual(['max: must be > min (3), got 2']);
    expect(issues({ type: 'normal', mean: 1 })).toEqual(['sd: is required']);
    expect(issues({ type: 'normal', mean: '1', sd: 1 })).toEqual(['mean: must be a finite number, got "1"']);
    expect(issues({ type: 'uniform', min: 2, max: 1 })).toEqual(['max: must be > min (2), got 1']);
    expect(issues({ type: 'triangular', min: 0, mode: 5, max: 4 })).toEqual(['mode: must be between min (0) and max (4), got 5']);
    expect(issues({ type: 'lognormal', mean: 4, median: 6 })[0]).toMatch(/^median: must be < mean \(4\)/);
    expect(issues({ type: 'lognormal', mean: 4, median: 4 })[0]).toMatch(/^median: must be < mean/);
    expect(issues({ type: 'erlang', k: 1.5, rate: 1 })).toEqual(['k: must be a whole number, got 1.5']);
    expect(issues({ type: 'bernoulli', p: 2 })).toEqual(['p: must be <= 1, got 2']);
    expect(issues({ type: 'poisson', mean: -3 })).toEqual(['mean: must be >= 0, got -3']);
    expect(issues({ type: 'empirical', values: [1] })).toEqual(['values: must have at least 2 values, got 1']);
    expect(issues({ type: 'choice', values: [1, 2], probabilities: [0.5, -0.5] })).toContain('probabilities.1: must be >= 0, got -0.5');
  });

  it('rejects probabilities that do not sum to 1, with a path to probabilities', () => {
    expect(issues({ type: 'choice', values: [1, 2, 3], probabilities: [0.2, 0.3, 0.4] })).toEqual(['probabilities: must sum to 1 (within 1e-9), got 0.9']);
    expect(issues({ type: 'choice', values: [1, 2, 3], probabilities: [0.5, 0.5] })).toEqual(['probabilities: must have one entry per value (3), got 2']);
    // Off by 5e-10, inside the 1e-9 tolerance.
    const nearly = { type: 'choice', values: [1, 2, 3], probabilities: [0.3, 0.3, 0.4 + 5e-10] };
    expect(distributionSpecSchema.safeParse(nearly).success).toBe(true);
  });

  it('reports problems inside a mixture with the full path', () => {
    const found = issues({
      type: 'mixture',
      components: [
        { weight: 1, distribution: { type: 'fixed', value: 1 } },
        { weight: 0, distribution: { type: 'lognormal', mean: 6, sd: -5 } },
      ],
    });
    expect(found).toEqual(['components.1.weight: must be > 0, got 0', 'components.1.distribution.sd: must be > 0, got -5']);
    expect(issues({ type: 'mixture', components: [] })).toEqual(['components: must have at least one component']);
  });

  it('parseDistribution validates and builds; the forms can be listed', () => {
    expect(parseDistribution({ type: 'lognormal', mean: 6, sd: 5 }).mean).toBeCloseTo(6, 12);
    expect(() => parseDistribution({ type: 'lognormal', mean: 6, sd: -5 })).toThrow(/must be > 0/);
    const forms = describeDistributionSpecForms();
    expect(forms).toContain('lognormal: {mean, sd} or {mean, median} or {mu, sigma}');
    expect(forms.split('\n')).toHaveLength(14);
  });
});
