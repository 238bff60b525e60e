/**
 * The model file format: a local health and care system described in YAML or JSON.
 *
 * Every object is strict (an unknown field is an error, so a typo never silently falls back to
 * a default), and cross-field rules (probabilities summing to 1, routes to settings that exist,
 * exactly one acute setting) are checked here with paths to the offending field, so the loader
 * can report "file:line: field: what was expected". Field meanings are documented field by
 * field in models/README.md.
 *
 * @module
 */
import { z } from 'zod';
import { distributionSpecSchema, type DistributionSpec } from '../engine/random/distributions.js';
import { applyPolicies } from './policies/apply.js';
import { PolicyProblem } from './policies/context.js';

/** Names a setting may not take: they are where a route can end instead of a setting. */
export const EXIT_NAMES = ['home', 'death', 'readmission'] as const;
/** The discharge pathways of the NHS England hospital discharge guidance (DHSC 2021). */
export const PATHWAYS = ['P0', 'P1', 'P2', 'P3'] as const;
/** A discharge pathway name. */
export type Pathway = (typeof PATHWAYS)[number];

const PROBABILITY_TOLERANCE = 1e-6;

const probability = z.number().min(0).max(1);
const nonNegative = z.number().min(0);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date written YYYY-MM-DD')
  .refine(isRealDate, { message: 'not a real date (month 01-12, day within the month)' });

/** Whether a YYYY-MM-DD text names a day of the calendar (no 13th month, no 30 February). */
function isRealDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return true; // the regex above reports it
  const t = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().startsWith(text);
}
const name = z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, 'expected a camelCase name of letters and digits');

/** Whether a distribution spec can produce a negative value (a duration must not). */
export function canBeNegative(spec: DistributionSpec): boolean {
  switch (spec.type) {
    case 'normal':
      return !(spec.min !== undefined && spec.min >= 0);
    case 'uniform':
    case 'triangular':
      return spec.min < 0;
    case 'fixed':
      return spec.value < 0;
    case 'choice':
    case 'empirical':
      return spec.values.some((v) => v < 0);
    case 'mixture':
      return spec.components.some((c) => canBeNegative(c.distribution));
    default:
      return false; // exponential, lognormal, gamma, erlang, weibull, poisson, bernoulli
  }
}

/** A distribution of durations in days: any spec that cannot give a negative value. */
const duration = distributionSpecSchema.refine((spec) => !canBeNegative(spec), {
  message: 'a duration cannot be negative: this distribution can give values below 0 (for a normal, set min: 0)',
});

/** Shares of a cost paid by each payer; they must sum to 1. */
export const payerSharesSchema = z
  .strictObject({ nhs: probability.default(0), council: probability.default(0), selfFunder: probability.default(0) })
  .superRefine((shares, ctx) => {
    const sum = shares.nhs + shares.council + shares.selfFunder;
    if (Math.abs(sum - 1) > PROBABILITY_TOLERANCE) ctx.addIssue({ code: 'custom', message: `payer shares must sum to 1, got ${sum}` });
  });

/** A working window: hours [startHour, endHour) on the listed days (0 = Monday ... 6 = Sunday). */
export const windowSchema = z
  .strictObject({
    startHour: z.number().min(0).max(24),
    endHour: z.number().min(0).max(24),
    days: z.array(z.number().int().min(0).max(6)).min(1),
  })
  .refine((w) => w.startHour < w.endHour, { message: 'startHour must be before endHour', path: ['endHour'] });

const capacityStepSchema = z.strictObject({
  day: nonNegative.optional(),
  date: isoDate.optional(),
  capacity: z.number().int().min(0),
});

/** A capacity: a whole number, or a schedule of changes by day number or by date. */
export const capacitySchema = z.union([
  z.number().int('capacity must be a whole number').min(0, 'capacity must be >= 0'),
  z.strictObject({
    initial: z.number().int().min(0),
    changes: z
      .array(capacityStepSchema.refine((s) => (s.day === undefined) !== (s.date === undefined), 'give exactly one of day or date'))
      .min(1),
  }),
]);

