/**
 * `npm run bench`: times the kernel on the M/M/3 queue (lambda 2.5, mu 1, ten million
 * customers) and the care model on the tandem peer model (models/tandem-peer.yaml, 20 years),
 * and prints throughput, peak memory, and the M/M/3 mean wait beside Erlang C.
 *
 * Each part runs in its own child process so that its peak memory is its own.
 * Options: `--customers N` (M/M/3, default 1e7), `--reps N` (default 3; medians are reported),
 * `--json` (the last line is one JSON object with every figure).
 *
 * @module
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { mmcTheory } from '../engine/theory/erlang.js';
import { loadModel } from '../model/load-model.js';
import { runReplication } from '../model/run-replication.js';
import { runMmc } from './mmc-model.js';

const LAMBDA = 2.5;
const MU = 1;
const SERVERS = 3;
const TANDEM_MODEL = new URL('../../../models/tandem-peer.yaml', import.meta.url);

interface PartResult {
  perSecond: number[];
  eventsPerSecond: number[];
  meanWait: number[];
  peakMemoryMB: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function runMmcPart(customers: number, reps: number): PartResult {
  const out: PartResult = { perSecond: [], eventsPerSecond: [], meanWait: [], peakMemoryMB: 0 };
  for (let r = 0; r < reps; r++) {
    const start = process.hrtime.bigint();
    const result = runMmc({ lambda: LAMBDA, mu: MU, servers: SERVERS, customers, seed: r + 1 });
    const s = seconds(start);
    out.perSecond.push(result.totalServed / s);
    out.eventsPerSecond.push(result.events / s);
    out.meanWait.push(result.meanWait);
  }
  out.peakMemoryMB = process.resourceUsage().maxRSS / 1024;
  return out;
}

function runTandemPart(reps: number): PartResult {
  const model = loadModel(fileURLToPath(TANDEM_MODEL));
  const out: PartResult = { perSecond: [], eventsPerSecond: [], meanWait: [], peakMemoryMB: 0 };
  for (let r = 0; r < reps; r++) {
    const start = process.hrtime.bigint();
    const result = runReplication(model, { horizonDays: 7300, warmupDays: 365, seed: r + 1 });
    const s = seconds(start);
    // As the SimPy peer counts: patients admitted in the results window per second of run time.
    out.perSecond.push(result.metrics.admissions / s);
    out.eventsPerSecond.push(result.events / s);
    out.meanWait.push(result.metrics.delayedBedDaysPerDay);
  }
  out.peakMemoryMB = process.resourceUsage().maxRSS / 1024;
  return out;
}

function runPart(part: string, args: string[]): PartResult {
  const output = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--part', part, ...args], { encoding: 'utf8' });
  return JSON.parse(output.trim().split('\n').at(-1) as string) as PartResult;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string', default: '10000000' },
      reps: { type: 'string', default: '3' },
      json: { type: 'boolean', default: false },
      part: { type: 'string' },
    },
  });
  const customers = Number(values.customers);
  const reps = Number(values.reps);
  if (!(Number.isInteger(customers) && customers > 0)) throw new Error(`--customers must be a whole number > 0, got ${values.customers}`);
  if (!(Number.isInteger(reps) && reps > 0)) throw new Error(`--reps must be a whole number > 0, got ${values.reps}`);
  if (values.part === 'mmc') return void console.log(JSON.stringify(runMmcPart(customers, reps)));
  if (values.part === 'tandem') return void console.log(JSON.stringify(runTandemPart(reps)));

  const passOn = ['--customers', String(customers), '--reps', String(reps)];
  const mmc = runPart('mmc', passOn);
  const theory = mmcTheory(LAMBDA, MU, SERVERS);
  console.log(
    `M/M/3 (${customers.toExponential(0)} customers, median of ${reps}): ${(median(mmc.perSecond) / 1e6).toFixed(2)} M customers/s, ` +
      `${(median(mmc.eventsPerSecond) / 1e6).toFixed(2)} M events/s, mean wait ${median(mmc.meanWait).toFixed(4)} ` +
      `(Erlang C ${theory.meanWait.toFixed(4)}), peak memory ${mmc.peakMemoryMB.toFixed(1)} MB`,
  );
  const tandem = runPart('tandem', passOn);
  console.log(
    `tandem peer model (20 years, median of ${reps}): ${(median(tandem.perSecond) / 1e3).toFixed(0)} k patients/s, ` +
      `${(median(tandem.eventsPerSecond) / 1e6).toFixed(2)} M events/s, delayed bed days/day ${median(tandem.meanWait).toFixed(3)}, ` +
      `peak memory ${tandem.peakMemoryMB.toFixed(1)} MB`,
  );
  if (values.json) {
    console.log(
      JSON.stringify({
        customers,
        reps,
        customersPerSecond: Math.round(median(mmc.perSecond)),
        eventsPerSecond: Math.round(median(mmc.eventsPerSecond)),
        meanWait: median(mmc.meanWait),
        erlangCWait: theory.meanWait,
        peakMemoryMB: Math.round(mmc.peakMemoryMB * 10) / 10,
        tandemPatientsPerSecond: Math.round(median(tandem.perSecond)),
        tandemEventsPerSecond: Math.round(median(tandem.eventsPerSecond)),
        tandemPeakMemoryMB: Math.round(tandem.peakMemoryMB * 10) / 10,
        node: process.version,
      }),
    );
  }
}

main();
