/**
 * `npm run bench`: times the kernel on the M/M/3 queue (lambda 2.5, mu 1, ten million
 * customers) and the care model on the tandem peer model (models/tandem-peer.yaml, 20 years),
 * and prints throughput, peak memory, and the M/M/3 mean wait beside Erlang C.
 *
 * Each part runs in its own child process so that its peak memory is its own. The tandem model
 * is timed beside the SimPy peer program it copies (see simpy-peer.ts), in rounds: careflow's
 * runs, then one SimPy run, so that each ratio compares speeds from the same minutes.
 * Options: `--customers N` (M/M/3, default 1e7), `--reps N` (careflow runs per part or round,
 * default 3; medians are reported), `--rounds N` (tandem rounds beside SimPy, default 2),
 * `--skip-peer` (no SimPy runs), `--python PATH` and `--peer-program PATH` (where the peer is),
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
import { DEFAULT_PEER_PROGRAM, DEFAULT_PYTHON, peerUnavailable, runPeer, type PeerRun } from './simpy-peer.js';

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

/** careflow's tandem runs and the SimPy run of each round. */
interface TandemRounds {
  careflow: PartResult[];
  peer: PeerRun[];
  /** Why SimPy did not run, or null. */
  peerSkipped: string | null;
  /** Why SimPy stopped with an error part way, or null. */
  peerFailed: string | null;
}

function runTandemRounds(rounds: number, passOn: string[], peer: { python: string; program: string } | null, peerSkipped: string | null): TandemRounds {
  const out: TandemRounds = { careflow: [], peer: [], peerSkipped, peerFailed: null };
  for (let r = 0; r < rounds; r++) {
    process.stderr.write(`tandem round ${r + 1} of ${rounds}: careflow...`);
    out.careflow.push(runPart('tandem', passOn));
    if (peer !== null && out.peerFailed === null) {
      process.stderr.write(' SimPy...');
      try {
        out.peer.push(runPeer(peer.python, peer.program));
      } catch (err) {
        out.peerFailed = (err as Error).message;
      }
    }
    process.stderr.write(out.peerFailed === null ? ' done\n' : ' SimPy failed\n');
  }
  return out;
}

/** "1 round", "3 rounds". */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

const USAGE = `npm run bench -- [options]: times careflow's kernel (M/M/3) and care model (the tandem model) beside the SimPy peer

  --customers N      M/M/3 customers (default 10000000)
  --reps N           careflow runs per part or round; medians are reported (default 3)
  --rounds N         tandem rounds, each careflow's runs then one SimPy run (default 2)
  --skip-peer        do not run SimPy
  --python PATH      the Python with SimPy (default ${DEFAULT_PYTHON})
  --peer-program P   the SimPy program (default ../shared/peers/simpy/patient_flow.py beside the repository)
  --json             human lines to stderr, and one JSON object with every figure on stdout
  -h, --help         this text
`;

function kilo(perSecond: number): string {
  return `${(perSecond / 1e3).toFixed(0)} k`;
}

function wholeNumberOption(name: string, text: string): number {
  const value = Number(text);
  if (!(Number.isInteger(value) && value > 0)) throw new BadFlag(`--${name} must be a whole number > 0, got ${text}`);
  return value;
}

