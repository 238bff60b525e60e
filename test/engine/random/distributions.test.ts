import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../../src/engine/random/stream.js';
import {
  Bernoulli,
  DiscreteChoice,
  Empirical,
  Erlang,
  Exponential,
  Fixed,
  Gamma,
  LogNormal,
  Mixture,
  Normal,
  Poisson,
  Triangular,
  Uniform,
  Weibull,
  createDistribution,
  logGamma,
  normalCdf,
  normalQuantile,
  theoreticalMoments,
  type DistributionSpec,
  type NormalSpec,
} from '../../../src/engine/random/distributions.js';

const N = 200_000;

/**
 * Half-width of the acceptance interval, in standard errors. By the central limit theorem the
 * error of a sample mean (or sample variance) over its standard error is close to N(0, 1), and
 * P(|Z| > 4.5) = 6.8e-6: a correct implementation fails a check about once in 150,000, while a
 * bias of a fraction of a percent in 200,000 draws is caught.
 */
const Z = 4.5;

/** Allowance for floating-point rounding in the sums, which matters only when the variance is 0. */
const ROUNDING = 1e-9;

/**
 * Draws n values from a spec's distribution and checks the sample mean and variance against
 * the theory its declaration gives (from the parameters, not from the object built).
 *
 * The mean's standard error is sqrt(variance / n) from theory. The sample variance's standard
 * error is sqrt((m4 - s^4) / n), with the fourth central moment m4 estimated from the same
 * data, so that no fourth moment need be known in closed form. Returns the draws.
 */
function checkMoments(spec: DistributionSpec, seed: string, n = N): Float64Array {
  const dist = createDistribution(spec);
  const theory = theoreticalMoments(spec);
  const rng = new RandomStream(seed);
  const x = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    x[i] = dist.sample(rng);
    sum += x[i];
  }
  const mean = sum / n;
  let s2 = 0;
  let s4 = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] - mean;
    const d2 = d * d;
    s2 += d2;
    s4 += d2 * d2;
  }
  const variance = s2 / (n - 1);
  const m4 = s4 / n;
  const seMean = Math.sqrt(theory.variance / n);
  const seVariance = Math.sqrt(Math.max(0, m4 - variance * variance) / n);
  const label = dist.describe();
  expect(Math.abs(mean - theory.mean), `${label}: sample mean ${mean} vs ${theory.mean}`).toBeLessThanOrEqual(Z * seMean + ROUNDING * (1 + Math.abs(theory.mean)));
  expect(Math.abs(variance - theory.variance), `${label}: sample variance ${variance} vs ${theory.variance}`).toBeLessThanOrEqual(Z * seVariance + ROUNDING * (1 + theory.variance));
  return x;
}

function range(x: Float64Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of x) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/** Every distribution and parameterisation under test, by name, as the spec a file would write. */
const cases: [string, DistributionSpec][] = [
  ['exponential(rate)', { type: 'exponential', rate: 0.5 }],
  ['exponential(mean)', { type: 'exponential', mean: 3 }],
  ['uniform', { type: 'uniform', min: 2, max: 7 }],
  ['triangular', { type: 'triangular', min: 1, mode: 2, max: 6 }],
  ['triangular with mode at min', { type: 'triangular', min: 1, mode: 1, max: 4 }],
  ['normal', { type: 'normal', mean: 10, sd: 3 }],
  ['normal lightly truncated', { type: 'normal', mean: 10, sd: 3, min: 2 }],
  ['normal truncated both sides, rejection', { type: 'normal', mean: 10, sd: 3, min: 6, max: 15 }],
  ['normal heavily truncated in the upper tail', { type: 'normal', mean: 5, sd: 2, min: 9, max: 14 }],
  ['normal truncated 6 sd out', { type: 'normal', mean: 0, sd: 1, min: 6 }],
  ['normal heavily truncated in the lower tail', { type: 'normal', mean: 0, sd: 1, max: -3 }],
  ['normal truncated to a narrow band round the mean', { type: 'normal', mean: 0, sd: 1, min: -0.2, max: 0.1 }],
  ['lognormal(mean, sd)', { type: 'lognormal', mean: 6, sd: 5 }],
  ['lognormal(mean, median)', { type: 'lognormal', mean: 6, median: 4 }],
  ['lognormal(mu, sigma)', { type: 'lognormal', mu: 1, sigma: 0.5 }],
  ['gamma(shape, scale)', { type: 'gamma', shape: 2.5, scale: 2 }],
  ['gamma(shape < 1)', { type: 'gamma', shape: 0.4, scale: 3 }],
  ['gamma(shape, rate)', { type: 'gamma', shape: 3, rate: 0.5 }],
  ['gamma(mean, sd)', { type: 'gamma', mean: 6, sd: 4 }],
  ['erlang(k, rate)', { type: 'erlang', k: 3, rate: 0.5 }],
  ['erlang(k, mean), many phases', { type: 'erlang', k: 20, mean: 10 }],
  ['weibull(shape > 1)', { type: 'weibull', shape: 1.5, scale: 4 }],
  ['weibull(shape < 1)', { type: 'weibull', shape: 0.7, scale: 2 }],
  ['poisson(3)', { type: 'poisson', mean: 3 }],
  ['poisson(12)', { type: 'poisson', mean: 12 }],
  ['poisson(80)', { type: 'poisson', mean: 80 }],
  ['bernoulli', { type: 'bernoulli', p: 0.3 }],
  ['choice', { type: 'choice', values: [1, 2, 5, 10], probabilities: [0.1, 0.4, 0.3, 0.2] }],
  ['choice with many values', { type: 'choice', values: Array.from({ length: 40 }, (_, i) => i), probabilities: Array<number>(40).fill(1 / 40) }],
  ['empirical', { type: 'empirical', values: [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9] }],
  [
    'mixture',
    {
      type: 'mixture',
      components: [
        { weight: 3, distribution: { type: 'exponential', mean: 2 } },
        { weight: 7, distribution: { type: 'lognormal', mean: 6, sd: 5 } },
      ],
    },
  ],
  ['fixed', { type: 'fixed', value: 7.5 }],
];

