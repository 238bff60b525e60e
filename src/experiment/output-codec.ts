/**
 * A replication's output in JSON-safe form: a queued job's return value and a line of the local
 * checkpoint. BullMQ stores return values as JSON (and the checkpoint is JSON lines), which
 * would turn NaN and infinities into null and typed arrays into objects; the summary must be
 * byte-identical to a local run's, so every number travels as the exact bytes of a float64
 * (little-endian whatever the machine), and the daily series is deflated first (about ten
 * times smaller: it is most of a job's memory in Redis).
 *
 * @module
 */
import { endianness } from 'node:os';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { ReplicationOutput } from './worker.js';

/** A ReplicationOutput in JSON-safe form. */
export interface EncodedOutput {
  scenarioIndex: number;
  replication: number;
  events: number;
  /** Metric names, in the output's order (summary.json follows it). */
  metricNames: string[];
  /** The metric values, base64 of little-endian float64s. */
  metricValues: string;
  /** The daily series, base64 of deflated little-endian float64s, or null. */
  daily: string | null;
  /** The daily delays by reason, in the same form, or null. */
  dailyReasons: string | null;
  /** The queue worker that computed it (absent for local runs). */
  worker?: string;
}

/** Encodes an output exactly. */
export function encodeOutput(output: ReplicationOutput): EncodedOutput {
  const names = Object.keys(output.metrics);
  return {
    scenarioIndex: output.scenarioIndex,
    replication: output.replication,
    events: output.events,
    metricNames: names,
    metricValues: littleEndianBytes(Float64Array.from(names, (n) => output.metrics[n])).toString('base64'),
    daily: output.daily === null ? null : deflateRawSync(littleEndianBytes(output.daily)).toString('base64'),
    dailyReasons: output.dailyReasons === null ? null : deflateRawSync(littleEndianBytes(output.dailyReasons)).toString('base64'),
    ...(output.worker === undefined ? {} : { worker: output.worker }),
  };
}

/** The inverse of {@link encodeOutput}. */
export function decodeOutput(encoded: EncodedOutput): ReplicationOutput {
  const values = float64s(Buffer.from(encoded.metricValues, 'base64'));
  if (values.length !== encoded.metricNames.length) throw new Error(`corrupt job result: ${encoded.metricNames.length} metric names but ${values.length} values`);
  return {
    scenarioIndex: encoded.scenarioIndex,
    replication: encoded.replication,
    events: encoded.events,
    metrics: Object.fromEntries(encoded.metricNames.map((name, i) => [name, values[i]])),
    daily: encoded.daily === null ? null : float64s(inflateRawSync(Buffer.from(encoded.daily, 'base64'))),
    dailyReasons: encoded.dailyReasons === null || encoded.dailyReasons === undefined ? null : float64s(inflateRawSync(Buffer.from(encoded.dailyReasons, 'base64'))),
    ...(typeof encoded.worker === 'string' ? { worker: encoded.worker } : {}),
  };
}

const BIG_ENDIAN = endianness() === 'BE';

/** A copy of the values' bytes in little-endian order. */
function littleEndianBytes(values: Float64Array): Buffer {
  const bytes = Buffer.from(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
  return BIG_ENDIAN ? bytes.swap64() : bytes;
}

/** Float64s from little-endian bytes (copied: Buffers may share a pool at an unaligned offset). */
function float64s(bytes: Buffer): Float64Array {
  const copy = Buffer.alloc(bytes.length);
  bytes.copy(copy);
  if (BIG_ENDIAN) copy.swap64();
  return new Float64Array(copy.buffer, copy.byteOffset, copy.length / 8);
}
