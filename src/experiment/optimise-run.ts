/**
 * The optimiser on an experiment: the candidates are a sweep's grid points, their replications
 * run through the usual runner (common random numbers, any number of workers, the same results
 * whatever the number), and the outcome written as a results folder.
 *
 * @module
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commitFolder, tempFolderFor } from './atomic-folder.js';
import { isKnownMetric } from '../model/metrics/members.js';
import { optimise, describeTarget, type OnLook, type OptimiseResult, type OptimiseSettings } from './optimise.js';
import { UsageProblem } from './problems.js';
import { csvField } from './results.js';
import { runExperiment } from './runner.js';
import type { LoadedExperiment } from './scenario.js';
import { careflowVersion } from './version.js';
import type { ReplicationOutput } from './worker.js';

/** The record written as optimise.json. */
export interface OptimiseRecord {
  experiment: string;
  model: string;
  seed: number | string;
  base: string;
  objective: string;
  targets: string[];
  alpha: number;
  method: string;
  result: OptimiseResult & { selectedScenario: string | null; contenderScenarios: string[] };
  candidates: { scenario: string; values: Record<string, unknown> }[];
  careflowVersion: string;
}

/** Searches a sweep experiment's grid points (not its base scenario) for the cheapest that meets the targets. */
export async function optimiseExperiment(experiment: LoadedExperiment, settings: OptimiseSettings, options: { workers: number; onLook?: OnLook }): Promise<OptimiseRecord> {
  const sweep = experiment.sweep;
  if (!sweep) throw new UsageProblem('optimise needs candidates: give --vary path=v1,v2,...');
  const base = experiment.scenarios[0].model;
  for (const metric of [settings.objective, ...settings.targets.map((t) => t.metric)]) {
    if (!isKnownMetric(metric, base)) throw new UsageProblem(`unknown metric "${metric}" for model ${experiment.model.name}; see careflow list metrics`);
  }
  const candidates = experiment.scenarios.slice(1);
  const cache = new Map<number, ReplicationOutput[]>();
  const evaluate = async (chosen: number[], replications: number): Promise<Record<string, number>[][]> => {
    const sub: LoadedExperiment = {
      ...experiment,
      scenarios: chosen.map((c) => candidates[c]),
      config: { ...experiment.config, precision: undefined, outputs: { ...experiment.config.outputs, daily: false } },
    };
    const finished = chosen.flatMap((c, i) => (cache.get(c) ?? []).map((o) => ({ ...o, scenarioIndex: i })));
    const run = await runExperiment(sub, { workers: options.workers, replications, finished });
    chosen.forEach((c, i) => cache.set(c, run.outputs[i]));
    return run.outputs.map((outputs) => outputs.map((o) => o.metrics));
  };
  const result = await optimise(candidates.length, settings, evaluate, options.onLook);
  return {
    experiment: experiment.config.name,
    model: experiment.model.name,
    seed: experiment.config.seed,
    base: sweep.base,
    objective: settings.objective,
    targets: settings.targets.map(describeTarget),
    alpha: settings.alpha,
    method:
      'sequential screening with Bonferroni-adjusted one-sided paired Student-t bounds (after Nelson, Swann, Goldsman and Song 2001; with constraints, Andradottir and Kim 2010): the chance of any wrong decision is at most alpha',
    result: {
      ...result,
      selectedScenario: result.selected === null ? null : candidates[result.selected].name,
      contenderScenarios: result.contenders.map((c) => candidates[c].name),
    },
    candidates: sweep.points.map((p) => ({ scenario: p.scenario, values: p.values })),
    careflowVersion: careflowVersion(),
  };
}

/** Writes optimise.json and candidates.csv into `dir` (which must not exist) atomically and durably. */
export function writeOptimisation(dir: string, record: OptimiseRecord): void {
  const temp = tempFolderFor(dir);
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  try {
    writeFileSync(join(temp, 'optimise.json'), JSON.stringify(record, null, 2) + '\n');
    writeFileSync(join(temp, 'candidates.csv'), candidatesCsv(record));
    commitFolder(temp, dir);
  } catch (err) {
    rmSync(temp, { recursive: true, force: true });
    throw err;
  }
}

function candidatesCsv(record: OptimiseRecord): string {
  const t = record.result.candidates[0]?.targets ?? [];
  const head = [
    'scenario',
    'status',
    'replications',
    `${record.objective}.mean`,
    `${record.objective}.lower`,
    `${record.objective}.upper`,
    ...t.flatMap((x) => [`${x.metric}.mean`, `${x.metric}.verdict`]),
    'reason',
  ];
  const rows = record.result.candidates.map((c) =>
    [record.candidates[c.index].scenario, c.status, c.replications, c.objective.mean, c.objective.lower, c.objective.upper, ...c.targets.flatMap((x) => [x.mean, x.verdict]), c.reason ?? '']
      .map((v) => csvField(v))
      .join(','),
  );
  return [head.join(','), ...rows].join('\n') + '\n';
}
