/**
 * Writes an experiment's results folder: summary.json, summary.csv, replications.csv,
 * daily.csv, daily-reasons.csv and manifest.json. Everything is written into a temporary sibling folder that is
 * flushed to the disk and renamed into place at the end (atomic-folder.ts), so a results folder
 * is either complete or absent, even after a power cut.
 *
 * @module
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';
import { commitFolder, tempFolderFor } from './atomic-folder.js';
import { DAILY_COLUMNS } from '../model/observations.js';
import type { RunOutputs } from './runner.js';
import type { ReplicationOutput } from './worker.js';
import type { CommandLineSetting, LoadedExperiment } from './scenario.js';
import type { PrecisionRecord } from './precision.js';
import type { SensitivityDescription, SweepDescription } from './sweep-description.js';
import { metricNames, type ExperimentSummary } from './summary.js';

/** What manifest.json records about a run. */
export interface Manifest {
  careflowVersion: string;
  /** The code hash of the code that computed the replications (code-hash.ts). */
  codeHash: string;
  experimentFile: string;
  modelFile: string;
  experimentHash: string;
  modelHash: string;
  seed: number | string;
  replications: number;
  workers: number;
  /** With --queue: how many replications each queue worker computed, by worker name. */
  replicationsByWorker?: Record<string, number>;
  startedAt: string;
  finishedAt: string;
  wallSeconds: number;
  node: string;
  /** The machine the run's coordinator ran on (STRESS-DES 5.4); absent in results of older versions. */
  machine?: MachineDescription;
  experiment: unknown;
  model: unknown;
  scenarios: { name: string; hash: string; policies: readonly unknown[]; model: unknown; capacity: unknown }[];
  /** For a sweep: the varied paths and each grid scenario's values (absent for a plain run). */
  sweep?: SweepDescription;
  /** For a one-way sensitivity analysis: each input's range and the scenarios of its ends. */
  sensitivity?: SensitivityDescription;
  /** Model values changed for every scenario by `run --set` (absent without any). */
  set?: CommandLineSetting[];
  /** The precision target's outcome (absent when the experiment sets none). */
  precision?: PrecisionRecord;
}

/** The computer a run used, as Node's os module reports it. */
export interface MachineDescription {
  /** CPU model of the first core, e.g. "Intel(R) Xeon(R) ...". */
  cpu: string;
  cores: number;
  /** Total memory in bytes. */
  memoryBytes: number;
  /** OS type, release and architecture, e.g. "Linux 6.1.0 x64". */
  os: string;
}

/** This machine, for manifest.json. */
export function thisMachine(): MachineDescription {
  const cpus = os.cpus();
  return { cpu: cpus[0]?.model.trim() ?? 'unknown', cores: cpus.length, memoryBytes: os.totalmem(), os: `${os.type()} ${os.release()} ${os.arch()}` };
}

