/**
 * Who pays: the NHS, the council and self-funders. Every cost array in a run is indexed in
 * {@link PAYERS} order, so this is the one place that order is written.
 *
 * @module
 */

/** Payers, in the order of every cost array. */
export const PAYERS = ['nhs', 'council', 'selfFunder'] as const;
/** A payer name. */
export type Payer = (typeof PAYERS)[number];

/** Shares of a cost paid by each payer, summing to 1. */
export interface PayerShares {
  nhs: number;
  council: number;
  selfFunder: number;
}

/** A payer's index in cost arrays. */
export const PAYER_INDEX: Readonly<Record<Payer, number>> = { nhs: 0, council: 1, selfFunder: 2 };

/** Payer shares as an array in {@link PAYERS} order. */
export function payerShareArray(shares: PayerShares): Float64Array {
  return Float64Array.from(PAYERS.map((p) => shares[p]));
}
