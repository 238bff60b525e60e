/**
 * Time-weighted statistics of a level that changes at events: occupancy, queue length, stock.
 *
 * The level is a step function; between updates it is constant, so the mean over [start, now]
 * is the area under the steps divided by the elapsed time. `reset(now)` starts a new window
 * (used at the end of a warm-up) without losing the current level.
 *
 * @module
 */

/** Options for a {@link TimeWeighted} monitor. */
export interface TimeWeightedOptions {
  /** Also record the time spent at each integer level (a histogram); default false. */
  trackLevels?: boolean;
  /** The level at time `start` (default 0). */
  initial?: number;
  /** The time the window starts (default 0). */
  start?: number;
}

/** Time-weighted mean, variance, minimum and maximum of a level, and optionally time at each level. */
export class TimeWeighted {
  private level: number;
  private lastTime: number;
  private windowStart: number;
  private area = 0;
  private areaSquared = 0;
  private lowest: number;
  private highest: number;
  private levelTimes: Float64Array | null;

  constructor(options: TimeWeightedOptions = {}) {
    this.level = options.initial ?? 0;
    this.lastTime = options.start ?? 0;
    this.windowStart = this.lastTime;
    this.lowest = this.level;
    this.highest = this.level;
    this.levelTimes = options.trackLevels ? new Float64Array(64) : null;
  }

  /** The current level. */
  get value(): number {
    return this.level;
  }

  /** Records that the level changes to `value` at time `now` (which must not go backwards). */
  update(now: number, value: number): void {
    const dt = now - this.lastTime;
    const level = this.level;
    if (dt > 0) {
      this.area += level * dt;
      this.areaSquared += level * level * dt;
      if (this.levelTimes !== null) this.addLevelTime(level, dt);
    }
    this.lastTime = now;
    this.level = value;
    if (value < this.lowest) this.lowest = value;
    if (value > this.highest) this.highest = value;
  }

  /** Adds `delta` to the current level at time `now`. */
  add(now: number, delta: number): void {
    this.update(now, this.level + delta);
  }

  /** Starts a new observation window at `now`, keeping the current level (end of warm-up). */
  reset(now: number): void {
    this.lastTime = now;
    this.windowStart = now;
    this.area = 0;
    this.areaSquared = 0;
    this.lowest = this.level;
    this.highest = this.level;
    if (this.levelTimes !== null) this.levelTimes.fill(0);
  }

  /** Length of the observation window up to `now`. */
  elapsed(now: number): number {
    return now - this.windowStart;
  }

  /** Area under the level (level x time) from the window start to `now`, e.g. bed days. */
  integral(now: number): number {
    return this.area + this.level * (now - this.lastTime);
  }

  /** Time-weighted mean level over the window up to `now` (NaN for an empty window). */
  mean(now: number): number {
    const span = now - this.windowStart;
    return span > 0 ? this.integral(now) / span : NaN;
  }

  /** Time-weighted variance of the level over the window up to `now`. */
  variance(now: number): number {
    const span = now - this.windowStart;
    if (!(span > 0)) return NaN;
    const tail = now - this.lastTime;
    const m = this.integral(now) / span;
    const m2 = (this.areaSquared + this.level * this.level * tail) / span;
    return Math.max(0, m2 - m * m);
  }

  /** Lowest level seen in the window. */
  min(): number {
    return this.lowest;
  }

  /** Highest level seen in the window. */
  max(): number {
    return this.highest;
  }

  /**
   * Time spent at each integer level 0..max in the window up to `now` (requires `trackLevels`).
   * Index i holds the time at level i; fractional levels are floored.
   */
  timeAtLevels(now: number): Float64Array {
    if (this.levelTimes === null) throw new Error('timeAtLevels needs a monitor created with trackLevels: true');
    // Sized by the highest level, not copied by slice: the table only grows when time is spent
    // at a level, so a level reached just now may lie beyond its end (slice would then stop
    // short and drop the time at the current level).
    const out = new Float64Array(Math.max(0, Math.floor(this.highest)) + 1);
    out.set(this.levelTimes.subarray(0, out.length));
    const tail = now - this.lastTime;
    const index = Math.floor(this.level);
    if (tail > 0 && index >= 0 && index < out.length) out[index] += tail;
    return out;
  }

  private addLevelTime(level: number, dt: number): void {
    const index = Math.floor(level);
    if (index < 0) return;
    let times = this.levelTimes as Float64Array;
    if (index >= times.length) {
      const grown = new Float64Array(Math.max(index + 1, times.length * 2));
      grown.set(times);
      this.levelTimes = times = grown;
    }
    times[index] += dt;
  }
}
