/**
 * The discharge pathways of the NHS England hospital discharge guidance (DHSC 2021): P0 home
 * with no new support, P1 home with support, P2 bedded intermediate care, P3 a care home.
 *
 * @module
 */

/** The pathways, in the order of every per-pathway array. */
export const PATHWAYS = ['P0', 'P1', 'P2', 'P3'] as const;
/** A discharge pathway name. */
export type Pathway = (typeof PATHWAYS)[number];
