/**
 * Continuous distributions with closed-form samplers: exponential, uniform, triangular,
 * Weibull, and the constant ({@link Fixed}), each sampled by inverting its CDF (one uniform a
 * draw, or none for a constant).
 *
 * @module
 */
import { fail, fmt, requireFinite, requirePositive, type Distribution } from './distribution.js';
import { logGamma } from './special-functions.js';
import type { UniformSource } from './stream.js';

/** The exponential distribution with a given rate (mean 1/rate). */
export class Exponential implements Distribution {
  /** @inheritDoc */
  readonly kind = 'exponential';
  /** Events per unit time. */
  readonly rate: number;
  /** @inheritDoc */
  readonly mean: number;
  /** @inheritDoc */
  readonly variance: number;
  private byMean = false;

  /** @param rate events per unit time, > 0 */
  constructor(rate: number) {
    requirePositive('exponential', 'rate', rate);
    this.rate = rate;
    this.mean = 1 / rate;
    this.variance = this.mean * this.mean;
  }

  /** The exponential with this mean (rate 1/mean); described by its mean. */
  static fromMean(mean: number): Exponential {
    requirePositive('exponential', 'mean', mean);
    const d = new Exponential(1 / mean);
    d.byMean = true;
    return d;
  }

  /** @inheritDoc */
  sample(rng: UniformSource): number {
    return -Math.log(rng.uniform()) * this.mean;
  }

  /** @inheritDoc */
  describe(): string {
    return this.byMean ? `exponential(mean ${fmt(this.mean)})` : `exponential(rate ${fmt(this.rate)})`;
  }
}

/** The continuous uniform distribution on [min, max]. */
export class Uniform implements Distribution {
  /** @inheritDoc */
  readonly kind = 'uniform';
  /** Lower end. */
  readonly min: number;
  /** Upper end. */
  readonly max: number;
  /** @inheritDoc */
  readonly mean: number;
  /** @inheritDoc */
  readonly variance: number;
  private readonly width: number;

  /** @param min lower end @param max upper end, > min */
  constructor(min: number, max: number) {
    requireFinite('uniform', 'min', min);
    requireFinite('uniform', 'max', max);
    if (!(min < max)) fail('uniform', `min must be < max, got min ${min}, max ${max}`);
    this.min = min;
    this.max = max;
    this.width = max - min;
    this.mean = 0.5 * (min + max);
    this.variance = (this.width * this.width) / 12;
  }

  /** @inheritDoc */
  sample(rng: UniformSource): number {
    return this.min + this.width * rng.uniform();
  }

  /** @inheritDoc */
  describe(): string {
    return `uniform(min ${fmt(this.min)}, max ${fmt(this.max)})`;
  }
}

/** The triangular distribution on [min, max] with its peak at mode. */
export class Triangular implements Distribution {
  /** @inheritDoc */
  readonly kind = 'triangular';
  /** Lower end. */
  readonly min: number;
  /** Most likely value. */
  readonly mode: number;
  /** Upper end. */
  readonly max: number;
  /** @inheritDoc */
  readonly mean: number;
  /** @inheritDoc */
  readonly variance: number;
  private readonly modeCdf: number;
  private readonly leftArea: number;
  private readonly rightArea: number;

  /** @param min lower end @param mode peak, min <= mode <= max @param max upper end, > min */
  constructor(min: number, mode: number, max: number) {
    requireFinite('triangular', 'min', min);
    requireFinite('triangular', 'mode', mode);
    requireFinite('triangular', 'max', max);
    if (!(min < max)) fail('triangular', `min must be < max, got min ${min}, max ${max}`);
    if (!(mode >= min && mode <= max)) {
      fail('triangular', `mode must be between min and max, got mode ${mode}, min ${min}, max ${max}`);
    }
    this.min = min;
    this.mode = mode;
    this.max = max;
    const width = max - min;
    this.modeCdf = (mode - min) / width;
    this.leftArea = width * (mode - min);
    this.rightArea = width * (max - mode);
    this.mean = (min + mode + max) / 3;
    // Central form of (a^2+b^2+c^2-ab-ac-bc)/18, free of cancellation for far-off-zero ranges.
    const l = mode - min;
    const r = max - mode;
    this.variance = (l * l + l * r + r * r) / 18;
  }

  /** @inheritDoc */
  sample(rng: UniformSource): number {
    const u = rng.uniform();
    if (u < this.modeCdf) return this.min + Math.sqrt(u * this.leftArea);
    return this.max - Math.sqrt((1 - u) * this.rightArea);
  }

  /** @inheritDoc */
  describe(): string {
    return `triangular(min ${fmt(this.min)}, mode ${fmt(this.mode)}, max ${fmt(this.max)})`;
  }
}

/** The Weibull distribution with a shape k and a scale lambda: P(X > x) = exp(-(x/lambda)^k). */
export class Weibull implements Distribution {
  /** @inheritDoc */
  readonly kind = 'weibull';
  /** Shape k: below 1 the hazard falls with time, above 1 it rises. */
  readonly shape: number;
  /** Scale lambda. */
  readonly scale: number;
  /** @inheritDoc */
  readonly mean: number;
  /** @inheritDoc */
  readonly variance: number;
  private readonly invShape: number;

  /** @param shape > 0 @param scale > 0 */
  constructor(shape: number, scale: number) {
    requirePositive('weibull', 'shape', shape);
    requirePositive('weibull', 'scale', scale);
    this.shape = shape;
    this.scale = scale;
    this.invShape = 1 / shape;
    const g1 = logGamma(1 + 1 / shape);
    const g2 = logGamma(1 + 2 / shape);
    this.mean = scale * Math.exp(g1);
    // scale^2 (Gamma(1+2/k) - Gamma(1+1/k)^2), as one exponential so large Gammas cannot overflow
    // before the subtraction.
    this.variance = scale * scale * Math.exp(2 * g1) * Math.expm1(g2 - 2 * g1);
  }

  /** @inheritDoc */
  sample(rng: UniformSource): number {
    return this.scale * Math.pow(-Math.log(rng.uniform()), this.invShape);
  }

  /** @inheritDoc */
  describe(): string {
    return `weibull(shape ${fmt(this.shape)}, scale ${fmt(this.scale)})`;
  }
}

/** A constant: every draw is the same value, and no uniform is used. */
export class Fixed implements Distribution {
  /** @inheritDoc */
  readonly kind = 'fixed';
  /** The value. */
  readonly value: number;
  /** @inheritDoc */
  readonly mean: number;
  /** @inheritDoc */
  readonly variance = 0;

  /** @param value any finite number */
  constructor(value: number) {
    requireFinite('fixed', 'value', value);
    this.value = value;
    this.mean = value;
  }

  /** @inheritDoc */
  sample(_rng: UniformSource): number {
    return this.value;
  }

  /** @inheritDoc */
  describe(): string {
    return `fixed(${fmt(this.value)})`;
  }
}
