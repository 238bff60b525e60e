/**
 * Cumulative probability tables: a discrete choice (a case-mix group, a pathway, a route) drawn
 * with one uniform number.
 *
 * @module
 */

/** A cumulative probability table over targets. */
export interface RouteTable {
  /** Cumulative probabilities, the last one 1. */
  cumulative: Float64Array;
  /** Setting index, or a ROUTE_* code (see routes.ts). */
  targets: Int32Array;
}

/** Cumulative sums with the last entry forced to exactly 1, so a draw u < 1 always finds a slot. */
export function cumulative(probabilities: number[]): Float64Array {
  const out = new Float64Array(probabilities.length);
  let sum = 0;
  probabilities.forEach((p, i) => (out[i] = sum += p));
  out[out.length - 1] = 1;
  return out;
}

/** Index of the first cumulative entry above u (u in (0, 1)). */
export function pick(cumulativeTable: Float64Array, u: number): number {
  let i = 0;
  while (u >= cumulativeTable[i]) i++;
  return i;
}
