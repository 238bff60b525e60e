/**
 * The SimPy tandem patient-flow program (`../shared/peers/simpy/patient_flow.py`, beside the
 * repository), run by the benchmark beside careflow's `models/tandem-peer.yaml` so that the two
 * speeds are measured in the same minutes of the same machine.
 *
 * The peer is a yardstick that lives outside the project: when it (or a Python with SimPy) is
 * missing, the benchmark says why and carries on without it.
 *
 * @module
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where the peer program is expected: the shared/ folder beside the repository. */
export const DEFAULT_PEER_PROGRAM = fileURLToPath(new URL('../../../../shared/peers/simpy/patient_flow.py', import.meta.url));
/** Debian's Python, the one that sees Debian's python3-simpy3. */
export const DEFAULT_PYTHON = '/usr/bin/python3';

/** One run of the peer with its defaults (the same system as models/tandem-peer.yaml). */
export interface PeerRun {
  /** Patients admitted in the results window per second of wall time, as the peer prints it. */
  patientsPerSecond: number;
  /** Peak resident memory of the Python process. */
  peakMemoryMB: number;
}

// Runs the program as __main__ and then prints the process's peak resident set (KiB on Linux).
const WRAPPER = [
  'import resource, runpy, sys',
  'sys.argv = [sys.argv[1]]',
  "runpy.run_path(sys.argv[0], run_name='__main__')",
  "print('peak_kib=%d' % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)",
].join('\n');

/** Why the peer cannot run here, or null when it can. */
export function peerUnavailable(python: string, program: string): string | null {
  if (!existsSync(program)) return `the SimPy peer program is not at ${program}`;
  if (!existsSync(python)) return `${python} is missing`;
  const probe = spawnSync(python, ['-c', 'import simpy'], { encoding: 'utf8' });
  if (probe.status !== 0) return `${python} cannot import simpy (Debian's package python3-simpy3 provides it)`;
  return null;
}

/** Runs the peer once with its defaults and reads its speed and peak memory. */
export function runPeer(python: string, program: string): PeerRun {
  const run = spawnSync(python, ['-c', WRAPPER, program], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.status !== 0) throw new Error(`the SimPy peer ${program} failed (exit ${run.status}): ${lastLine(run.stderr || String(run.error))}`);
  return parsePeerOutput(run.stdout);
}

/** The last non-empty line of a program's output (a Python traceback ends with the error). */
function lastLine(text: string): string {
  return text.trim().split('\n').at(-1)?.trim() ?? '';
}

/** Reads `patients_per_s=34,239` and `peak_kib=...` from the peer's output. */
export function parsePeerOutput(text: string): PeerRun {
  const speed = /patients_per_s=([\d,]+)/.exec(text);
  const peak = /peak_kib=(\d+)/.exec(text);
  if (speed === null || peak === null) throw new Error(`unexpected output from the SimPy peer (no patients_per_s or peak_kib); its last line: ${lastLine(text) || '(none)'}`);
  return { patientsPerSecond: Number(speed[1].replaceAll(',', '')), peakMemoryMB: Number(peak[1]) / 1024 };
}
