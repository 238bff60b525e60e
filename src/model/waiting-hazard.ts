/**
 * People who wait change: the file form of `settings.<s>.whileWaiting` (what may happen to a
 * person while they wait for a place in setting s, each outcome with a chance per day that
 * depends on the days waited), its compiled plain-data form, and the daily probability it gives.
 * The run-time half is run/waiting-hazards.ts.
 *
 * A hazard is written as a table of whole-day bands of days waited, each with a daily
 * probability (days in no band have none), or as a logistic curve in the days waited. Whole days,
 * because that is how waits are reported and how a clinician would state "after two weeks".
 *
 * @module
 */
import { z } from 'zod';
import { name, probability } from './schema-primitives.js';

/** Outcome index: re-assessed to another setting. */
export const WAIT_REASSESS = 0;
/** Outcome index: died while waiting. */
export const WAIT_DEATH = 1;
/** Outcome index: readmitted to hospital while waiting outside it. */
export const WAIT_READMISSION = 2;
/** The outcomes in index order, as their metrics name them. */
export const WAIT_OUTCOME_METRICS = ['reassessedWhileWaiting', 'diedWhileWaiting', 'readmittedWhileWaiting'] as const;

const band = z
  .strictObject({
    fromDay: z.number().int('fromDay must be a whole number of days').min(0),
    toDay: z.number().int('toDay must be a whole number of days').positive().optional(),
    dailyProbability: probability,
  })
  .refine((b) => b.toDay === undefined || b.toDay > b.fromDay, { message: 'toDay must be after fromDay', path: ['toDay'] });

const table = z
  .array(band)
  .min(1)
  .superRefine((bands, ctx) => {
    for (let i = 1; i < bands.length; i++) {
      const before = bands[i - 1].toDay;
      if (before === undefined || bands[i].fromDay < before) {
        const after = before === undefined ? `band ${i - 1} has no toDay (it runs for ever)` : `band ${i - 1} runs to day ${before}`;
        ctx.addIssue({ code: 'custom', path: [i, 'fromDay'], message: `bands must be in order of days and must not overlap: ${after}` });
      }
    }
  });

const logistic = z.strictObject({ intercept: z.number(), perDay: z.number() });

const hazardFields = { table: table.optional(), logistic: logistic.optional() };

function exactlyOneForm(h: { table?: unknown; logistic?: unknown }, ctx: z.RefinementCtx): void {
  if ((h.table === undefined) === (h.logistic === undefined)) {
    ctx.addIssue({ code: 'custom', message: 'give the hazard as exactly one of table: [{fromDay, toDay?, dailyProbability}] or logistic: {intercept, perDay}' });
  }
}

/** A hazard by days waited: `{table}` or `{logistic}`. */
export const hazardSchema = z.strictObject(hazardFields).superRefine(exactlyOneForm);

/** What may happen to a person while they wait for a place in the setting (each outcome optional). */
export const whileWaitingSchema = z.strictObject({
  /** Re-assessed to another (non-acute) setting: a long reablement wait becoming a care home need. */
  reassess: z
    .strictObject({ to: name, ...hazardFields })
    .superRefine(exactlyOneForm)
    .optional(),
  death: hazardSchema.optional(),
  /** Only for people waiting outside hospital (in the community, or blocking another setting). */
  readmission: hazardSchema.optional(),
});

/** `settings.<s>.whileWaiting` as parsed. */
export type WhileWaitingConfig = z.output<typeof whileWaitingSchema>;
type HazardConfig = z.output<typeof hazardSchema>;

/** A hazard ready to run (plain data). */
export type CompiledHazard = { form: 'table'; fromDay: number[]; toDay: number[]; dailyProbability: number[] } | { form: 'logistic'; intercept: number; perDay: number };

/** A setting's outcomes while waiting, ready to run; a null outcome never happens. */
export interface CompiledWhileWaiting {
  /** The setting re-assessed to (by index), and the hazard. */
  reassess: { to: number; hazard: CompiledHazard } | null;
  death: CompiledHazard | null;
  readmission: CompiledHazard | null;
}

/** Compiles a setting's `whileWaiting` (references checked at resolve). */
export function compileWhileWaiting(w: WhileWaitingConfig, indexOf: (setting: string) => number): CompiledWhileWaiting {
  return {
    reassess: w.reassess ? { to: indexOf(w.reassess.to), hazard: compileHazard(w.reassess) } : null,
    death: w.death ? compileHazard(w.death) : null,
    readmission: w.readmission ? compileHazard(w.readmission) : null,
  };
}

function compileHazard(h: HazardConfig): CompiledHazard {
  if (h.logistic !== undefined) return { form: 'logistic', intercept: h.logistic.intercept, perDay: h.logistic.perDay };
  const bands = h.table ?? [];
  return {
    form: 'table',
    fromDay: bands.map((b) => b.fromDay),
    toDay: bands.map((b) => b.toDay ?? Infinity),
    dailyProbability: bands.map((b) => b.dailyProbability),
  };
}

/**
 * The chance of the outcome during day `day` of the wait (day 0 is the first day, so `day` is
 * the whole days already waited), for a person to whom nothing else has happened.
 */
export function dailyProbabilityOn(h: CompiledHazard, day: number): number {
  if (h.form === 'logistic') return 1 / (1 + Math.exp(-(h.intercept + h.perDay * day)));
  for (let i = 0; i < h.fromDay.length; i++) if (day >= h.fromDay[i] && day < h.toDay[i]) return h.dailyProbability[i];
  return 0;
}
