/**
 * The experiment summary: every metric of every scenario summarised over replications, with
 * paired differences from the baseline, in the shape of summary.json.
 *
 * @module
 */
import type { ResolvedPolicy } from '../model/policies/apply.js';
import type { RunOutputs } from './runner.js';
import { saturationFindings, type SaturationFinding } from './saturation.js';
import type { LoadedExperiment } from './scenario.js';
import { pairedDifference, summarise, type Difference, type MetricSummary } from './statistics.js';

/** One scenario's results. */
export interface ScenarioSummary {
  name: string;
  description: string;
  /** The policies in force, every default filled in. */
  policies: ResolvedPolicy[];
  metrics: Record<string, MetricSummary>;
  differences: Record<string, Difference>;
}

/** The contents of summary.json. */
export interface ExperimentSummary {
  experiment: string;
  model: string;
  seed: number | string;
  replications: number;
  warmupDays: number;
  horizonDays: number;
  baseline: string;
  scenarios: ScenarioSummary[];
  /**
   * Each scenario and setting found saturated or unstable (`saturation.ts`); empty when none is.
   * Absent from summary.json files written before careflow looked.
   */
  saturation?: SaturationFinding[];
}

/**
 * Metric names in a stable order: the first scenario's, then any that only later scenarios
 * report (the settings and running costs their policies add).
 */
export function metricNames(run: RunOutputs): string[] {
  const names = new Set<string>();
  for (const outputs of run.outputs) for (const o of outputs) for (const name of Object.keys(o.metrics)) names.add(name);
  return [...names];
}

/** Summarises the runs of an experiment. */
export function summariseExperiment(experiment: LoadedExperiment, run: RunOutputs): ExperimentSummary {
  const names = metricNames(run);
  const baselineName = experiment.config.baseline ?? experiment.scenarios[0].name;
  const baselineIndex = experiment.scenarios.findIndex((s) => s.name === baselineName);
  const valuesOf = (s: number, metric: string): number[] => run.outputs[s].map((o) => o.metrics[metric] ?? NaN);
  const scenarios = experiment.scenarios.map((scenario, s) => ({
    name: scenario.name,
    description: scenario.description,
    policies: [...scenario.model.policies],
    metrics: Object.fromEntries(names.map((m) => [m, summarise(valuesOf(s, m))])),
    differences: s === baselineIndex ? {} : Object.fromEntries(names.map((m) => [m, pairedDifference(valuesOf(s, m), valuesOf(baselineIndex, m))])),
  }));
  return {
    experiment: experiment.config.name,
    model: experiment.model.name,
    seed: experiment.config.seed,
    replications: Math.min(...run.outputs.map((o) => o.length)),
    warmupDays: experiment.config.warmupDays,
    horizonDays: experiment.config.horizonDays,
    baseline: baselineName,
    scenarios,
    saturation: saturationFindings(
      scenarios.map((sc, s) => ({ name: sc.name, model: experiment.scenarios[s].model, metrics: sc.metrics })),
      experiment.config.horizonDays - experiment.config.warmupDays,
    ),
  };
}
