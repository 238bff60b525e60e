/**
 * The model file format: a local health and care system described in YAML or JSON. This is the
 * *parse* stage: shapes, types, ranges and rules within one object (probabilities summing to 1),
 * with paths to the offending field, so the loader can report "file:line: field: what was
 * expected". Every object is strict (an unknown field is an error, so a typo never silently
 * falls back to a default). Rules across the model (routes to settings that exist, one acute
 * setting, policy entries) are the *resolve* stage's (resolve/). Field meanings are documented
 * field by field in models/README.md.
 *
 * @module
 */
import { z } from 'zod';
import { canBeNegative } from '../engine/random/distributions.js';
import { distributionSpecSchema } from './distribution-schema.js';
import { registeredCapacityNames, registeredCapacitySchema, type CapacityForm } from './capacity/registry.js';
import { builtInCapacitySchemas } from './capacity/schedule-schema.js';
import './capacity/shipped.js';
import { DISCHARGE_STEP_REASONS } from './delay-reasons.js';
import { PATHWAYS } from './pathways.js';
import type { PayerShares } from './payers.js';
import { readableIssueMessage } from './config-file.js';
import { checkProbabilities, sumsToOne } from './probability-check.js';
import { MAX_SETTINGS } from './input-limits.js';
import { isoDate, name, nonNegative, probability } from './schema-primitives.js';
import { whileWaitingSchema } from './waiting-hazard.js';

/** A distribution of durations in days: any spec that cannot give a negative value (as its declaration says). */
const duration = distributionSpecSchema.refine((spec) => !canBeNegative(spec), {
  message: 'a duration cannot be negative: this distribution can give values below 0 (for a normal, set min: 0)',
});

/** Shares of a cost paid by each payer; they must sum to 1. */
export const payerSharesSchema: z.ZodType<PayerShares, unknown> = z
  .strictObject({ nhs: probability.default(0), council: probability.default(0), selfFunder: probability.default(0) })
  .superRefine((shares, ctx) => {
    const sum = shares.nhs + shares.council + shares.selfFunder;
    if (!sumsToOne(sum)) ctx.addIssue({ code: 'custom', message: `payer shares must sum to 1, got ${sum}` });
  });

/** A working window: hours [startHour, endHour) on the listed days (0 = Monday ... 6 = Sunday). */
export const windowSchema = z
  .strictObject({
    startHour: z.number().min(0).max(24),
    endHour: z.number().min(0).max(24),
    days: z.array(z.number().int().min(0).max(6)).min(1),
  })
  .refine((w) => w.startHour < w.endHour, { message: 'startHour must be before endHour', path: ['endHour'] });

/**
 * A capacity: a whole number, a schedule of changes by day number or by date, or the form of a
 * registered capacity behaviour (`{type: <behaviour>, ...}`, see capacity/registry.ts). Read
 * lazily, so that a behaviour registered after this module loads is accepted.
 */
export const capacitySchema: z.ZodType<CapacityForm, unknown> = z
  .unknown()
  .superRefine((value, ctx) => {
    // A `type` names a registered behaviour: an unknown one is named as such, not as a schedule missing its fields.
    if (typeof value !== 'object' || value === null || !('type' in value)) return;
    const type = (value as { type: unknown }).type;
    const known = registeredCapacityNames();
    if (typeof type !== 'string' || !known.includes(type)) {
      const expected = known.length > 0 ? `one of ${known.join(', ')}` : 'none: no capacity behaviour is registered; write a whole number or {initial, changes}';
      ctx.addIssue({ code: 'custom', path: ['type'], message: `unknown capacity behaviour ${JSON.stringify(type)}; expected ${expected}` });
    }
  })
  .transform((value, ctx) => {
    // A form that names its behaviour is checked against that behaviour's schema alone, so that
    // a mistake in it (a misspelt field) is named, not reported as "none of the forms".
    const typed = typeof value === 'object' && value !== null && 'type' in value;
    const schema = typed ? registeredCapacitySchema(String((value as { type: unknown }).type)) : builtInCapacitySchema;
    if (schema === undefined) return z.NEVER; // an unknown type, reported above
    // With the file reader's wording, as the outer parse has it (the error function is not inherited).
    const parsed = schema.safeParse(value, { error: readableIssueMessage });
    if (parsed.success) return parsed.data as CapacityForm;
    for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, input: value } as Parameters<typeof ctx.addIssue>[0]);
    return z.NEVER;
  }) as unknown as z.ZodType<CapacityForm, unknown>;

const builtInCapacitySchema = z.union(builtInCapacitySchemas);

const routeSchema = z.strictObject({ to: name, probability });

