/**
 * The built-in forms of a number of places as model files write them: a whole number, or a
 * schedule `{initial, changes}` with changes by day number or by date. A setting's `capacity`
 * takes them (schema.ts), and so does any behaviour built on places (a market's block places).
 *
 * @module
 */
import { z } from 'zod';
import { isoDate, nonNegative } from '../schema-primitives.js';
import type { BuiltInCapacityForm } from './registry.js';

const capacityStepSchema = z.strictObject({
  day: nonNegative.optional(),
  date: isoDate.optional(),
  capacity: z.number().int().min(0),
});

/** A whole number of places, and a schedule of them. */
export const builtInCapacitySchemas = [
  z.number().int('capacity must be a whole number').min(0, 'capacity must be >= 0'),
  z.strictObject({
    initial: z.number().int().min(0),
    changes: z.array(capacityStepSchema.refine((s) => (s.day === undefined) !== (s.date === undefined), 'give exactly one of day or date')).min(1),
  }),
] as const;

/** Places, fixed or scheduled, as one schema. */
export const placesSchema: z.ZodType<BuiltInCapacityForm> = z.union(builtInCapacitySchemas);
