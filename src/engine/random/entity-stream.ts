/**
 * Per-entity random streams that cost almost nothing to open: the basis of common random
 * numbers for people.
 *
 * A model that gives every patient "their own stream" cannot afford to seed a seedrandom
 * generator per patient (about 1.2 µs each here, more than the rest of a patient's journey).
 * Instead, one 32-bit key is drawn from a named seedrandom stream, and the stream of entity
 * `index`, for purpose `salt`, is xoshiro128** (Blackman and Vigna, 2018) seeded by SplitMix32
 * from (key, index, salt). Re-seeding is four integer hashes; draws are 53-bit doubles in (0, 1).
 * The same person therefore gets the same draws for the same purpose in every scenario,
 * however the scenarios differ in what happens to everybody else.
 *
 * @module
 */
import type { RandomStream, UniformSource } from './stream.js';

/** A reusable generator that can be pointed at the stream of any (entity, purpose) pair. */
export class EntityStream implements UniformSource {
  private readonly key: number;
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;

  /** @param keySource a named stream from which the family's key is drawn once */
  constructor(keySource: RandomStream) {
    this.key = Math.floor(keySource.uniform() * 0x100000000) | 0;
  }

  /** Points the generator at the start of the stream of entity `index` for purpose `salt`. */
  open(index: number, salt = 0): void {
    // Mix the three numbers into one seed word, then expand it with SplitMix32.
    let x = mix32(this.key ^ mix32(index + 0x9e3779b9 * salt) ^ Math.imul(salt + 1, 0x85ebca6b));
    x = (x + 0x9e3779b9) | 0;
    this.a = mix32(x);
    x = (x + 0x9e3779b9) | 0;
    this.b = mix32(x);
    x = (x + 0x9e3779b9) | 0;
    this.c = mix32(x);
    x = (x + 0x9e3779b9) | 0;
    this.d = mix32(x);
    if ((this.a | this.b | this.c | this.d) === 0) this.d = 1; // xoshiro must not start at all zeros
  }

  /** A uniform double in (0, 1) with 53 random bits from the current entity stream. */
  uniform(): number {
    for (;;) {
      const high = this.next32() >>> 5; // 27 bits
      const low = this.next32() >>> 6; // 26 bits
      const u = (high * 67108864 + low) * 1.1102230246251565e-16; // / 2^53
      if (u !== 0) return u;
    }
  }

  private next32(): number {
    const b = this.b;
    const m = Math.imul(b, 5);
    // A signed 32-bit result: an unsigned one above 2^30 would be a boxed number, not a small integer.
    const result = Math.imul((m << 7) | (m >>> 25), 9);
    const t = b << 9;
    this.c ^= this.a;
    this.d ^= b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = (this.d << 11) | (this.d >>> 21);
    return result;
  }
}

/** The SplitMix32 / murmur3 finaliser: a bijective avalanche of a 32-bit word. */
function mix32(x: number): number {
  let z = x | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) | 0;
}
