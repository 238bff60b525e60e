/**
 * Queued jobs: the payload and its id (equal exactly when the answer is equal, and acceptable
 * to BullMQ), the version checks a worker makes, and the exact encoding of a job's result.
 */
import { describe, expect, it } from 'vitest';
import { decodeOutput, encodeOutput } from '../../../src/experiment/output-codec.js';
import { JOB_SCHEMA_VERSION, jobIdOf, payloadProblem, toPayload } from '../../../src/experiment/distributed/queued-job.js';
import { codeHash } from '../../../src/experiment/code-hash.js';
import { careflowVersion } from '../../../src/experiment/version.js';
import runJob, { type ReplicationJob } from '../../../src/experiment/worker.js';
import { smallExperiment } from '../helpers.js';

const e = smallExperiment();
function job(patch: Partial<ReplicationJob> = {}): ReplicationJob {
  const { config } = e;
  return { scenarioIndex: 0, replication: 0, model: e.scenarios[0].model, horizonDays: config.horizonDays, warmupDays: config.warmupDays, seed: config.seed, withDaily: true, ...patch };
}

describe('job ids', () => {
  it('are equal for the same replication of the same scenario content, wherever the scenario sits', () => {
    expect(jobIdOf(toPayload(job()))).toBe(jobIdOf(toPayload(job())));
    expect(jobIdOf(toPayload(job({ scenarioIndex: 5 })))).toBe(jobIdOf(toPayload(job())));
    expect(jobIdOf(toPayload(job({ model: structuredClone(e.scenarios[0].model) })))).toBe(jobIdOf(toPayload(job())));
  });

  it('differ whenever anything that changes the answer differs', () => {
    const base = jobIdOf(toPayload(job()));
    const variants = [
      job({ replication: 1 }),
      job({ model: e.scenarios[1].model }),
      job({ horizonDays: e.config.horizonDays + 1 }),
      job({ warmupDays: e.config.warmupDays + 1 }),
      job({ seed: 12 }),
      job({ seed: '11' }),
      job({ withDaily: false }),
    ].map((j) => jobIdOf(toPayload(j)));
    expect(new Set([base, ...variants]).size).toBe(variants.length + 1);
  });

  it('are keyed by the code hash, not by the version string', () => {
    const payload = toPayload(job());
    expect(payload.codeHash).toBe(codeHash());
    expect(jobIdOf({ ...payload, codeHash: '0123456789abcdef' })).not.toBe(jobIdOf(payload));
    // The same code under another version string gives the same answers: the same job.
    expect(jobIdOf({ ...payload, careflowVersion: '9.9.9' })).toBe(jobIdOf(payload));
  });

  it('are custom ids BullMQ accepts: no colon, not a number', () => {
    const id = jobIdOf(toPayload(job({ replication: 12 })));
    expect(id).toMatch(/^cf[0-9a-f]{16}-r12$/);
  });

  it('refuse to carry a journey trace, which is a file on the coordinator', () => {
    expect(() => toPayload(job({ traceFile: '/tmp/x.csv' }))).toThrow('journey traces are written by local runs only');
  });
});

describe('payloadProblem', () => {
  it("accepts this code's payloads, gives back those of other code, and fails those that are not careflow's", () => {
    const payload = toPayload(job());
    expect(payload.schemaVersion).toBe(JOB_SCHEMA_VERSION);
    expect(payloadProblem(payload)).toBeNull();
    const own = `code ${codeHash()}, careflow ${careflowVersion()}`;
    expect(payloadProblem({ ...payload, schemaVersion: JOB_SCHEMA_VERSION + 1 })).toEqual({
      reason: `job schema version ${JOB_SCHEMA_VERSION + 1}, but this worker (${own}) runs version ${JOB_SCHEMA_VERSION} only`,
      otherCode: true,
    });
    expect(payloadProblem({ ...payload, codeHash: '0123456789abcdef' })).toEqual({
      reason: `job from other code (code 0123456789abcdef, careflow ${careflowVersion()}), but this worker is ${own}, which may compute other answers`,
      otherCode: true,
    });
    // Another version string with the same code is the same code.
    expect(payloadProblem({ ...payload, careflowVersion: '0.0.1' })).toBeNull();
    expect(payloadProblem('hello')).toEqual({ reason: 'the job has no careflow payload', otherCode: false });
  });
});

describe('the result encoding', () => {
  it('gives back every metric and daily value bit for bit, through JSON', () => {
    const output = runJob(job());
    const back = decodeOutput(JSON.parse(JSON.stringify(encodeOutput(output))));
    expect(back).toEqual(output);
    expect(Object.keys(back.metrics)).toEqual(Object.keys(output.metrics));
    expect(back.daily).toBeInstanceOf(Float64Array);
  });

  it('keeps NaN, infinities and -0, which JSON alone would not', () => {
    const odd = {
      scenarioIndex: 1,
      replication: 2,
      events: 3,
      metrics: { a: NaN, b: -Infinity, c: -0, d: 0.1 + 0.2 },
      daily: Float64Array.of(NaN, Infinity, -0, 1e-300),
      dailyReasons: Float64Array.of(2, -0, NaN),
    };
    const back = decodeOutput(JSON.parse(JSON.stringify(encodeOutput(odd))));
    expect(Object.is(back.metrics.c, -0)).toBe(true);
    expect(back.metrics).toEqual(odd.metrics);
    expect(Array.from(back.daily ?? [])).toEqual(Array.from(odd.daily));
    expect(Array.from(back.dailyReasons ?? [])).toEqual(Array.from(odd.dailyReasons));
    expect(decodeOutput(encodeOutput({ ...odd, daily: null })).daily).toBeNull();
    expect(decodeOutput(encodeOutput({ ...odd, dailyReasons: null })).dailyReasons).toBeNull();
  });

  it('refuses a result whose values do not match its metric names', () => {
    const encoded = encodeOutput(runJob(job({ withDaily: false })));
    expect(() => decodeOutput({ ...encoded, metricValues: '' })).toThrow(`corrupt job result: ${encoded.metricNames.length} metric names but 0 values`);
  });
});
