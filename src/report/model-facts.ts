/**
 * What the report needs to know about the model as run, read from manifest.json: the start
 * date, the settings and their kinds, each scenario's model. The manifest's models are plain
 * JSON here (the report does not depend on the model schema's exact shape).
 *
 * @module
 */
import type { ResultsFolder } from './load-results.js';

/** A model as stored in manifest.json, seen through the few fields the report reads. */
export interface ModelFacts {
  name?: string;
  startDate?: string;
  settings?: Record<string, { kind?: string; capacity?: unknown; description?: string }>;
}

/** The model a scenario ran (the base model if the manifest lacks the scenario). */
export function scenarioModel(r: ResultsFolder, scenario: string): ModelFacts {
  const found = r.manifest.scenarios.find((s) => s.name === scenario);
  return ((found?.model ?? r.manifest.model) as ModelFacts | undefined) ?? {};
}

/** The base model of the run. */
export function baseModel(r: ResultsFolder): ModelFacts {
  return (r.manifest.model as ModelFacts | undefined) ?? {};
}

/** The name of the acute setting (kind acute), if the model has one. */
export function acuteSetting(r: ResultsFolder): string | undefined {
  const settings = baseModel(r).settings ?? {};
  return Object.keys(settings).find((s) => settings[s]?.kind === 'acute');
}

/** Scenario names in the summary's order. */
export function scenarioNames(r: ResultsFolder): string[] {
  return r.summary.scenarios.map((s) => s.name);
}
