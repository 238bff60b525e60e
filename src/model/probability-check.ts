/**
 * The rule that listed probabilities (routes, pathways, shares) sum to 1, within rounding.
 *
 * @module
 */
import type { z } from 'zod';

const PROBABILITY_TOLERANCE = 1e-6;

/** Whether a sum of probabilities is 1 within rounding. */
export function sumsToOne(sum: number): boolean {
  return Math.abs(sum - 1) <= PROBABILITY_TOLERANCE;
}

/** Adds an issue at `path` when `values` do not sum to 1. */
export function checkProbabilities(values: number[], ctx: z.RefinementCtx, what: string, path: PropertyKey[] = []): void {
  const sum = values.reduce((a, b) => a + b, 0);
  if (!sumsToOne(sum)) ctx.addIssue({ code: 'custom', path, message: `${what} probabilities must sum to 1, got ${sum}` });
}
