/**
 * Probability distributions: the {@link Distribution} interface, one class per family, the
 * normal CDF and quantile they rest on, and the spec schema and factory used by configuration
 * files. Import from here; the modules behind it are split only to keep each one about a single
 * concept.
 *
 * The family modules are re-exported whole. `distribution.ts` and `special-functions.ts` also
 * export helpers that the family modules share (parameter checks, normal tail functions); those
 * are internal, so only the public names are listed here, and a new public function in either
 * module must be added to the lists below.
 *
 * @module
 */
export type { Distribution } from './distribution.js';
export { logGamma, normalCdf, normalQuantile, standardNormal } from './special-functions.js';
export * from './continuous.js';
export * from './normal-family.js';
export * from './gamma-family.js';
export * from './discrete.js';
export * from './empirical.js';
export * from './mixture.js';
export * from './distribution-spec-types.js';
export * from './distribution-spec.js';
