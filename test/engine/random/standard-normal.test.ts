/**
 * The standard normal generator (ziggurat): its distribution, not only its moments. With n
 * draws, a histogram cell of probability p holds n p on average with sd sqrt(n p (1 - p)); the
 * Kolmogorov-Smirnov distance of a correct generator exceeds 1.63 / sqrt(n) with probability
 * 1%.
 */
import { describe, expect, it } from 'vitest';
import { EntityStream } from '../../../src/engine/random/entity-stream.js';
import { normalCdf, standardNormal } from '../../../src/engine/random/distributions.js';
import { RandomStream } from '../../../src/engine/random/stream.js';

const N = 400_000;
const Z = 4;

function draws(source: { uniform(): number }): Float64Array {
  const x = new Float64Array(N);
  for (let i = 0; i < N; i++) x[i] = standardNormal(source);
  return x;
}

for (const [name, make] of [
  ['a named stream (Alea)', () => new RandomStream('zig', 'normal')],
  [
    'an entity stream (xoshiro128**)',
    () => {
      const e = new EntityStream(new RandomStream('zig', 'key'));
      e.open(12345, 7);
      return e;
    },
  ],
] as const) {
  describe(`standardNormal from ${name}`, () => {
    const x = draws(make());
    const sorted = Float64Array.from(x).sort();

    it('passes the Kolmogorov-Smirnov test at the 1% level', () => {
      let d = 0;
      for (let i = 0; i < N; i++) {
        const f = normalCdf(sorted[i]);
        d = Math.max(d, Math.abs(f - i / N), Math.abs(f - (i + 1) / N));
      }
      expect(d).toBeLessThan(1.63 / Math.sqrt(N));
    });

    it('puts the right share in each tail beyond the base layer (|x| > 3.4426) and beyond 2', () => {
      for (const edge of [2, 3.442619855899]) {
        const p = normalCdf(-edge);
        const sd = Math.sqrt(N * p * (1 - p));
        const below = x.filter((v) => v < -edge).length;
        const above = x.filter((v) => v > edge).length;
        expect(Math.abs(below - N * p), `below -${edge}`).toBeLessThan(Z * sd);
        expect(Math.abs(above - N * p), `above ${edge}`).toBeLessThan(Z * sd);
      }
    });

    it('fills every one of 40 cells between -4 and 4 as theory says (the ziggurat layers included)', () => {
      for (let k = 0; k < 40; k++) {
        const lo = -4 + k * 0.2;
        const hi = lo + 0.2;
        const p = normalCdf(hi) - normalCdf(lo);
        const count = x.filter((v) => v >= lo && v < hi).length;
        expect(Math.abs(count - N * p), `[${lo.toFixed(1)}, ${hi.toFixed(1)})`).toBeLessThan(Z * Math.sqrt(N * p * (1 - p)));
      }
    });
  });
}
