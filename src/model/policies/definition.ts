/**
 * What a policy module exports: its name, what it does and why (for `careflow explain`), its
 * parameters, its default running cost, and how it changes a model.
 *
 * @module
 */
import type { PolicyContext } from './context.js';
import type { PayerShares } from '../payers.js';
import type { ParameterSpec } from './parameters.js';

/** A policy: a named, documented, parameterised change to a model's mechanics or capacities. */
export interface PolicyDefinition {
  /** The name used in experiment files, kebab-case. */
  name: string;
  /** One line for `careflow list policies`. */
  summary: string;
  /** How it works in the simulation, in a few sentences. */
  mechanism: string;
  parameters: Record<string, ParameterSpec>;
  /** Default running cost per year (GBP) and who pays it, with its source. */
  runningCost: { perYear: number; payers: PayerShares; source: string };
  /** The evidence behind the defaults, each "finding (publication, year)". */
  evidence: string[];
  /** Metrics it is expected to move, each "metric: direction". */
  moves: string[];
  /** Changes the model (ctx.config, ctx.effects) as the parameters say. */
  apply(ctx: PolicyContext): void;
}