const routesSchema = z
  .array(routeSchema)
  .min(1)
  .superRefine((routes, ctx) =>
    checkProbabilities(
      routes.map((r) => r.probability),
      ctx,
      'route',
    ),
  );

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
  /**
   * A cost of each place of capacity per day, used or not, on top of costPerDay on its basis:
   * the fixed part of a staffed bed (ward nursing, hotel, overheads) beside a cost per occupied
   * day (diagnosis, treatment), so that a bed added costs money even when it stands empty.
   */
  placeCostPerDay: nonNegative.default(0),
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
  /**
   * What may happen to a person while they wait for a place here (re-assessed to another
   * setting, death, readmission), each with a daily chance by days waited (waiting-hazard.ts).
   */
  whileWaiting: whileWaitingSchema.optional(),
  /** Daily risk of death while in the setting is not modelled; deaths are routes. */
});

const pathwaySchema = z.strictObject({
  /** The setting this pathway discharges into; absent for P0 (home). */
  to: name.optional(),
  /** Whether an assessment is needed before the referral can be placed. */
  assessment: z.boolean().default(true),
  /** This pathway's own referral delay, assessment work and working hours (else the model's `assessment` ones). */
  referralDelay: duration.optional(),
  assessmentDuration: duration.optional(),
  assessmentWindow: windowSchema.nullable().optional(),
});

/**
 * One task of the ward's discharge work after a patient is medically optimised, named by the
 * reason the NHS records while it is outstanding; a share of the patients on the listed
 * pathways need it. The tasks of a patient run side by side, each in its working hours; the one
 * that ends last is the reason for the delay. See delay-reasons.ts for the reasons.
 */
const dischargeStepSchema = z.strictObject({
  reason: z.enum(DISCHARGE_STEP_REASONS),
  share: probability.default(1),
  duration,
  pathways: z
    .array(z.enum(PATHWAYS))
    .min(1)
    .default([...PATHWAYS]),
  /** Its working hours; absent: the discharge window. */
  window: windowSchema.nullable().optional(),
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
    /**
     * What the model does not represent or is not calibrated for, one plain sentence each: the
     * report prints them among its caveats and in its model description (STRESS-DES 3.4), so a
     * reader of the numbers sees the model's own statement of where they stop. Documentation
     * only: no mechanics read it.
     */
    limits: z.array(z.string().min(1)).optional(),
    startDate: isoDate,
    population: z.number().int().positive().optional(),
    arrivals: z.strictObject({
      emergency: arrivalsSchema,
      // At most 7: a person's identity (which keys their random streams) leaves room for 7 streams.
      community: z.array(communityReferralSchema).max(7, 'at most 7 community referral streams').default([]),
    }),
    admission: z
      .strictObject({
        maxWaitDays: nonNegative.nullable().default(null),
        /** Cost of each day a person waits for an acute bed (care in the emergency department or a corridor), paid as the acute setting is. */
        waitingCostPerDay: nonNegative.default(0),
        /** Cost of each person diverted after maxWaitDays (their admission elsewhere), paid as the acute setting is. */
        diversionCost: nonNegative.default(0),
      })
      .default({ maxWaitDays: null, waitingCostPerDay: 0, diversionCost: 0 }),
    caseMix: z.array(caseMixGroupSchema).min(1),
    pathways: z.strictObject({ P0: pathwaySchema, P1: pathwaySchema, P2: pathwaySchema, P3: pathwaySchema }),
    discharge: z
      .strictObject({
        /** The P0 discharge work as one task (reason dischargeProcess); or `steps`, not both. */
        process: duration.optional(),
        steps: z.array(dischargeStepSchema).min(1).optional(),
        window: windowSchema.nullable().default(null),
        /**
         * When a senior review can declare a patient medically optimised: a clinical stay that
         * ends outside these hours ends at the next review (the ward round). Null: the moment it ends.
         */
        reviewWindow: windowSchema.nullable().default(null),
      })
      .refine((d) => d.process === undefined || d.steps === undefined, { message: 'give the discharge work as one process or as steps, not both', path: ['steps'] })
      .default({ window: null, reviewWindow: null }),
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
    settings: z.record(name, settingSchema).refine((settings) => Object.keys(settings).length <= MAX_SETTINGS, {
      error: (iss) => `at most ${MAX_SETTINGS} settings, got ${Object.keys(iss.input as object).length}`,
    }),
    /**
     * Money per payer and financial year for spot places, shared by every provider market (a
     * council's one budget for what it buys beyond its block contracts); a payer not listed has no limit.
     */
    spotBudgetPerYear: z.strictObject({ nhs: nonNegative.optional(), council: nonNegative.optional(), selfFunder: nonNegative.optional() }).default({}),
    warmStart: z.record(name, z.strictObject({ occupied: z.number().int().min(0), waiting: z.number().int().min(0).default(0) })).optional(),
    /** Integration policies in force (see src/model/policies and careflow list policies). */
    policies: z.array(policyInstanceSchema).default([]),
  })
  .superRefine((m, ctx) =>
    checkProbabilities(
      m.caseMix.map((g) => g.share),
      ctx,
      'case-mix share',
      ['caseMix'],
    ),
  );

/** A model as read from a file, with defaults filled in. */
export type ModelConfig = z.infer<typeof modelSchema>;
/** One setting of a model. */
export type SettingConfig = z.infer<typeof settingSchema>;
