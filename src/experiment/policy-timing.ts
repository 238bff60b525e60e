/**
 * Policies that cannot act within a run: a policy whose start falls at or after the end of the
 * run changes nothing, which is almost always a slip (a date a year out, a day count in the
 * wrong unit). The horizon is the experiment's, so this is checked when an experiment is run,
 * not when a model is loaded.
 *
 * @module
 */
import { resolvedPolicies } from '../model/policies/apply.js';
import type { LoadedExperiment } from './scenario.js';

/** One warning per scenario and policy that starts at or after the experiment's horizon. */
export function policiesAfterHorizon(experiment: LoadedExperiment): string[] {
  const horizon = experiment.config.horizonDays;
  const warnings: string[] = [];
  for (const scenario of experiment.scenarios) {
    for (const policy of resolvedPolicies(scenario.model)) {
      if (policy.startDay < horizon) continue;
      const start = typeof policy.start === 'string' ? `${policy.start} (day ${policy.startDay})` : `day ${policy.startDay}`;
      warnings.push(
        `scenario "${scenario.name}": policy "${policy.policy}" starts on ${start}, at or after the end of the run ` +
          `(horizonDays ${horizon}), so it changes nothing`,
      );
    }
  }
  return warnings;
}