describe('distribution moments (n = 200,000, 4.5 standard errors)', () => {
  for (const [name, spec] of cases) {
    it(name, () => {
      checkMoments(spec, `moments/${name}`);
    });
  }

  it('keeps truncated normals inside their bounds', () => {
    const truncated: NormalSpec[] = [
      { type: 'normal', mean: 10, sd: 3, min: 2 },
      { type: 'normal', mean: 5, sd: 2, min: 9, max: 14 },
      { type: 'normal', mean: 0, sd: 1, min: 6 },
      { type: 'normal', mean: 0, sd: 1, min: -0.2, max: 0.1 },
    ];
    for (const spec of truncated) {
      const d = createDistribution(spec) as Normal;
      const [lo, hi] = range(checkMoments(spec, `bounds/${d.describe()}`, 20_000));
      expect(lo).toBeGreaterThanOrEqual(d.min);
      expect(hi).toBeLessThanOrEqual(d.max);
    }
    const [lo, hi] = range(checkMoments({ type: 'normal', mean: 0, sd: 1, max: -3 }, 'bounds/upper', 20_000));
    expect(lo).toBeGreaterThan(-10);
    expect(hi).toBeLessThanOrEqual(-3);
  });

  it('samples a truncation 40 sd out, where the probability underflows', () => {
    const spec: NormalSpec = { type: 'normal', mean: 0, sd: 1, min: 40, max: 41 };
    const d = createDistribution(spec) as Normal;
    expect(d.truncationMass).toBe(0);
    expect(d.mean).toBeGreaterThan(40);
    expect(d.mean).toBeLessThan(40.03);
    const [lo, hi] = range(checkMoments(spec, 'far tail', 20_000));
    expect(lo).toBeGreaterThanOrEqual(40);
    expect(hi).toBeLessThanOrEqual(41);
  });

  it('draws whole numbers from the poisson and keeps empirical draws within the data', () => {
    const rng = new RandomStream('integers');
    for (const d of [new Poisson(3), new Poisson(80), new Poisson(1e6)]) {
      for (let i = 0; i < 1000; i++) expect(Number.isInteger(d.sample(rng))).toBe(true);
    }
    const e = new Empirical([4, 2, 9]);
    for (let i = 0; i < 1000; i++) {
      const v = e.sample(rng);
      expect(v).toBeGreaterThanOrEqual(2);
      expect(v).toBeLessThanOrEqual(9);
    }
  });
});