const routeSchema = z.strictObject({ to: name, probability });

function checkProbabilities(values: number[], ctx: z.RefinementCtx, what: string, path: PropertyKey[] = []): void {
  const sum = values.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > PROBABILITY_TOLERANCE) ctx.addIssue({ code: 'custom', path, message: `${what} probabilities must sum to 1, got ${sum}` });
}

const routesSchema = z
  .array(routeSchema)
  .min(1)
  .superRefine((routes, ctx) => checkProbabilities(routes.map((r) => r.probability), ctx, 'route'));

/** A setting: acute beds, a bedded service, or a home-based service. */
export const settingSchema = z.strictObject({
  description: z.string().optional(),
  kind: z.enum(['acute', 'bed', 'home']),
  capacity: capacitySchema,
  /** Counts towards discharges to intermediate care (reablement, step-down beds). */
  intermediate: z.boolean().default(false),
  /** Counts as a care home placement. */
  careHome: z.boolean().default(false),
  lengthOfStay: duration.optional(),
  costPerDay: nonNegative.default(0),
  /**
   * What costPerDay is paid for: each occupied place-day (spot purchase: home care packages,
   * care-home residents) or each place-day of capacity, used or not (staffed beds, block
   * contracts, in-house teams).
   */
  costBasis: z.enum(['occupied', 'capacity']).default('occupied'),
  payers: payerSharesSchema.default({ nhs: 1, council: 0, selfFunder: 0 }),
  /** Where people go when their stay ends (not for the acute setting, which uses pathways). */
  next: routesSchema.optional(),
  /**
   * Home-based capacity counted in visits per day instead of clients: each client needs
   * `initial` visits a day at the start, tapering linearly to `final` at the end of their
   * planned stay (as in the IPACS model); `capacity` is then visits per day.
   */
  visitsPerDay: z.strictObject({ initial: z.number().positive(), final: nonNegative }).optional(),
  /**
   * The provider's own assessment before it takes someone (a care home visiting the ward, for
   * example): a delay after the person is ready for this setting, spent where they are, in the
   * assessment window. A trusted assessor removes it.
   */
  providerAssessment: duration.optional(),
  /** Daily risk of death while in the setting is not modelled; deaths are routes. */
});

const pathwaySchema = z.strictObject({
  /** The setting this pathway discharges into; absent for P0 (home). */
  to: name.optional(),
  /** Whether an assessment is needed before the referral can be placed. */
  assessment: z.boolean().default(true),
});

const caseMixGroupSchema = z
  .strictObject({
    name,
    share: probability,
    acuteLengthOfStay: duration,
    pathways: z.strictObject({ P0: probability, P1: probability, P2: probability, P3: probability }),
    inHospitalMortality: probability.default(0),
    lengthOfStay: z.record(name, duration).default({}),
  })
  .superRefine((g, ctx) => checkProbabilities(Object.values(g.pathways), ctx, 'pathway', ['pathways']));

const arrivalsSchema = z.strictObject({
  perDay: nonNegative,
  dayOfWeek: z.array(nonNegative).length(7).optional(),
  monthOfYear: z.array(nonNegative).length(12).optional(),
  trendPerYear: z.number().min(-0.99).default(0),
});

/**
 * A policy switched on: which one, from when, phased in over how long, at what running cost
 * and paid by whom, with which parameters (checked against the policy's own declaration).
 */
export const policyInstanceSchema = z.strictObject({
  policy: z.string().min(1),
  /** Day number from the model's start date, or a date. */
  start: z.union([nonNegative, isoDate]).default(0),
  rampDays: nonNegative.default(0),
  runningCostPerYear: nonNegative.optional(),
  payers: payerSharesSchema.optional(),
  parameters: z.record(z.string(), z.unknown()).default({}),
});

