/**
 * `npm run bench`: times the kernel on the M/M/3 queue (lambda 2.5, mu 1, ten million customers)
 * and prints customers and events per second, peak memory, and the mean wait beside Erlang C.
 *
 * Options: `--customers N` (default 1e7), `--reps N` (default 3; the median is reported),
 * `--json` (the last line is one JSON object with every figure).
 *
 * @module
 */
import { parseArgs } from 'node:util';
import { mmcTheory } from '../engine/theory/erlang.js';
import { runMmc } from './mmc-model.js';

const LAMBDA = 2.5;
const MU = 1;
const SERVERS = 3;

interface Timed {
  seconds: number;
  customersPerSecond: number;
  eventsPerSecond: number;
  meanWait: number;
}

function timeMmc(customers: number, seed: number): Timed {
  const start = process.hrtime.bigint();
  const result = runMmc({ lambda: LAMBDA, mu: MU, servers: SERVERS, customers, seed });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return {
    seconds,
    customersPerSecond: result.totalServed / seconds,
    eventsPerSecond: result.events / seconds,
    meanWait: result.meanWait,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string', default: '10000000' },
      reps: { type: 'string', default: '3' },
      json: { type: 'boolean', default: false },
    },
  });
  const customers = Number(values.customers);
  const reps = Number(values.reps);
  if (!(Number.isInteger(customers) && customers > 0)) throw new Error(`--customers must be a whole number > 0, got ${values.customers}`);
  if (!(Number.isInteger(reps) && reps > 0)) throw new Error(`--reps must be a whole number > 0, got ${values.reps}`);

  const theory = mmcTheory(LAMBDA, MU, SERVERS);
  const runs: Timed[] = [];
  for (let r = 0; r < reps; r++) {
    const run = timeMmc(customers, r + 1);
    runs.push(run);
    console.log(
      `M/M/3 rep ${r + 1}: ${run.seconds.toFixed(2)} s, ${(run.customersPerSecond / 1e6).toFixed(2)} M customers/s, ` +
        `${(run.eventsPerSecond / 1e6).toFixed(2)} M events/s, mean wait ${run.meanWait.toFixed(4)}`,
    );
  }
  const peakMemoryMB = process.resourceUsage().maxRSS / 1024;
  const summary = {
    model: 'M/M/3',
    lambda: LAMBDA,
    mu: MU,
    servers: SERVERS,
    customers,
    reps,
    customersPerSecond: Math.round(median(runs.map((r) => r.customersPerSecond))),
    eventsPerSecond: Math.round(median(runs.map((r) => r.eventsPerSecond))),
    meanWait: median(runs.map((r) => r.meanWait)),
    erlangCWait: theory.meanWait,
    peakMemoryMB: Math.round(peakMemoryMB * 10) / 10,
    node: process.version,
  };
  console.log(
    `median: ${(summary.customersPerSecond / 1e6).toFixed(2)} M customers/s, ${(summary.eventsPerSecond / 1e6).toFixed(2)} M events/s, ` +
      `mean wait ${summary.meanWait.toFixed(4)} (Erlang C ${summary.erlangCWait.toFixed(4)}), peak memory ${summary.peakMemoryMB} MB`,
  );
  if (values.json) console.log(JSON.stringify(summary));
}

main();
