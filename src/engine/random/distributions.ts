/**
 * Probability distributions: the {@link Distribution} interface, one class per family with its
 * spec and declaration, the normal CDF and quantile they rest on, and the registry of
 * declarations with the factory used by configuration files. Import from here; the modules
 * behind it are split only to keep each one about a single concept. (The zod schema of a spec
 * is the model layer's, `src/model/distribution-schema.ts`: the engine imports no zod.)
 *
 * The family modules and the registry are re-exported whole. `distribution.ts`,
 * `declaration.ts` and `special-functions.ts` also export helpers that the family modules share
 * (parameter checks and rules, normal tail functions); those are internal, so only the public
 * names are listed here, and a new public name in any of them must be added to the lists below.
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
export type { ComponentsRule, DistributionDeclaration, Moments, NestedSpecs, NumberListRule, NumberRule, ParamRule, SpecBase, SpecIssue } from './declaration.js';
export { NUMBER_MESSAGES } from './declaration.js';
export * from './registry.js';
