/**
 * The checkpoint of a run: `<out>.partial.jsonl`, the finished replications of a run that was
 * interrupted, for `--resume`. A header line names the run (experiment hash, seed, code hash);
 * each record after it carries the same identity and a checksum of itself, so that a resume
 * never mixes the replications of two runs or of two versions of the code, and never accepts
 * a damaged record.
 *
 * @module
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { writeFileAtomically } from './atomic-folder.js';
import { decodeOutput, encodeOutput, type EncodedOutput } from './output-codec.js';
import { UsageProblem } from './problems.js';
import type { ReplicationOutput } from './worker.js';

/** What makes replications of one run interchangeable: the same experiment, seed and code. */
export interface RunIdentity {
  /** Hash of the resolved experiment and its scenarios' models (the seed included). */
  experimentHash: string;
  seed: number | string;
  /** The code hash (code-hash.ts) of the code that computes the replications. */
  codeHash: string;
}

/** The checkpoint's layout; a checkpoint of another layout is refused on resume. */
export const CHECKPOINT_FORMAT = 2;

interface Header extends RunIdentity {
  checkpoint: number;
  careflowVersion: string;
}

interface CheckpointRecord {
  run: RunIdentity;
  output: EncodedOutput;
  /** Checksum of the record without it: see {@link recordSum}. */
  sum: string;
}

/** The checkpoint file beside a results folder, holding finished replications as JSON lines. */
export function checkpointFile(out: string): string {
  return `${out}.partial.jsonl`;
}

/** The header line of a new checkpoint. */
export function checkpointHeader(identity: RunIdentity, careflowVersion: string): string {
  return JSON.stringify({ checkpoint: CHECKPOINT_FORMAT, ...identity, careflowVersion } satisfies Header);
}

/**
 * One finished replication as a checkpoint line: the run's identity, the output codec's exact
 * form (every metric as the bytes of a float64, so NaN and infinities come back as they were;
 * the daily series deflated), and a checksum of both.
 */
export function encodeCheckpointLine(output: ReplicationOutput, run: RunIdentity): string {
  const record = { run: { experimentHash: run.experimentHash, seed: run.seed, codeHash: run.codeHash }, output: encodeOutput(output) };
  return JSON.stringify({ ...record, sum: recordSum(record) } satisfies CheckpointRecord);
}

/**
 * The checksum of a record: sha256 of its JSON text without the sum (128 bits of it). The text
 * is the writer's own JSON.stringify, which parsing and stringifying again gives back exactly.
 */
function recordSum(record: Omit<CheckpointRecord, 'sum'>): string {
  return createHash('sha256').update(JSON.stringify(record)).digest('hex').slice(0, 32);
}

/** A line that is not a sound record: cut short, or damaged. */
class DamagedRecord extends Error {}

/**
 * The inverse of {@link encodeCheckpointLine}: the record's run and output. Throws a
 * DamagedRecord for a line that is not JSON, not a record, or whose checksum does not match.
 */
export function decodeCheckpointLine(line: string): { run: RunIdentity; output: ReplicationOutput } {
  let record: CheckpointRecord;
  try {
    record = JSON.parse(line) as CheckpointRecord;
  } catch {
    throw new DamagedRecord('not JSON');
  }
  if (typeof record !== 'object' || record === null || typeof record.sum !== 'string' || typeof record.output !== 'object' || record.output === null) {
    throw new DamagedRecord('not a checkpoint record');
  }
  const { sum, ...rest } = record;
  if (recordSum(rest) !== sum) throw new DamagedRecord('checksum mismatch');
  try {
    return { run: rest.run, output: decodeOutput(rest.output) };
  } catch (err) {
    throw new DamagedRecord((err as Error).message);
  }
}

/** Why the checkpoint's run is not this run, or null when it is. */
function otherRun(found: Partial<RunIdentity>, own: RunIdentity): string | null {
  if (found.codeHash === undefined) return 'it was written by a careflow without code hashes, so which code computed its replications is unknown';
  if (found.codeHash !== own.codeHash) {
    return `it was written by other code (code ${found.codeHash}; this is code ${own.codeHash}), whose replications may differ from this code's`;
  }
  if (found.seed !== own.seed) return `it is a run with seed ${JSON.stringify(found.seed)}, not ${JSON.stringify(own.seed)}`;
  if (found.experimentHash !== own.experimentHash) return 'it belongs to a different experiment or model (files changed since)';
  return null;
}

/**
 * Reads a checkpoint to resume from: the finished replications of this run. Refuses (a
 * UsageProblem, exit code 2) a checkpoint, or any record in it, of another run or of other code.
 * A damaged record (its checksum fails) is dropped and its replication runs again: the code and
 * seed are the same, so it gives the same bytes, and refusing would leave the user with a run
 * they cannot finish; `warn` says so, and the checkpoint is rewritten without it. A last line
 * cut short by the interruption is dropped in the same way, silently: that is expected.
 */
export function readCheckpoint(file: string, own: RunIdentity, warn: (message: string) => void): ReplicationOutput[] {
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const refuse = (why: string): never => {
    throw new UsageProblem(`cannot resume from ${file}: ${why}; run again without --resume into a new --out`);
  };
  let header: Partial<Header>;
  try {
    header = JSON.parse(lines[0]) as Partial<Header>;
  } catch {
    return refuse('its first line is not a checkpoint header');
  }
  const why = otherRun(header, own);
  if (why !== null) refuse(why);
  if (header.checkpoint !== CHECKPOINT_FORMAT) refuse(`it is checkpoint format ${String(header.checkpoint)}, this careflow reads format ${CHECKPOINT_FORMAT}`);
  const outputs: ReplicationOutput[] = [];
  const kept = [lines[0]];
  const damaged: string[] = [];
  lines.slice(1).forEach((line, i) => {
    if (line.trim() === '') return;
    let record: ReturnType<typeof decodeCheckpointLine>;
    try {
      record = decodeCheckpointLine(line);
    } catch (err) {
      if (!(err instanceof DamagedRecord)) throw err;
      const cutShort = i === lines.length - 2 && !text.endsWith('\n');
      if (!cutShort) damaged.push(`line ${i + 2} (${err.message})`);
      return;
    }
    const other = otherRun(record.run ?? {}, own);
    if (other !== null) refuse(`line ${i + 2} is a replication of another run: ${other}`);
    outputs.push(record.output);
    kept.push(line);
  });
  if (damaged.length > 0) {
    warn(
      `${file}: ${damaged.length} damaged ${damaged.length === 1 ? 'record' : 'records'} dropped, ${damaged.join(', ')}: ${damaged.length === 1 ? 'its replication runs' : 'their replications run'} again`,
    );
  }
  if (kept.length !== lines.filter((l) => l.trim() !== '').length) writeFileAtomically(file, kept.join('\n') + '\n');
  return outputs;
}

/** Appends a finished replication to the checkpoint. */
export function appendToCheckpoint(file: string, output: ReplicationOutput, run: RunIdentity): void {
  appendFileSync(file, encodeCheckpointLine(output, run) + '\n');
}
