import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { RandomStream, RandomStreams } from '../../../src/engine/random/stream.js';

/** `count` draws of `stream.uniform()`. */
function draws(stream: RandomStream, count: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(stream.uniform());
  return out;
}

/** `count` draws of seedrandom's own Alea, the generator RandomStream reimplements in batches. */
function aleaDraws(seed: string, count: number): number[] {
  const prng = seedrandom.alea(seed);
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(prng.double());
  return out;
}

/** Pearson correlation of two equal-length samples (two-pass, so no cancellation). */
function correlation(x: Float64Array, y: Float64Array): number {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Pearson's chi-square statistic of observed counts against equal expected counts. */
function chiSquareUniform(counts: readonly number[]): number {
  const total = counts.reduce((a, b) => a + b, 0);
  const expected = total / counts.length;
  return counts.reduce((acc, c) => acc + ((c - expected) * (c - expected)) / expected, 0);
}

describe('RandomStream against seedrandom Alea', () => {
  // 5,000 draws span 312 refills of a 16-draw batch and 19 of a 256-draw one, so a mistake in
  // carrying the generator state from one batch to the next would show.
  const N = 5_000;

  for (const batchSize of [16, 256]) {
    it(`gives alea(seed).double() draw for draw with batchSize ${batchSize}`, () => {
      for (const seed of ['42/arrivals', 'careflow', '7/los#3']) {
        const ours = draws(new RandomStream(seed, seed, batchSize), N);
        expect(ours).toEqual(aleaDraws(seed, N));
      }
    });
  }

  it('gives the same numbers whatever the batch size (default 256 included)', () => {
    const reference = draws(new RandomStream('batch-check'), N);
    expect(draws(new RandomStream('batch-check', 'x', 1), N)).toEqual(reference);
    expect(draws(new RandomStream('batch-check', 'x', 7), N)).toEqual(reference);
    expect(draws(new RandomStream('batch-check', 'x', 16), N)).toEqual(reference);
  });

  it('rejects a batch size that is not a whole number >= 1', () => {
    // A zero-length batch was accepted and made uniform() return undefined.
    expect(() => new RandomStream('s', 's', 0)).toThrow(RangeError);
    expect(() => new RandomStream('s', 's', -4)).toThrow(RangeError);
    expect(() => new RandomStream('s', 's', 2.5)).toThrow(RangeError);
  });

  it('keeps every draw strictly inside (0, 1), with 53-bit resolution', () => {
    const xs = draws(new RandomStream('range'), 100_000);
    let lowest = 1;
    let highest = 0;
    let outside = 0;
    let nonMultiplesOf2To32 = 0;
    for (const x of xs) {
      if (!(x > 0 && x < 1)) outside++;
      if (x < lowest) lowest = x;
      if (x > highest) highest = x;
      if (x * 2 ** 32 !== Math.floor(x * 2 ** 32)) nonMultiplesOf2To32++;
    }
    expect(outside).toBe(0);
    // The extremes of 100,000 uniforms lie within about 1e-4 of the ends; P(min > 1e-3) is
    // (1 - 1e-3)^100000, about 4e-44.
    expect(lowest).toBeLessThan(1e-3);
    expect(highest).toBeGreaterThan(1 - 1e-3);
    // The low 21 bits come from a second Alea step; were they dropped, every draw would be a
    // multiple of 2^-32. They are all zero with probability 2^-21 per draw.
    expect(nonMultiplesOf2To32).toBeGreaterThan(99_000);
  });
});

describe('RandomStreams', () => {
  it('gives identical sequences for the same master seed and name', () => {
    const a = new RandomStreams(2024).stream('arrivals');
    const b = new RandomStreams('2024').stream('arrivals');
    expect(a.seed).toBe('2024/arrivals');
    expect(draws(a, 1_000)).toEqual(draws(b, 1_000));
  });

  it('gives different sequences for different names or different master seeds', () => {
    const streams = new RandomStreams(1);
    const arrivals = draws(streams.stream('arrivals'), 100);
    const los = draws(streams.stream('los'), 100);
    const otherSeed = draws(new RandomStreams(2).stream('arrivals'), 100);
    // Not merely different as a whole: no position may coincide, as happens when one sequence
    // is the other shifted or when the name is ignored.
    for (let i = 0; i < 100; i++) {
      expect(los[i]).not.toBe(arrivals[i]);
      expect(otherSeed[i]).not.toBe(arrivals[i]);
    }
    expect(new Set([...arrivals, ...los, ...otherSeed]).size).toBe(300);
  });

  it("keeps a stream's draws unchanged when other streams are created and used in between", () => {
    const reference = draws(new RandomStreams(99).stream('arrivals'), 3_000);

    const streams = new RandomStreams(99);
    const arrivals = streams.stream('arrivals');
    const interleaved: number[] = [];
    interleaved.push(...draws(arrivals, 500));
    const los = streams.stream('los'); // created after arrivals has been used
    for (let i = 0; i < 100_000; i++) los.uniform(); // used heavily
    for (let i = 0; i < 2_500; i++) {
      interleaved.push(arrivals.uniform());
      los.uniform();
      streams.stream(`patient-${i % 37}`).uniform();
      streams.substream('stay', i).uniform();
    }
    expect(interleaved).toEqual(reference);
  });

  it('returns the same stream object for the same name, and continues it', () => {
    const streams = new RandomStreams(5);
    const first = streams.stream('triage');
    expect(streams.stream('triage')).toBe(first);
    expect(streams.stream('other')).not.toBe(first);
    // Asking again must not restart the sequence.
    const fresh = draws(new RandomStreams(5).stream('triage'), 20);
    const continued = [...draws(first, 10), ...draws(streams.stream('triage'), 10)];
    expect(continued).toEqual(fresh);
  });

  it('makes substream(name, i) deterministic and different for each index', () => {
    const a = new RandomStreams(11);
    const b = new RandomStreams(11);
    expect(draws(a.substream('stay', 3), 200)).toEqual(draws(b.substream('stay', 3), 200));
    // A substream is not cached: each call starts the sequence afresh.
    expect(draws(a.substream('stay', 3), 50)).toEqual(draws(b.substream('stay', 3), 50));

    const firstDraws = new Set<number>();
    for (let i = 0; i < 1_000; i++) firstDraws.add(a.substream('stay', i).uniform());
    expect(firstDraws.size).toBe(1_000);
    // Nor does a substream repeat the named stream of the same family.
    expect(draws(a.substream('stay', 0), 50)).not.toEqual(draws(b.stream('stay'), 50));
    expect(a.substream('stay', 4).seed).toBe('11/stay#4');
  });

  it('gives uncorrelated draws in two streams', () => {
    const n = 100_000;
    const streams = new RandomStreams(314159);
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    const s1 = streams.stream('a');
    const s2 = streams.stream('b');
    for (let i = 0; i < n; i++) {
      x[i] = s1.uniform();
      y[i] = s2.uniform();
    }
    // For independent streams the sample correlation is about N(0, 1/n), so 4.5/sqrt(n) is
    // 4.5 standard errors: P(|Z| > 4.5) = 6.8e-6. The check is also run against the same stream
    // read twice, which must fail it, so the statistic is known to be able to fail.
    const bound = 4.5 / Math.sqrt(n);
    expect(Math.abs(correlation(x, y))).toBeLessThan(bound);
    expect(correlation(x, x)).toBeCloseTo(1, 12);
  });

  describe('integer(n)', () => {
    it('returns whole numbers in 0..n-1', () => {
      const s = new RandomStreams(8).stream('int');
      for (const n of [1, 2, 3, 10, 1_000]) {
        const bad: number[] = [];
        for (let i = 0; i < 2_000; i++) {
          const k = s.integer(n);
          if (!(Number.isInteger(k) && k >= 0 && k < n)) bad.push(k);
        }
        expect(bad).toEqual([]);
      }
    });

    // Critical values of the chi-square distribution at alpha = 0.001 (upper tail): a correct
    // generator fails one check in 1,000 seeds, and the seeds are fixed. An off-by-one such as
    // Math.round(u * n) halves the end cells and gives a statistic in the thousands.
    const cases = [
      { n: 10, critical: 27.877 }, // df = 9
      { n: 7, critical: 22.458 }, // df = 6
    ];
    for (const { n, critical } of cases) {
      it(`covers 0..${n - 1} uniformly (chi-square, df ${n - 1}, alpha 0.001)`, () => {
        const s = new RandomStreams(2718).stream(`int-${n}`);
        const draws = 100_000;
        const counts = new Array<number>(n).fill(0);
        for (let i = 0; i < draws; i++) counts[s.integer(n)]++;
        expect(counts.every((c) => c > 0)).toBe(true);
        expect(chiSquareUniform(counts)).toBeLessThan(critical);
      });
    }
  });
});