/** A policy entry of a model or scenario. */
export type PolicyInstance = z.infer<typeof policyInstanceSchema>;

const communityReferralSchema = z.strictObject({
  name,
  perDay: nonNegative,
  to: name,
  group: name.optional(),
});

/** The whole model file. */
export const modelSchema = z
  .strictObject({
    name,
    description: z.string(),
    startDate: isoDate,
    population: z.number().int().positive().optional(),
    arrivals: z.strictObject({
      emergency: arrivalsSchema,
      // At most 7: a person's identity (which keys their random streams) leaves room for 7 streams.
      community: z.array(communityReferralSchema).max(7, 'at most 7 community referral streams').default([]),
    }),
    admission: z
      .strictObject({ maxWaitDays: nonNegative.nullable().default(null) })
      .default({ maxWaitDays: null }),
    caseMix: z.array(caseMixGroupSchema).min(1),
    pathways: z.strictObject({ P0: pathwaySchema, P1: pathwaySchema, P2: pathwaySchema, P3: pathwaySchema }),
    discharge: z
      .strictObject({
        process: duration.default({ type: 'fixed', value: 0 }),
        window: windowSchema.nullable().default(null),
      })
      .default({ process: { type: 'fixed', value: 0 }, window: null }),
    assessment: z
      .strictObject({
        referralDelay: duration.default({ type: 'fixed', value: 0 }),
        duration: duration.default({ type: 'fixed', value: 0 }),
        window: windowSchema.nullable().default(null),
        costPerAssessment: nonNegative.default(0),
        payers: payerSharesSchema.default({ nhs: 0.5, council: 0.5, selfFunder: 0 }),
        /** Chance that a referral is lost or has to be repeated (a new referral and assessment). */
        repeatProbability: z.number().min(0).max(0.9).default(0),
      })
      .default({
        referralDelay: { type: 'fixed', value: 0 },
        duration: { type: 'fixed', value: 0 },
        window: null,
        costPerAssessment: 0,
        repeatProbability: 0,
        payers: { nhs: 0.5, council: 0.5, selfFunder: 0 },
      }),
    readmission: z
      .strictObject({
        riskAfterDischarge: probability.default(0),
        extraRiskPerDelayedDay: nonNegative.default(0),
        withinDays: duration.default({ type: 'uniform', min: 0, max: 30 }),
      })
      .default({ riskAfterDischarge: 0, extraRiskPerDelayedDay: 0, withinDays: { type: 'uniform', min: 0, max: 30 } }),
    settings: z.record(name, settingSchema),
    warmStart: z
      .record(name, z.strictObject({ occupied: z.number().int().min(0), waiting: z.number().int().min(0).default(0) }))
      .optional(),
    /** Integration policies in force (see src/model/policies and careflow list policies). */
    policies: z.array(policyInstanceSchema).default([]),
  })
  .superRefine((m, ctx) => {
    checkModelReferences(m, ctx);
    checkPolicies(m, ctx);
  });

/** A model as read from a file, with defaults filled in. */
export type ModelConfig = z.infer<typeof modelSchema>;
/** One setting of a model. */
export type SettingConfig = z.infer<typeof settingSchema>;

/** Applies the policies once, so that a bad policy entry is reported at load time with its path. */
function checkPolicies(m: ModelConfig, ctx: z.RefinementCtx): void {
  if (m.policies.length === 0) return;
  try {
    const applied = applyPolicies(m);
    // A policy that adds settings must leave a model that is still valid.
    if (applied.config !== m) checkModelReferences(applied.config, ctx);
  } catch (err) {
    if (!(err instanceof PolicyProblem)) throw err;
    ctx.addIssue({ code: 'custom', path: err.path, message: err.message });
  }
}

