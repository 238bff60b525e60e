/**
 * Policies that cannot act within a run: a policy whose start falls at or after the end of the
 * run changes nothing, which is almost always a slip (a date a year out, a day count in the
 * wrong unit). The horizon is the experiment's, so this is checked when an experiment is run,
 * not when a model is loaded.
 *
 * @module
 */
import type { LoadedExperiment } from './scenario.js';

/**
 * One warning per policy entry that starts at or after the experiment's horizon, naming the
 * scenarios it is in (a policy of the model is in every scenario, and a sweep's grid points
 * share the base scenario's entries: each is named once, not once per scenario).
 */
export function policiesAfterHorizon(experiment: LoadedExperiment): string[] {
  const horizon = experiment.config.horizonDays;
  const scenariosOf = new Map<string, string[]>();
  for (const scenario of experiment.scenarios) {
    for (const policy of scenario.model.policies) {
      if (policy.startDay < horizon) continue;
      const start = typeof policy.start === 'string' ? `${policy.start} (day ${policy.startDay})` : `day ${policy.startDay}`;
      const what = `policy "${policy.policy}" starts on ${start}, at or after the end of the run (horizonDays ${horizon}), so it changes nothing`;
      scenariosOf.set(what, [...(scenariosOf.get(what) ?? []), scenario.name]);
    }
  }
  const all = experiment.scenarios.length;
  return [...scenariosOf].map(([what, names]) => {
    const where = names.length === 1 ? `scenario "${names[0]}"` : names.length === all ? 'every scenario' : `scenarios ${names.map((n) => `"${n}"`).join(', ')}`;
    return `${where}: ${what}`;
  });
}