describe('theoretical moments', () => {
  it('truncated normal moments match high-precision values (mpmath)', () => {
    const check = (d: Normal, mean: number, variance: number) => {
      expect(Math.abs(d.mean - mean) / Math.abs(mean)).toBeLessThan(1e-13);
      expect(Math.abs(d.variance - variance) / variance).toBeLessThan(1e-11);
    };
    check(new Normal(0, 1, 0), Math.sqrt(2 / Math.PI), 1 - 2 / Math.PI);
    check(new Normal(0, 1, 6), 6.1584826045445989, 0.023987636789166771);
    check(new Normal(0, 1, 5, 5.5), 5.1521017769072688, 0.015174083348812214);
    check(new Normal(0, 1, 1, 1.001), 1.0004999166250041, 8.3333326384703421e-8);
    check(new Normal(10, 2, 12), 10 + 2 * 1.5251352761609812, 4 * 0.19909766557034879);
  });

  it('empirical moments are those of the interpolated distribution, not of the data', () => {
    // Uniform on [0, 1] and on [1, 3], each with weight 1/2.
    const e = new Empirical([0, 1, 3]);
    expect(e.mean).toBeCloseTo(0.5 * 0.5 + 0.5 * 2, 14);
    const second = 0.5 * (1 / 3) + 0.5 * ((1 + 3 + 9) / 3);
    expect(e.variance).toBeCloseTo(second - e.mean ** 2, 14);
  });

  it('lognormal parameterisations give the moments asked for', () => {
    const a = LogNormal.fromMeanSd(6, 5);
    expect(a.mean).toBeCloseTo(6, 12);
    expect(Math.sqrt(a.variance)).toBeCloseTo(5, 12);
    const b = LogNormal.fromMeanMedian(6, 4);
    expect(b.mean).toBeCloseTo(6, 12);
    expect(b.median).toBeCloseTo(4, 12);
  });

  it('weibull moments use the gamma function', () => {
    const w = new Weibull(2, 1); // Rayleigh: mean sqrt(pi)/2, variance 1 - pi/4
    expect(w.mean).toBeCloseTo(Math.sqrt(Math.PI) / 2, 14);
    expect(w.variance).toBeCloseTo(1 - Math.PI / 4, 14);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
  });

  it('mixture variance follows the law of total variance', () => {
    const m = new Mixture([
      { weight: 1, distribution: new Fixed(0) },
      { weight: 1, distribution: new Uniform(2, 4) },
    ]);
    expect(m.mean).toBeCloseTo(1.5, 14);
    expect(m.variance).toBeCloseTo(0.5 * (1 / 3) + 0.5 * 1.5 ** 2 + 0.5 * 1.5 ** 2, 14);
  });
});

describe('normal CDF and quantile', () => {
  it('normalCdf is accurate to 1e-15 relative, far into the tail (references from mpmath)', () => {
    const reference: [number, number][] = [
      [-37.5, 4.6053530095819548e-308],
      [-30, 4.9067139271481871e-198],
      [-10, 7.6198530241605261e-24],
      [-1.96, 0.024997895148220436],
      [-0.3, 0.38208857781104737],
      [0, 0.5],
      [0.5, 0.6914624612740131],
      [1, 0.84134474606854295],
      [3, 0.99865010196836991],
    ];
    for (const [x, p] of reference) {
      expect(Math.abs(normalCdf(x) - p) / p, `x = ${x}`).toBeLessThan(1e-15);
    }
  });

  it('normalQuantile is accurate to 1e-14 relative (references from mpmath)', () => {
    // References are the quantiles of the doubles nearest each p, not of the decimal p: near
    // p = 1 the difference alone would move x by 1e-12.
    const reference: [number, number][] = [
      [1e-300, -37.047096299361199],
      [1e-20, -9.2623400897984076],
      [0.001, -3.0902323061678135],
      [0.02, -2.053748910631823],
      [0.025, -1.9599639845400542],
      [0.3, -0.52440051270804082],
      [0.7, 0.52440051270804066],
      [0.975, 1.9599639845400539],
      [0.999999, 4.7534243088170878],
    ];
    for (const [p, x] of reference) {
      expect(Math.abs(normalQuantile(p) - x) / Math.abs(x), `p = ${p}`).toBeLessThan(1e-14);
    }
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(1.5)).toBeNaN();
  });
});

