/**
 * Agreement with an independent implementation: the SimPy tandem patient-flow program at
 * ../shared/peers/simpy/patient_flow.py (beside the repository), run with its defaults, against
 * careflow's models/tandem-peer.yaml, which encodes the same defaults.
 *
 * Both run 10 replications of 10 years (one-year warm-up). For delayed bed days per day and the
 * mean occupancy of each setting, Welch's 99% confidence interval of the difference of the means
 * (careflow - SimPy) must contain the difference SimPy's known bias predicts (see
 * {@link simpyBias}).
 *
 * Needs /usr/bin/python3 with SimPy (Debian's python3-simpy3). If either is missing the test
 * fails and says so; set CAREFLOW_SKIP_PEER=1 to skip it instead.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createDistribution, type Distribution, type DistributionSpec } from '../../src/engine/random/distributions.js';
import { tCriticalValue } from '../../src/engine/theory/student-t.js';
import { compileModel } from '../../src/model/compile.js';
import { loadModel } from '../../src/model/load-model.js';
import { runReplication } from '../../src/model/run-replication.js';
import { meanVar } from './support.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PEER = resolve(REPO_ROOT, '..', 'shared', 'peers', 'simpy', 'patient_flow.py');
const PYTHON = '/usr/bin/python3';
const SKIP = process.env.CAREFLOW_SKIP_PEER === '1';

const DAYS = 3650;
const WARMUP = 365;
const REPS = 10;
const LEVEL = 0.99;

/** Throws a clear message if the peer program or a Python with SimPy is missing. */
function requirePeer(): void {
  const skip = 'set CAREFLOW_SKIP_PEER=1 to skip this comparison';
  if (!existsSync(PEER)) throw new Error(`the SimPy peer program is missing: expected ${PEER} (the shared/ folder beside the repository); ${skip}`);
  if (!existsSync(PYTHON)) throw new Error(`${PYTHON} is missing: the SimPy peer needs it (with Debian's python3-simpy3); ${skip}`);
  const probe = spawnSync(PYTHON, ['-c', 'import simpy'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    throw new Error(`${PYTHON} cannot import simpy (install Debian's python3-simpy3): ${(probe.stderr || String(probe.error)).trim()}; ${skip}`);
  }
}

/** Runs the peer asynchronously (so that other test files run meanwhile) and returns its output. */
function runPeer(args: string[]): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(PYTHON, [PEER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolvePromise(out) : reject(new Error(`SimPy peer exited with ${code}: ${err.trim()}`))));
  });
}

interface PeerOutput {
  params: Record<string, number>;
  delayedPerDay: number[];
  acute: number[];
  community: number[];
  home: number[];
}

/** Parses the peer's parameter line and its per-replication lines. */
function parsePeer(text: string): PeerOutput {
  const paramLine = /^params: (.*)$/m.exec(text);
  if (!paramLine) throw new Error(`no params line in the SimPy output:\n${text}`);
  const params = Object.fromEntries(
    paramLine[1]
      .split(' ')
      .map((kv) => kv.split('='))
      .map(([k, v]) => [k, Number(v)]),
  );
  const delayedPerDay = [...text.matchAll(/delayed_discharge_bed_days=.* per_day=([\d.]+)/g)].map((m) => Number(m[1]));
  const occupancy = [...text.matchAll(/mean_occupancy\(completed stays\): acute=([\d.]+)\/\d+ community=([\d.]+)\/\d+ home=([\d.]+)\/\d+/g)];
  return {
    params,
    delayedPerDay,
    acute: occupancy.map((m) => Number(m[1])),
    community: occupancy.map((m) => Number(m[2])),
    home: occupancy.map((m) => Number(m[3])),
  };
}

/** Welch's confidence interval of mean(a) - mean(b), with Welch-Satterthwaite degrees of freedom. */
function welch(a: number[], b: number[], level: number): { diff: number; low: number; high: number; df: number; meanA: number; meanB: number } {
  const A = meanVar(a);
  const B = meanVar(b);
  const va = A.variance / a.length;
  const vb = B.variance / b.length;
  const se = Math.sqrt(va + vb);
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  const half = tCriticalValue(level, df) * se;
  const diff = A.mean - B.mean;
  return { diff, low: diff - half, high: diff + half, df, meanA: A.mean, meanB: B.mean };
}

/**
 * SimPy's known bias. The peer books a stay's place-days only when the stay ends (clipped to the
 * window), so stays still in progress at the horizon are never counted: its "mean occupancy
 * (completed stays)" is low by the expected age of the stays in progress at the horizon, summed
 * over them, divided by the window length. In steady state the number in progress is the
 * occupancy L and the age of a stay in progress has mean E[S^2] / (2 E[S]) (length-biased
 * sampling), so the bias is L E[S^2] / (2 E[S]) / (days - warmup), with E[S^2] = var + mean^2 (for
 * a lognormal of mean m and sd s, s^2 + m^2). The acute stay here is the clinical stay alone; the
 * few delays add a little to it, which the 20% allowance on the bias covers. careflow integrates
 * occupancy up to the horizon, so it has no such bias.
 *
 * The peer's delayed bed days are booked the same way, but a delay in progress at the horizon is
 * short (a few patients waiting days), so that bias is about 0.005 a day, far below the spread
 * between replications (about 1 a day), and is neglected.
 */
