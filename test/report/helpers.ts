/**
 * Results folders for the report tests, made by running the small test experiment (minimal
 * model, 200 days) once per test file, and a copy with hostile scenario names.
 */
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { executeExperiment } from '../../src/experiment/execute.js';
import { parseVariation, sweepExperiment } from '../../src/experiment/sweep.js';
import { smallExperiment, tempDir, withConfig } from '../experiment/helpers.js';

export { tempDir };

/** A hostile scenario name: it must show as text, never run. */
export const HOSTILE_NAME = '<script>alert(1)</script>';
/** A hostile scenario description (an attribute-based attack). */
export const HOSTILE_DESCRIPTION = '"><img src=x onerror=alert(2)>';

/** Runs the small experiment (2 scenarios, 3 replications) into a new results folder. */
export async function smallResults(options: { daily?: boolean; replications?: boolean } = {}): Promise<string> {
  const e = withConfig(smallExperiment(), { replications: 3, outputs: { daily: options.daily ?? true, replications: options.replications ?? true } });
  const out = join(tempDir('report'), 'results');
  await executeExperiment(e, { out, workers: 1 });
  return out;
}

/** Runs a small sweep of acute beds (3 points) into a new results folder. */
export async function sweepResults(): Promise<string> {
  const base = withConfig(smallExperiment(), { replications: 3 });
  const e = sweepExperiment(base, [parseVariation('settings.acute.capacity=110,125,140')]);
  const out = join(tempDir('report-sweep'), 'results');
  await executeExperiment(e, { out, workers: 1 });
  return out;
}

/**
 * A copy of a results folder of the small experiment with scenario `moreBeds` renamed to
 * {@link HOSTILE_NAME} and its description made {@link HOSTILE_DESCRIPTION}, in every file.
 * (Experiment files only allow plain names; a results folder can be edited by anyone.)
 */
export function hostileCopy(dir: string): string {
  const out = join(tempDir('report-hostile'), 'results');
  cpSync(dir, out, { recursive: true });
  for (const file of readdirSync(out)) {
    const path = join(out, file);
    let text = readFileSync(path, 'utf8');
    if (file.endsWith('.json')) {
      // Through JSON, so the strings are encoded as JSON strings.
      text = text.replace(/"moreBeds"/g, JSON.stringify(HOSTILE_NAME)).replace(/"Ten more acute beds"/g, JSON.stringify(HOSTILE_DESCRIPTION));
    } else text = text.replace(/^moreBeds,/gm, `${HOSTILE_NAME},`);
    writeFileSync(path, text);
  }
  return out;
}