/** Writes every results file into `dir` atomically; `dir` must not exist yet. */
export function writeResults(
  dir: string,
  experiment: LoadedExperiment,
  run: RunOutputs,
  summary: ExperimentSummary,
  manifest: Manifest,
  traces: { from: string; name: string }[] = [],
): void {
  const temp = tempFolderFor(dir);
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  try {
    writeFileSync(join(temp, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
    writeFileSync(join(temp, 'summary.csv'), summaryCsv(summary));
    if (experiment.config.outputs.replications) writeFileSync(join(temp, 'replications.csv'), replicationsCsv(experiment, run));
    if (experiment.config.outputs.daily) {
      writeFileSync(join(temp, 'daily.csv'), dailyCsv(experiment, run));
      writeFileSync(join(temp, 'daily-reasons.csv'), dailyReasonsCsv(experiment, run));
    }
    writeFileSync(join(temp, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    for (const t of traces) if (existsSync(t.from)) renameSync(t.from, join(temp, t.name));
    commitFolder(temp, dir);
  } catch (err) {
    rmSync(temp, { recursive: true, force: true });
    throw err;
  }
}

/** A CSV field: quoted when it holds a comma, quote or line break. */
export function csvField(value: string | number): string {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLine(fields: (string | number)[]): string {
  return fields.map(csvField).join(',') + '\n';
}

function summaryCsv(summary: ExperimentSummary): string {
  let out = csvLine(['scenario', 'metric', 'mean', 'sd', 'ciLow', 'ciHigh', 'p05', 'median', 'p95', 'n', 'diffMean', 'diffCiLow', 'diffCiHigh']);
  for (const s of summary.scenarios) {
    for (const [metric, m] of Object.entries(s.metrics)) {
      const d = s.differences[metric];
      out += csvLine([s.name, metric, m.mean, m.sd, m.ciLow, m.ciHigh, m.p05, m.median, m.p95, m.n, d?.mean ?? '', d?.ciLow ?? '', d?.ciHigh ?? '']);
    }
  }
  return out;
}

function replicationsCsv(experiment: LoadedExperiment, run: RunOutputs): string {
  const parts = [csvLine(['scenario', 'replication', 'metric', 'value'])];
  const names = metricNames(run);
  run.outputs.forEach((outputs, s) => {
    for (const o of outputs) for (const metric of names) parts.push(csvLine([experiment.scenarios[s].name, o.replication + 1, metric, o.metrics[metric]]));
  });
  return parts.join('');
}

function dailyCsv(experiment: LoadedExperiment, run: RunOutputs): string {
  const columns = DAILY_COLUMNS.length;
  const parts = [csvLine(['scenario', 'replication', 'day', 'setting', ...DAILY_COLUMNS])];
  run.outputs.forEach((outputs, s) => {
    const name = experiment.scenarios[s].name;
    // A scenario's policies may add settings (an interim D2A service, say): its own list.
    const settings = experiment.scenarios[s].model.settings;
    const withDaily = outputs.filter((o) => o.daily !== null);
    if (withDaily.length === 0) return;
    const days = (withDaily[0].daily as Float64Array).length / (settings.length * columns);
    const mean = new Float64Array(days * settings.length * columns);
    for (const o of withDaily) {
      const values = o.daily as Float64Array;
      for (let i = 0; i < values.length; i++) mean[i] += values[i] / withDaily.length;
      appendDaily(parts, name, String(o.replication + 1), values, days, settings);
    }
    appendDaily(parts, name, 'mean', mean, days, settings);
  });
  return parts.join('');
}

// Hundreds of thousands of rows: each is built as one string, with the text fields quoted once.
function appendDaily(parts: string[], scenario: string, replication: string, values: Float64Array, days: number, settings: readonly string[]): void {
  const columns = DAILY_COLUMNS.length;
  const prefix = `${csvField(scenario)},${csvField(replication)},`;
  const names = settings.map(csvField);
  for (let d = 0; d < days; d++) {
    for (let s = 0; s < settings.length; s++) {
      const base = (d * settings.length + s) * columns;
      let row = `${prefix}${d},${names[s]}`;
      for (let c = 0; c < columns; c++) row += `,${csvField(round6(values[base + c]))}`;
      parts.push(row + '\n');
    }
  }
}

const REASON_METRIC = 'delayedBedDaysByReason.';

/**
 * Acute patients delayed at each midnight by reason: one row per scenario, replication (and
 * their mean) and day, one column per reason of any scenario (0 where a scenario has not got it:
 * a policy may add a setting and so a reason). A scenario's reasons are those of its
 * `delayedBedDaysByReason` metrics, in their order, which is the order of its daily values.
 */
function dailyReasonsCsv(experiment: LoadedExperiment, run: RunOutputs): string {
  const reasonsOf = (o: ReplicationOutput): string[] => Object.keys(o.metrics).flatMap((m) => (m.startsWith(REASON_METRIC) ? [m.slice(REASON_METRIC.length)] : []));
  const all: string[] = [];
  for (const outputs of run.outputs) for (const o of outputs.slice(0, 1)) for (const r of reasonsOf(o)) if (!all.includes(r)) all.push(r);
  const parts = [csvLine(['scenario', 'replication', 'day', ...all])];
  run.outputs.forEach((outputs, s) => {
    const withDaily = outputs.filter((o) => o.dailyReasons !== null);
    if (withDaily.length === 0) return;
    const own = reasonsOf(withDaily[0]);
    const column = own.map((r) => all.indexOf(r));
    const days = own.length === 0 ? 0 : (withDaily[0].dailyReasons as Float64Array).length / own.length;
    const mean = new Float64Array(days * own.length);
    const name = csvField(experiment.scenarios[s].name);
    const append = (replication: string, values: Float64Array): void => {
      for (let d = 0; d < days; d++) {
        const row = new Array<number>(all.length).fill(0);
        for (let k = 0; k < own.length; k++) row[column[k]] = round6(values[d * own.length + k]);
        parts.push(`${name},${replication},${d},${row.join(',')}\n`);
      }
    };
    for (const o of withDaily) {
      const values = o.dailyReasons as Float64Array;
      for (let i = 0; i < values.length; i++) mean[i] += values[i] / withDaily.length;
      append(String(o.replication + 1), values);
    }
    append('mean', mean);
  });
  return parts.join('');
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
