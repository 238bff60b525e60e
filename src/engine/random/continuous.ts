/**
 * Continuous distributions with closed-form samplers: exponential, uniform, triangular,
 * Weibull, and the constant ({@link Fixed}), each sampled by inverting its CDF (one uniform a
 * draw, or none for a constant); and each one's spec and declaration (see declaration.ts).
 *
 * @module
 */
import { FINITE, POSITIVE, maxAboveMin, numbers, type DistributionDeclaration, type SpecIssue } from './declaration.js';
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

// ---------------------------------------------------------------------------------------------
// Specs and declarations

/** `{type: 'exponential', rate}` or `{type: 'exponential', mean}`. */
export type ExponentialSpec = { type: 'exponential'; rate: number } | { type: 'exponential'; mean: number };

/** The exponential: by its rate or by its mean. */
export const exponentialDeclaration: DistributionDeclaration<ExponentialSpec> = {
  type: 'exponential',
  forms: [['rate'], ['mean']],
  params: { rate: POSITIVE, mean: POSITIVE },
  create: (spec) => ('rate' in spec ? new Exponential(spec.rate) : Exponential.fromMean(spec.mean)),
  moments: (spec) => {
    const mean = 'rate' in spec ? 1 / spec.rate : spec.mean;
    return { mean, variance: mean * mean };
  },
  canBeNegative: () => false,
  examples: [
    { type: 'exponential', rate: 0.5 },
    { type: 'exponential', mean: 3 },
  ],
};

/** `{type: 'uniform', min, max}` with min < max. */
export interface UniformSpec {
  /** Discriminator. */
  type: 'uniform';
  /** Lower end. */
  min: number;
  /** Upper end, > min. */
  max: number;
}

/** The uniform on [min, max]. */
export const uniformDeclaration: DistributionDeclaration<UniformSpec> = {
  type: 'uniform',
  forms: [['min', 'max']],
  params: { min: FINITE, max: FINITE },
  check: maxAboveMin,
  create: (spec) => new Uniform(spec.min, spec.max),
  moments: ({ min, max }) => ({ mean: (min + max) / 2, variance: (max - min) ** 2 / 12 }),
  canBeNegative: (spec) => spec.min < 0,
  examples: [{ type: 'uniform', min: 2, max: 7 }],
};

/** `{type: 'triangular', min, mode, max}` with min <= mode <= max and min < max. */
export interface TriangularSpec {
  /** Discriminator. */
  type: 'triangular';
  /** Lower end. */
  min: number;
  /** Most likely value. */
  mode: number;
  /** Upper end. */
  max: number;
}

/** The triangular on [min, max] peaking at mode. */
export const triangularDeclaration: DistributionDeclaration<TriangularSpec> = {
  type: 'triangular',
  forms: [['min', 'mode', 'max']],
  params: { min: FINITE, mode: FINITE, max: FINITE },
  check: (v): SpecIssue[] => {
    if (!numbers(v, 'min', 'mode', 'max')) return [];
    const { min, mode, max } = v as { min: number; mode: number; max: number };
    if (!(max > min)) return [{ path: ['max'], message: `must be > min (${min}), got ${max}` }];
    if (!(mode >= min && mode <= max)) return [{ path: ['mode'], message: `must be between min (${min}) and max (${max}), got ${mode}` }];
    return [];
  },
  create: (spec) => new Triangular(spec.min, spec.mode, spec.max),
  moments: ({ min: a, mode: c, max: b }) => ({ mean: (a + b + c) / 3, variance: (a * a + b * b + c * c - a * b - a * c - b * c) / 18 }),
  canBeNegative: (spec) => spec.min < 0,
  examples: [
    { type: 'triangular', min: 1, mode: 2, max: 6 },
    { type: 'triangular', min: 1, mode: 1, max: 4 },
  ],
};

/** `{type: 'weibull', shape, scale}`. */
export interface WeibullSpec {
  /** Discriminator. */
  type: 'weibull';
  /** Shape k, > 0. */
  shape: number;
  /** Scale lambda, > 0. */
  scale: number;
}

/** The Weibull by shape and scale. */
export const weibullDeclaration: DistributionDeclaration<WeibullSpec> = {
  type: 'weibull',
  forms: [['shape', 'scale']],
  params: { shape: POSITIVE, scale: POSITIVE },
  create: (spec) => new Weibull(spec.shape, spec.scale),
  moments: ({ shape, scale }) => {
    // scale Gamma(1 + 1/k) and scale^2 (Gamma(1 + 2/k) - Gamma(1 + 1/k)^2).
    const g1 = Math.exp(logGamma(1 + 1 / shape));
    const g2 = Math.exp(logGamma(1 + 2 / shape));
    return { mean: scale * g1, variance: scale * scale * (g2 - g1 * g1) };
  },
  canBeNegative: () => false,
  examples: [
    { type: 'weibull', shape: 1.5, scale: 4 },
    { type: 'weibull', shape: 0.7, scale: 2 },
  ],
};

/** `{type: 'fixed', value}`: a constant. */
export interface FixedSpec {
  /** Discriminator. */
  type: 'fixed';
  /** The constant value. */
  value: number;
}

/** A constant. */
export const fixedDeclaration: DistributionDeclaration<FixedSpec> = {
  type: 'fixed',
  forms: [['value']],
  params: { value: FINITE },
  create: (spec) => new Fixed(spec.value),
  moments: (spec) => ({ mean: spec.value, variance: 0 }),
  canBeNegative: (spec) => spec.value < 0,
  examples: [{ type: 'fixed', value: 7.5 }],
};
