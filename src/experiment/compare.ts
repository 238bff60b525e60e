/**
 * Reads a results folder back and recomputes the differences between scenarios, against the
 * baseline of the run or another scenario, from the per-replication values.
 *
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageProblem } from './problems.js';
import { pairedDifference } from './statistics.js';
import type { ExperimentSummary } from './summary.js';

/** Reads summary.json of a results folder. */
export function readSummary(dir: string): ExperimentSummary {
  const file = join(dir, 'summary.json');
  if (!existsSync(file)) throw new UsageProblem(`${dir}: not a results folder (no summary.json)`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ExperimentSummary;
  } catch (err) {
    throw new UsageProblem(`${file}: cannot be read as JSON: ${(err as Error).message}`);
  }
}

/** Per-replication values from replications.csv: values[scenario][metric] = number[] by replication. */
export function readReplications(dir: string): Map<string, Map<string, number[]>> {
  const file = join(dir, 'replications.csv');
  if (!existsSync(file)) throw new UsageProblem(`${dir}: no replications.csv (the run was made with outputs.replications: false)`);
  const out = new Map<string, Map<string, number[]>>();
  const lines = readFileSync(file, 'utf8').split('\n').slice(1);
  for (const line of lines) {
    if (line === '') continue;
    const [scenario, replication, metric, value] = splitCsvLine(line);
    if (!out.has(scenario)) out.set(scenario, new Map());
    const byMetric = out.get(scenario) as Map<string, number[]>;
    if (!byMetric.has(metric)) byMetric.set(metric, []);
    (byMetric.get(metric) as number[])[Number(replication) - 1] = value === '' ? NaN : Number(value);
  }
  return out;
}

/** Splits one CSV line, honouring quoted fields. */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else value += line[i++];
      }
      fields.push(value);
      i++; // the comma
    } else {
      const end = line.indexOf(',', i);
      const stop = end < 0 ? line.length : end;
      fields.push(line.slice(i, stop));
      i = stop + 1;
    }
  }
  return fields;
}

/** The summary with differences recomputed against `baseline` (a scenario of the run). */
export function compareAgainst(dir: string, baseline?: string): ExperimentSummary {
  const summary = readSummary(dir);
  const names = summary.scenarios.map((s) => s.name);
  const chosen = baseline ?? summary.baseline;
  if (!names.includes(chosen)) throw new UsageProblem(`--baseline: unknown scenario "${chosen}"; expected one of ${names.join(', ')}`);
  if (chosen === summary.baseline) return summary;
  const values = readReplications(dir);
  const base = values.get(chosen) as Map<string, number[]>;
  return {
    ...summary,
    baseline: chosen,
    scenarios: summary.scenarios.map((s) => ({
      ...s,
      differences: s.name === chosen ? {} : Object.fromEntries([...base.keys()].map((m) => [m, pairedDifference(values.get(s.name)?.get(m) ?? [], base.get(m) ?? [])])),
    })),
  };
}