function checkModelReferences(m: ModelConfig, ctx: z.RefinementCtx): void {
  const settings = Object.keys(m.settings);
  const exists = (to: string): boolean => settings.includes(to);
  const isTarget = (to: string): boolean => exists(to) || (EXIT_NAMES as readonly string[]).includes(to);
  const acute = settings.filter((s) => m.settings[s].kind === 'acute');
  if (acute.length !== 1) ctx.addIssue({ code: 'custom', path: ['settings'], message: `exactly one setting must have kind: acute, found ${acute.length}` });
  for (const exit of EXIT_NAMES) {
    if (exists(exit)) ctx.addIssue({ code: 'custom', path: ['settings', exit], message: `"${exit}" is reserved for route ends; rename the setting` });
  }
  checkProbabilities(m.caseMix.map((g) => g.share), ctx, 'case-mix share', ['caseMix']);
  for (const p of PATHWAYS) {
    const to = m.pathways[p].to;
    if (p === 'P0' && to !== undefined) ctx.addIssue({ code: 'custom', path: ['pathways', p, 'to'], message: 'P0 discharges home and takes no setting' });
    if (p !== 'P0' && to === undefined) ctx.addIssue({ code: 'custom', path: ['pathways', p, 'to'], message: `${p} needs a setting to discharge into` });
    if (to !== undefined && (!exists(to) || m.settings[to].kind === 'acute')) {
      ctx.addIssue({ code: 'custom', path: ['pathways', p, 'to'], message: `unknown setting "${to}"; expected one of ${settings.filter((s) => m.settings[s].kind !== 'acute').join(', ')}` });
    }
  }
  for (const [s, setting] of Object.entries(m.settings)) {
    if (setting.kind === 'acute') {
      if (setting.next) ctx.addIssue({ code: 'custom', path: ['settings', s, 'next'], message: 'the acute setting routes by pathways, not next' });
      continue;
    }
    if (setting.visitsPerDay && setting.kind !== 'home') {
      ctx.addIssue({ code: 'custom', path: ['settings', s, 'visitsPerDay'], message: 'visits per day are for kind: home settings only' });
    }
    if (!setting.lengthOfStay) ctx.addIssue({ code: 'custom', path: ['settings', s, 'lengthOfStay'], message: 'a non-acute setting needs a lengthOfStay distribution' });
    if (!setting.next) ctx.addIssue({ code: 'custom', path: ['settings', s, 'next'], message: 'a non-acute setting needs next routes (to settings or home, death, readmission)' });
    setting.next?.forEach((route, i) => {
      if (!isTarget(route.to) || (exists(route.to) && m.settings[route.to].kind === 'acute')) {
        ctx.addIssue({ code: 'custom', path: ['settings', s, 'next', i, 'to'], message: `unknown route target "${route.to}"; expected a non-acute setting or one of ${EXIT_NAMES.join(', ')}` });
      }
    });
  }
  m.caseMix.forEach((g, i) => {
    for (const s of Object.keys(g.lengthOfStay)) {
      if (!exists(s) || m.settings[s].kind === 'acute') ctx.addIssue({ code: 'custom', path: ['caseMix', i, 'lengthOfStay', s], message: `unknown setting "${s}"` });
    }
  });
  m.arrivals.community.forEach((c, i) => {
    if (!exists(c.to) || m.settings[c.to].kind === 'acute') ctx.addIssue({ code: 'custom', path: ['arrivals', 'community', i, 'to'], message: `unknown setting "${c.to}"` });
    if (c.group !== undefined && !m.caseMix.some((g) => g.name === c.group)) ctx.addIssue({ code: 'custom', path: ['arrivals', 'community', i, 'group'], message: `unknown case-mix group "${c.group}"` });
  });
  for (const s of Object.keys(m.warmStart ?? {})) {
    if (!exists(s)) ctx.addIssue({ code: 'custom', path: ['warmStart', s], message: `unknown setting "${s}"` });
  }
}
