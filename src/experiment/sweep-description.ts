/**
 * What a sweep varies and the points it runs: recorded in manifest.json so that a report can
 * draw each point against its values.
 *
 * @module
 */

/**
 * One varied path and the values it takes: a model path (`settings.acute.capacity`), or a policy
 * path `policy.<name>.<field>` for the base scenario's (or the model's) entry of that policy,
 * where the field is `start`, `rampDays`, `runningCostPerYear` or one of its parameters.
 */
export interface Variation {
  path: string;
  values: unknown[];
}

/** What a sweep varied, recorded in manifest.json so that a report can draw each point against its values. */
export interface SweepDescription {
  /** The scenario that was varied; it is kept, unvaried, as the baseline. */
  base: string;
  /** The varied model paths and their values, in the order given. */
  variations: Variation[];
  /** Each grid scenario and the value of every varied path in it. */
  points: { scenario: string; values: Record<string, unknown> }[];
}

/** One input's range and the scenarios that ran its ends. */
export interface SensitivityInput {
  path: string;
  /** The model's value in the base scenario (absent for a policy path). */
  baseValue?: unknown;
  low: unknown;
  high: unknown;
  lowScenario: string;
  highScenario: string;
}

/** What a sensitivity run varied, recorded in manifest.json for the report's tornado chart. */
export interface SensitivityDescription {
  /** The scenario every range starts from; kept, unchanged, as the baseline. */
  base: string;
  inputs: SensitivityInput[];
}
