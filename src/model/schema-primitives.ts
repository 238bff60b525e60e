/**
 * The field types every part of the model file format shares (probabilities, amounts, dates,
 * names), in one place so that the parse stage's pieces (schema.ts, the capacity forms) read
 * them alike.
 *
 * @module
 */
import { z } from 'zod';
import { isReservedName, MAX_NAME_LENGTH, reservedNameReason } from './input-limits.js';

/** A probability, 0 to 1. */
export const probability = z.number().min(0).max(1);

/** An amount that cannot be negative (a rate, a cost, a number of days). */
export const nonNegative = z.number().min(0);

/** A calendar date written YYYY-MM-DD. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date written YYYY-MM-DD')
  .refine(isRealDate, { message: 'not a real date (month 01-12, day within the month)' });

/** Whether a YYYY-MM-DD text names a day of the calendar (no 13th month, no 30 February). */
function isRealDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return true; // the regex above reports it
  const t = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().startsWith(text);
}

/**
 * A name with a given pattern, at most {@link MAX_NAME_LENGTH} characters and not a property
 * every object has (see input-limits.ts for why).
 */
export function boundedName(pattern: RegExp, expected: string): z.ZodType<string, string> {
  return z
    .string()
    .regex(pattern, expected)
    .max(MAX_NAME_LENGTH)
    .refine((text) => !isReservedName(text), { error: (iss) => reservedNameReason(String(iss.input)) });
}

/** A name used as a key and a reference (settings, groups, referral streams, the model). */
export const name = boundedName(/^[A-Za-z][A-Za-z0-9]*$/, 'expected a camelCase name of letters and digits');