describe('random streams', () => {
  it('RandomStream.uniform gives 53-bit doubles in (0, 1)', () => {
    const rng = new RandomStream('bits');
    let lowBitsSeen = 0;
    for (let i = 0; i < 10_000; i++) {
      const u = rng.uniform();
      expect(u).toBeGreaterThan(0);
      expect(u).toBeLessThan(1);
      const scaled = u * 2 ** 53;
      expect(Number.isInteger(scaled)).toBe(true);
      // A 32-bit generator scaled up would leave the low 21 bits of every draw zero.
      if (scaled % 2 ** 21 !== 0) lowBitsSeen++;
    }
    expect(lowBitsSeen).toBeGreaterThan(9_000);
  });

  it('the same seed gives the same sequence for every distribution', () => {
    for (const [name, spec] of cases) {
      const d = createDistribution(spec);
      const a = new RandomStream(`repeat/${name}`);
      const b = new RandomStream(`repeat/${name}`);
      const xa = Array.from({ length: 1000 }, () => d.sample(a));
      const xb = Array.from({ length: 1000 }, () => createDistribution(spec).sample(b));
      expect(xb, name).toEqual(xa);
    }
  });

  it('a distribution shared by two streams gives each stream the draws it would give alone', () => {
    // No sampler carries state from one call to the next, so interleaving cannot leak draws
    // from one stream into another (which would break common random numbers).
    for (const [name, spec] of cases) {
      const shared = createDistribution(spec);
      const alone = new RandomStream(`shared/${name}`);
      const expected = Array.from({ length: 200 }, () => shared.sample(alone));
      const a = new RandomStream(`shared/${name}`);
      const other = new RandomStream('other');
      const got: number[] = [];
      for (let i = 0; i < 200; i++) {
        got.push(shared.sample(a));
        shared.sample(other);
      }
      expect(got, name).toEqual(expected);
    }
  });
});

describe('parameter validation', () => {
  const bad: [() => unknown, RegExp][] = [
    [() => new Exponential(0), /exponential: rate must be > 0, got 0/],
    [() => Exponential.fromMean(-2), /exponential: mean must be > 0/],
    [() => new Uniform(3, 3), /uniform: min must be < max/],
    [() => new Uniform(NaN, 3), /uniform: min must be a finite number/],
    [() => new Triangular(0, 5, 4), /triangular: mode must be between min and max/],
    [() => new Triangular(4, 4, 4), /triangular: min must be < max/],
    [() => new Normal(0, -1), /normal: sd must be > 0, got -1/],
    [() => new Normal(0, 1, 3, 2), /normal: min must be < max/],
    [() => new Normal(Infinity, 1), /normal: mean must be a finite number/],
    [() => LogNormal.fromMuSigma(1, 0), /lognormal: sigma must be > 0/],
    [() => LogNormal.fromMeanSd(6, -1), /lognormal: sd must be > 0, got -1/],
    [() => LogNormal.fromMeanSd(-6, 1), /lognormal: mean must be > 0/],
    [() => LogNormal.fromMeanMedian(4, 6), /lognormal: median must be < mean/],
    [() => new Gamma(0, 1), /gamma: shape must be > 0/],
    [() => new Gamma(1, -1), /gamma: scale must be > 0/],
    [() => Gamma.fromShapeRate(1, 0), /gamma: rate must be > 0/],
    [() => Gamma.fromMeanSd(1, 0), /gamma: sd must be > 0/],
    [() => new Erlang(2.5, 1), /erlang: k must be a whole number >= 1/],
    [() => new Erlang(0, 1), /erlang: k must be a whole number >= 1/],
    [() => Erlang.fromMean(2, 0), /erlang: mean must be > 0/],
    [() => new Weibull(-1, 1), /weibull: shape must be > 0/],
    [() => new Weibull(1, 0), /weibull: scale must be > 0/],
    [() => new Poisson(-1), /poisson: mean must be >= 0/],
    [() => new Poisson(1e10), /poisson: mean must be <= /],
    [() => new Bernoulli(1.2), /bernoulli: p must be between 0 and 1/],
    [() => new DiscreteChoice([1, 2], [0.5, 0.6]), /choice: probabilities must sum to 1/],
    [() => new DiscreteChoice([1, 2], [1]), /choice: probabilities must have one entry per value/],
    [() => new DiscreteChoice([1, 2], [1.5, -0.5]), /choice: probabilities\[0\] must be between 0 and 1/],
    [() => new DiscreteChoice([], []), /choice: values must not be empty/],
    [() => new Empirical([1]), /empirical: values must have at least 2 entries/],
    [() => new Empirical([1, NaN]), /empirical: values\[1\] must be a finite number/],
    [() => new Mixture([]), /mixture: components must not be empty/],
    [() => new Mixture([{ weight: 0, distribution: new Fixed(1) }]), /mixture: components\[0\]\.weight must be/],
    [() => new Fixed(NaN), /fixed: value must be a finite number/],
  ];
  for (const [make, message] of bad) {
    it(`throws RangeError ${message.source}`, () => {
      expect(make).toThrow(RangeError);
      expect(make).toThrow(message);
    });
  }
});
