/**
 * A replication as it travels on the queue: the payload (the ReplicationJob, with the schema
 * version and the code hash of the coordinator that produced it) and its job id.
 *
 * @module
 */
import { codeHash } from '../code-hash.js';
import { careflowVersion } from '../version.js';
import { hashOf } from '../scenario.js';
import type { ReplicationJob } from '../worker.js';

/**
 * The payload's layout. Raise it whenever the fields of QueuedReplication or their meaning
 * change, so that a worker of another layout refuses the job instead of misreading it.
 */
export const JOB_SCHEMA_VERSION = 3;

let version: string | undefined;
/** careflow's version, read once (it reads package.json). */
function ownVersion(): string {
  version ??= careflowVersion();
  return version;
}

/** The payload of one queued replication. Traces are local files, so they never travel. */
export interface QueuedReplication extends Omit<ReplicationJob, 'traceFile' | 'model'> {
  schemaVersion: number;
  /**
   * The code hash of the coordinator (see code-hash.ts): a worker built from other code may
   * compute another answer, so it refuses the job, and the hash is part of the job id.
   */
  codeHash: string;
  /** The coordinator's careflow version, for messages only (it is not in the job id). */
  careflowVersion: string;
  /**
   * The resolved model as JSON text, its non-finite numbers (a policy's "no limit" is Infinity)
   * written as {"$number": "Infinity"}, which plain JSON would turn into null.
   */
  model: string;
}

const NUMBER_KEY = '$number';

/** JSON text of a value, keeping NaN and the infinities. */
export function encodeModelJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? { [NUMBER_KEY]: String(v) } : v));
}

/** The inverse of {@link encodeModelJson}. */
export function decodeModelJson<T>(text: string): T {
  return JSON.parse(text, (_key, v: unknown) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
    const keys = Object.keys(v);
    return keys.length === 1 && keys[0] === NUMBER_KEY ? Number((v as Record<string, string>)[NUMBER_KEY]) : v;
  }) as T;
}

/**
 * The payload for a job: every field of the job (so a field added to ReplicationJob travels, and
 * counts in the id, without a change here) but the trace file.
 */
export function toPayload(job: ReplicationJob): QueuedReplication {
  const { traceFile, model, ...replication } = job;
  if (traceFile !== undefined) throw new Error('journey traces are written by local runs only, not through a queue');
  return { schemaVersion: JOB_SCHEMA_VERSION, codeHash: codeHash(), careflowVersion: ownVersion(), ...replication, model: encodeModelJson(model) };
}

/** The job a payload carries (check it with {@link payloadProblem} first). */
export function fromPayload(payload: QueuedReplication): ReplicationJob {
  const { schemaVersion: _schema, codeHash: _code, careflowVersion: _version, model, ...replication } = payload;
  return { ...replication, model: decodeModelJson<ReplicationJob['model']>(model) };
}

/**
 * The job id: a hash of everything that decides the replication's result (the scenario's
 * resolved model, horizon, warm-up, seed, daily output, schema version and code hash) followed
 * by the replication number. Equal ids therefore mean equal answers, so a resubmitted experiment,
 * or another experiment or sweep that contains the same scenario, reuses a finished job instead
 * of running it again. The scenario's position is left out on purpose: it does not change the
 * answer, and the coordinator knows which of its scenarios asked. BullMQ refuses ':' in custom
 * ids (and wholly numeric ones), hence '-' and the letters.
 */
export function jobIdOf(payload: QueuedReplication): string {
  const { scenarioIndex: _scenario, careflowVersion: _version, replication, ...content } = payload;
  return `cf${hashOf(content)}-r${replication}`;
}

/**
 * What a worker that gives back a job of other code publishes as the job's progress, for the
 * coordinator to tell its user.
 */
export interface Refusal {
  refusedBy: string;
  reason: string;
}

/** Why a worker cannot run a payload. */
export interface PayloadProblem {
  reason: string;
  /**
   * True when the job is a careflow job for other code (another code hash or payload layout):
   * a worker of that code can run it, so it goes back on the queue rather than failing.
   */
  otherCode: boolean;
}

/** Why this worker cannot run this payload, or null if it can. */
export function payloadProblem(data: unknown): PayloadProblem | null {
  const payload = data as Partial<QueuedReplication> | null;
  if (typeof payload !== 'object' || payload === null) return { reason: 'the job has no careflow payload', otherCode: false };
  const own = `code ${codeHash()}, careflow ${ownVersion()}`;
  if (payload.schemaVersion !== JOB_SCHEMA_VERSION) {
    return { reason: `job schema version ${String(payload.schemaVersion)}, but this worker (${own}) runs version ${JOB_SCHEMA_VERSION} only`, otherCode: true };
  }
  if (payload.codeHash !== codeHash()) {
    return {
      reason: `job from other code (code ${String(payload.codeHash)}, careflow ${String(payload.careflowVersion)}), but this worker is ${own}, which may compute other answers`,
      otherCode: true,
    };
  }
  return null;
}