function simpyBias(occupancy: number, stay: Distribution): number {
  const meanSquare = stay.variance + stay.mean ** 2;
  return (occupancy * meanSquare) / (2 * stay.mean) / (DAYS - WARMUP);
}

/** Allowance for the error of the bias estimate, as a share of the bias. */
const BIAS_ALLOWANCE = 0.2;

describe('agreement with the SimPy tandem peer', () => {
  it.skipIf(SKIP)(
    "delayed bed days and occupancies agree within Welch 99% intervals, allowing for SimPy's completed-stays bias",
    async () => {
      requirePeer();
      // Start the peer first; careflow's replications run in this process meanwhile.
      const peerRun = runPeer(['--days', String(DAYS), '--warmup', String(WARMUP), '--reps', String(REPS), '--seed', '1']);
      peerRun.catch(() => undefined); // awaited below; avoid an unhandled rejection meanwhile

      const resolved = loadModel(resolve(REPO_ROOT, 'models', 'tandem-peer.yaml'));
      const config = resolved.config;
      const compiled = compileModel(resolved);
      const careflow = Array.from({ length: REPS }, (_, i) => runReplication(compiled, { horizonDays: DAYS, warmupDays: WARMUP, seed: i + 1 }).metrics);
      const peer = parsePeer(await peerRun);

      // The yardstick must be the same model: the peer's parameters are the model file's numbers.
      const group = config.caseMix[0];
      const los = (spec: unknown): Distribution => createDistribution(spec as DistributionSpec);
      const acuteStay = los(group.acuteLengthOfStay);
      const communityStay = los(config.settings.community.lengthOfStay);
      const homeStay = los(config.settings.homeCare.lengthOfStay);
      expect(peer.params.arr_rate).toBe(config.arrivals.emergency.perDay);
      expect(peer.params.acute_beds).toBe(config.settings.acute.capacity);
      expect(peer.params.community_beds).toBe(config.settings.community.capacity);
      expect(peer.params.home_packages).toBe(config.settings.homeCare.capacity);
      expect(peer.params.p_community).toBeCloseTo(group.pathways.P2, 12);
      expect(peer.params.p_home).toBeCloseTo(group.pathways.P1, 12);
      expect(peer.params.acute_los_mean).toBeCloseTo(acuteStay.mean, 9);
      expect(peer.params.acute_los_sd).toBeCloseTo(Math.sqrt(acuteStay.variance), 9);
      expect(peer.params.comm_los_mean).toBeCloseTo(communityStay.mean, 9);
      expect(peer.params.comm_los_sd).toBeCloseTo(Math.sqrt(communityStay.variance), 9);
      expect(peer.params.home_dur_mean).toBeCloseTo(homeStay.mean, 9);
      expect(peer.params.home_dur_sd).toBeCloseTo(Math.sqrt(homeStay.variance), 9);
      for (const series of [peer.delayedPerDay, peer.acute, peer.community, peer.home]) expect(series).toHaveLength(REPS);

      const comparisons = [
        { name: 'delayed bed days per day', careflow: careflow.map((m) => m.delayedBedDaysPerDay), simpy: peer.delayedPerDay, stay: null },
        { name: 'acute occupancy', careflow: careflow.map((m) => m['occupancy.acute']), simpy: peer.acute, stay: acuteStay },
        { name: 'community occupancy', careflow: careflow.map((m) => m['occupancy.community']), simpy: peer.community, stay: communityStay },
        { name: 'home-care occupancy', careflow: careflow.map((m) => m['occupancy.homeCare']), simpy: peer.home, stay: homeStay },
      ];
      const rows: string[] = [];
      const failures: string[] = [];
      for (const c of comparisons) {
        const w = welch(c.careflow, c.simpy, LEVEL);
        // careflow - SimPy should be +bias; compare against the interval widened by the bias's own error.
        const bias = c.stay === null ? 0 : simpyBias(w.meanB, c.stay);
        const slack = BIAS_ALLOWANCE * bias;
        const ok = w.low - slack <= bias && bias <= w.high + slack;
        const sd = (xs: number[]) => Math.sqrt(meanVar(xs).variance);
        rows.push(
          `${c.name}: careflow ${w.meanA.toFixed(3)} (sd ${sd(c.careflow).toFixed(3)}), SimPy ${w.meanB.toFixed(3)} (sd ${sd(c.simpy).toFixed(3)}); ` +
            `difference ${w.diff.toFixed(3)}, 99% CI [${w.low.toFixed(3)}, ${w.high.toFixed(3)}] (df ${w.df.toFixed(1)}); SimPy bias ${bias.toFixed(3)} +- ${slack.toFixed(3)}`,
        );
        if (!ok) failures.push(c.name);
      }
      console.log(`careflow vs SimPy, ${REPS} replications of ${DAYS} days (warm-up ${WARMUP}):\n  ${rows.join('\n  ')}`);
      expect(failures, rows.join('\n')).toEqual([]);
    },
    300_000,
  );
});
