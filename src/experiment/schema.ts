/**
 * The experiment file format: which model, which scenarios (each a set of overrides of model
 * values), how long, how many replications, which seed, and what to write.
 * Documented field by field in experiments/README.md.
 *
 * @module
 */
import { z } from 'zod';
import { MAX_SCENARIOS } from '../model/input-limits.js';
import { policyInstanceSchema } from '../model/schema.js';
import { boundedName } from '../model/schema-primitives.js';

/** An experiment or scenario name: it becomes a folder or file name, so its length is bounded. */
const name = boundedName(/^[A-Za-z][A-Za-z0-9_-]*$/, 'expected a name of letters, digits, - and _ starting with a letter');

/** One scenario: the baseline model with some values changed and some policies switched on. */
export const scenarioSchema = z.strictObject({
  name,
  description: z.string().default(''),
  /** Model values to change, by dotted path, e.g. `settings.acute.capacity: 900`. */
  overrides: z.record(z.string(), z.unknown()).default({}),
  /** Policies switched on in this scenario, after any the model itself has (careflow list policies). */
  policies: z.array(policyInstanceSchema).default([]),
});

/** Keep adding replications until every listed metric's 95% CI half-width is small enough. */
export const precisionSchema = z.strictObject({
  metrics: z.array(z.string()).min(1),
  /** Target half-width relative to the mean (for example 0.02 for plus or minus 2%). */
  relativeHalfWidth: z.number().positive().max(1),
  /** Never run more than this many replications per scenario. */
  maxReplications: z.number().int().min(2).default(200),
});

/** The whole experiment file. */
export const experimentSchema = z
  .strictObject({
    name,
    description: z.string().default(''),
    /**
     * What the study is for: the question it answers and for whom, in a few sentences. The
     * report's model description prints it as STRESS-DES item 1.1 (purpose of the model).
     */
    objectives: z.string().optional(),
    /** Path of the model file, relative to the experiment file. */
    model: z.string().min(1),
    horizonDays: z.number().positive(),
    warmupDays: z.number().min(0).default(0),
    replications: z.number().int().min(2).default(10),
    seed: z.union([z.number().int(), z.string().min(1)]).default(1),
    /** Scenario the others are compared with (default: the first). */
    baseline: name.optional(),
    scenarios: z.array(scenarioSchema).min(1).max(MAX_SCENARIOS),
    precision: precisionSchema.optional(),
    outputs: z
      .strictObject({
        daily: z.boolean().default(true),
        replications: z.boolean().default(true),
      })
      .default({ daily: true, replications: true }),
  })
  .superRefine((e, ctx) => {
    if (e.warmupDays >= e.horizonDays) ctx.addIssue({ code: 'custom', path: ['warmupDays'], message: `must be below horizonDays (${e.horizonDays})` });
    const seen = new Set<string>();
    e.scenarios.forEach((s, i) => {
      if (seen.has(s.name)) ctx.addIssue({ code: 'custom', path: ['scenarios', i, 'name'], message: `duplicate scenario name "${s.name}"` });
      seen.add(s.name);
    });
    if (e.baseline !== undefined && !seen.has(e.baseline)) {
      ctx.addIssue({ code: 'custom', path: ['baseline'], message: `unknown scenario "${e.baseline}"; expected one of ${[...seen].join(', ')}` });
    }
  });

/** An experiment as read from a file, with defaults filled in. */
export type ExperimentConfig = z.infer<typeof experimentSchema>;
/** One scenario of an experiment. */
export type ScenarioConfig = z.infer<typeof scenarioSchema>;
