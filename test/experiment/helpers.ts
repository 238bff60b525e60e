/**
 * Shared helpers of the experiment tests: fixture paths, temporary folders, and copies of a
 * loaded experiment with some settings changed.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { loadExperiment, resolveScenario, type LoadedExperiment } from '../../src/experiment/scenario.js';
import type { ExperimentConfig, ScenarioConfig } from '../../src/experiment/schema.js';

/** The folder of experiment fixtures. */
export const EXPERIMENT_FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/experiments');

/** Path of an experiment fixture. */
export function fixture(name: string): string {
  return join(EXPERIMENT_FIXTURES, name);
}

/** A new temporary folder, removed after the test file. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `careflow-${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

let outs = 0;
/** A new, not yet existing results folder `results` inside a new parent folder under `root` (so the parent can be listed). */
export function freshOut(root: string): string {
  const parent = join(root, `case-${++outs}`);
  mkdirSync(parent);
  return join(parent, 'results');
}

/** The small two-scenario experiment (minimal model, 200 days). */
export function smallExperiment(): LoadedExperiment {
  return loadExperiment(fixture('small.yaml'));
}

/** A copy of an experiment with some config fields changed (scenarios resolved again if given). */
export function withConfig(experiment: LoadedExperiment, patch: Partial<ExperimentConfig>): LoadedExperiment {
  const config: ExperimentConfig = { ...experiment.config, ...patch };
  const scenarios = patch.scenarios ? patch.scenarios.map((s: ScenarioConfig, i: number) => resolveScenario(experiment.file, experiment.model, s, i)) : experiment.scenarios;
  return { ...experiment, config, scenarios };
}
