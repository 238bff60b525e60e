/**
 * Independent, named random-number streams derived from one master seed.
 *
 * Each stream is its own seedrandom generator, seeded with the string `<master>/<name>`, so the
 * draws of one stream never depend on how much any other stream has been used, or on which
 * other streams exist. That independence is what makes common random numbers work: the arrival
 * stream of a scenario is the same whatever its policies do to the rest of the model.
 *
 * The generator is seedrandom's Alea (period about 2^116, quick to seed; four times as fast as
 * seedrandom's default ARC4 here). seedrandom seeds it; the draws are then made in batches by
 * the same recurrence with the state in local variables, which gives exactly the numbers of
 * seedrandom's `alea(seed).double()` (a test checks it) at about twice the speed, with no
 * allocation per draw.
 *
 * @module
 */
import seedrandom from 'seedrandom';

/** A source of uniform random numbers in the open interval (0, 1). */
export interface UniformSource {
  /** A uniform double in (0, 1) with 53 bits of resolution; never exactly 0 or 1. */
  uniform(): number;
}

/** One named stream of random numbers. */
export class RandomStream implements UniformSource {
  /** The stream's name (as given to {@link RandomStreams.stream}). */
  readonly name: string;
  /** The full seed string the generator was seeded with. */
  readonly seed: string;
  // Alea state (Baagoe): three fractions and a carry, as seedrandom keeps them.
  private s0: number;
  private s1: number;
  private s2: number;
  private carry: number;
  private readonly batch: Float64Array;
  private next: number;

  /**
   * @param seed the generator's seed string
   * @param name a label for messages (defaults to the seed)
   * @param batchSize draws made at a time, a whole number >= 1 (default 256; small for
   *   short-lived streams)
   */
  constructor(seed: string, name = seed, batchSize = 256) {
    // An empty batch would never be refilled and uniform() would return undefined.
    if (!(Number.isInteger(batchSize) && batchSize >= 1)) {
      throw new RangeError(`batchSize must be a whole number >= 1, got ${batchSize}`);
    }
    this.seed = seed;
    this.name = name;
    const state = seedrandom.alea(seed, { state: true }).state() as unknown as AleaState;
    this.s0 = state.s0;
    this.s1 = state.s1;
    this.s2 = state.s2;
    this.carry = state.c;
    this.batch = new Float64Array(batchSize);
    this.next = batchSize;
  }

  /** A uniform double in (0, 1) with 53 random bits; zero is redrawn so logs stay finite. */
  uniform(): number {
    if (this.next === this.batch.length) this.refill();
    return this.batch[this.next++];
  }

  /** A uniform integer in [0, n) for a positive integer n. */
  integer(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  // seedrandom's alea.double(): high part from one step, 21 more bits from the next step.
  private refill(): void {
    const batch = this.batch;
    let s0 = this.s0,
      s1 = this.s1,
      s2 = this.s2,
      c = this.carry;
    for (let k = 0; k < batch.length; k++) {
      let u = 0;
      while (u === 0) {
        let t = 2091639 * s0 + c * 2.3283064365386963e-10;
        s0 = s1;
        s1 = s2;
        c = t | 0;
        s2 = t - c;
        const high = s2;
        t = 2091639 * s0 + c * 2.3283064365386963e-10;
        s0 = s1;
        s1 = s2;
        c = t | 0;
        s2 = t - c;
        u = high + ((s2 * 0x200000) | 0) * 1.1102230246251565e-16;
      }
      batch[k] = u;
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.carry = c;
    this.next = 0;
  }
}

interface AleaState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}

/**
 * The family of streams belonging to one master seed.
 *
 * `stream(name)` returns the same object every time for the same name, so two parts of a model
 * that ask for "arrivals" share it; `substream(name, index)` gives an independent stream per
 * entity (for example one per patient) when the model can afford seeding one (about 1 µs).
 */
export class RandomStreams {
  /** The master seed as a string. */
  readonly masterSeed: string;
  private readonly streams = new Map<string, RandomStream>();

  /** @param masterSeed any number or string; the same seed always gives the same streams */
  constructor(masterSeed: number | string) {
    this.masterSeed = String(masterSeed);
  }

  /** The stream with this name (created on first use, then reused). */
  stream(name: string): RandomStream {
    let s = this.streams.get(name);
    if (s === undefined) {
      s = new RandomStream(`${this.masterSeed}/${name}`, name);
      this.streams.set(name, s);
    }
    return s;
  }

  /** A fresh, independent stream for item `index` of a family `name` (not cached). */
  substream(name: string, index: number): RandomStream {
    return new RandomStream(`${this.masterSeed}/${name}#${index}`, `${name}#${index}`, 16);
  }
}