function main(): number {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string', default: '10000000' },
      reps: { type: 'string', default: '3' },
      rounds: { type: 'string', default: '2' },
      'skip-peer': { type: 'boolean', default: false },
      python: { type: 'string' },
      'peer-program': { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      part: { type: 'string' },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const customers = wholeNumberOption('customers', values.customers);
  const reps = wholeNumberOption('reps', values.reps);
  const rounds = wholeNumberOption('rounds', values.rounds);
  if (values.part === 'mmc' || values.part === 'tandem') {
    console.log(JSON.stringify(values.part === 'mmc' ? runMmcPart(customers, reps) : runTandemPart(reps)));
    return 0;
  }
  // With --json, stdout holds the JSON object only.
  const say = (line: string): void => void (values.json ? process.stderr : process.stdout).write(`${line}\n`);

  // A peer named on the command line must be there; the default one may be missing (then the bench says why).
  const python = values.python ?? DEFAULT_PYTHON;
  const program = values['peer-program'] ?? DEFAULT_PEER_PROGRAM;
  const unavailable = values['skip-peer'] ? null : peerUnavailable(python, program);
  if (unavailable !== null && (values.python !== undefined || values['peer-program'] !== undefined)) {
    throw new BadFlag(`${values.python !== undefined ? '--python' : '--peer-program'}: ${unavailable}`);
  }
  const peerSkipped = values['skip-peer'] ? '--skip-peer' : unavailable;

  const passOn = ['--customers', String(customers), '--reps', String(reps)];
  const mmc = runPart('mmc', passOn);
  const theory = mmcTheory(LAMBDA, MU, SERVERS);
  say(
    `M/M/3 (${customers.toLocaleString('en-GB')} customers, median of ${reps}): ${(median(mmc.perSecond) / 1e6).toFixed(2)} M customers/s, ` +
      `${(median(mmc.eventsPerSecond) / 1e6).toFixed(2)} M events/s, mean wait ${median(mmc.meanWait).toFixed(4)} ` +
      `(Erlang C ${theory.meanWait.toFixed(4)}), peak memory ${mmc.peakMemoryMB.toFixed(1)} MB`,
  );
  const tandem = runTandemRounds(rounds, passOn, peerSkipped === null ? { python, program } : null, peerSkipped);
  const runs = tandem.careflow;
  const perSecond = median(runs.flatMap((r) => r.perSecond));
  const peakMemoryMB = Math.max(...runs.map((r) => r.peakMemoryMB));
  say(
    `tandem peer model (20 years, median of ${runs.length * reps}): ${kilo(perSecond)} patients/s, ` +
      `${(median(runs.flatMap((r) => r.eventsPerSecond)) / 1e6).toFixed(2)} M events/s, ` +
      `delayed bed days/day ${median(runs.flatMap((r) => r.meanWait)).toFixed(3)}, peak memory ${peakMemoryMB.toFixed(1)} MB`,
  );
  // Each round's ratio: careflow's median in that round over the SimPy run right after it.
  const ratios = tandem.peer.map((p, r) => median(runs[r].perSecond) / p.patientsPerSecond);
  const peerRan = tandem.peer.length > 0;
  if (peerRan) {
    say(
      `SimPy patient_flow.py beside it (${count(tandem.peer.length, 'round')}): ${tandem.peer.map((p) => kilo(p.patientsPerSecond)).join(', ')} patients/s, ` +
        `peak memory ${Math.max(...tandem.peer.map((p) => p.peakMemoryMB)).toFixed(1)} MB; ` +
        `careflow / SimPy ${ratios.map((x) => `${x.toFixed(1)}x`).join(', ')} (median ${median(ratios).toFixed(1)}x)`,
    );
  }
  if (tandem.peerSkipped !== null) say(`SimPy peer not run: ${tandem.peerSkipped}${values['skip-peer'] ? '' : ' (see --python, --peer-program)'}`);
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
        tandemPatientsPerSecond: Math.round(perSecond),
        tandemEventsPerSecond: Math.round(median(runs.flatMap((r) => r.eventsPerSecond))),
        tandemPeakMemoryMB: Math.round(peakMemoryMB * 10) / 10,
        peerPatientsPerSecond: peerRan ? Math.round(median(tandem.peer.map((p) => p.patientsPerSecond))) : null,
        peerPeakMemoryMB: peerRan ? Math.round(Math.max(...tandem.peer.map((p) => p.peakMemoryMB)) * 10) / 10 : null,
        tandemSpeedupOverPeer: peerRan ? Math.round(median(ratios) * 10) / 10 : null,
        tandemSpeedupsByRound: ratios.map((x) => Math.round(x * 10) / 10),
        node: process.version,
      }),
    );
  }
  if (tandem.peerFailed !== null) {
    process.stderr.write(`bench: ${tandem.peerFailed}\n`);
    return 1; // the peer failed to run: a run failure, as in the careflow command line
  }
  return 0;
}

/** A flag the bench cannot use. */
class BadFlag extends Error {}

// One line on stderr; exit code 2 for a bad flag and 1 for a run that failed, as in the careflow
// command line (node:util's parseArgs throws its own errors, with codes ERR_PARSE_ARGS_*).
try {
  process.exitCode = main();
} catch (err) {
  process.stderr.write(`bench: ${(err as Error).message.replace(/\s*\n\s*/g, ' ')}\n`);
  const code = (err as { code?: unknown }).code;
  process.exitCode = err instanceof BadFlag || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) ? 2 : 1;
}
