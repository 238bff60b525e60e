/**
 * Reads a results folder for the report: summary.json and manifest.json (required), daily.csv
 * (optional: an experiment can switch it off), and the model file the run used, if it is still
 * there. Every problem is one line naming the file, reported as bad input (exit code 2).
 *
 * @module
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageProblem } from '../experiment/problems.js';
import { hashOf } from '../experiment/scenario.js';
import { readModelFile } from '../model/load-model.js';
import type { Manifest } from '../experiment/results.js';
import type { ExperimentSummary } from '../experiment/summary.js';
import { parseDaily, type DailyData } from './daily.js';

/** Everything the report shows, read from one results folder. */
export interface ResultsFolder {
  /** The folder as given. */
  dir: string;
  summary: ExperimentSummary;
  manifest: Manifest;
  /** The daily series, or null when the run wrote no daily.csv. */
  daily: DailyData | null;
  /** Whether replications.csv is there (the report lists the folder's files). */
  hasReplications: boolean;
  /** Text of the model file the run used, with its comments (the sources), if it still exists. */
  modelText: string | null;
}

/** Reads a results folder; throws UsageProblem naming the file that is missing or malformed. */
export function loadResults(dir: string): ResultsFolder {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageProblem(`${dir}: no such results folder`);
  const summary = readJson(join(dir, 'summary.json')) as ExperimentSummary;
  if (!Array.isArray(summary?.scenarios) || summary.scenarios.length === 0 || typeof summary.baseline !== 'string') {
    throw new UsageProblem(`${join(dir, 'summary.json')}: not a careflow summary (expected "baseline" and a non-empty "scenarios" list)`);
  }
  for (const s of summary.scenarios) {
    if (typeof s?.name !== 'string' || typeof s.metrics !== 'object' || s.metrics === null) {
      throw new UsageProblem(`${join(dir, 'summary.json')}: not a careflow summary (a scenario without "name" or "metrics")`);
    }
  }
  const manifest = readJson(join(dir, 'manifest.json')) as Manifest;
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest) || !Array.isArray(manifest.scenarios)) {
    throw new UsageProblem(`${join(dir, 'manifest.json')}: not a careflow manifest (expected an object with "scenarios")`);
  }
  const dailyFile = join(dir, 'daily.csv');
  const daily = existsSync(dailyFile) ? parseDaily(readFileSync(dailyFile, 'utf8'), dailyFile) : null;
  return { dir, summary, manifest, daily, hasReplications: existsSync(join(dir, 'replications.csv')), modelText: readModelText(manifest.modelFile, manifest.modelHash) };
}

function readJson(file: string): unknown {
  if (!existsSync(file)) throw new UsageProblem(`${file}: missing; not a complete careflow results folder`);
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UsageProblem(`${file}: cannot be read as JSON: ${(err as Error).message}`);
  }
}

// The model file may have moved or changed since the run (or --set changed values of it): its
// text is shown only if it still reads as the model that was run, else the report shows the
// manifest's copy of the model (without the comments that name the sources).
function readModelText(file: unknown, modelHash: unknown): string | null {
  if (typeof file !== 'string' || !existsSync(file)) return null;
  try {
    return hashOf(readModelFile(file)) === modelHash ? readFileSync(file, 'utf8') : null;
  } catch {
    return null;
  }
}
