/**
 * A precision target that the run cannot meet by maxReplications: a warning and a record in
 * manifest.json, never a silent stop; a target met: recorded as met, no warning.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { executeExperiment } from '../../src/experiment/execute.js';
import { precisionRecord } from '../../src/experiment/precision.js';
import { runExperiment } from '../../src/experiment/runner.js';
import { loadExperiment } from '../../src/experiment/scenario.js';
import { halfWidth } from '../../src/experiment/statistics.js';
import { fixture, tempDir, withConfig } from './helpers.js';

describe('a precision target', () => {
  it('missed at maxReplications is a warning naming the widest scenario and metric, and is in manifest.json', async () => {
    const e = withConfig(loadExperiment(fixture('precision.yaml')), { precision: { metrics: ['delayedPatientsPerDay', 'costPerDay'], relativeHalfWidth: 1e-6, maxReplications: 4 } });
    const out = join(tempDir('precision'), 'results');
    const result = await executeExperiment(e, { out, workers: 1 });
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(
      /^precision target not met after 4 replications \(maxReplications 4\): scenario "[^"]+", (delayedPatientsPerDay|costPerDay): half-width [\d.]+% of the mean against 0\.00%/,
    );
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.precision.met).toBe(false);
    expect(manifest.precision.replications).toBe(4);
    // Every scenario and metric missed, widest first, each with the width the run reached.
    expect(manifest.precision.shortfalls).toHaveLength(e.scenarios.length * 2);
    const widths = manifest.precision.shortfalls.map((s: { relativeHalfWidth: number }) => s.relativeHalfWidth);
    expect(widths).toEqual([...widths].sort((a, b) => b - a));
    const first = manifest.precision.shortfalls[0];
    const s = e.scenarios.findIndex((x) => x.name === first.scenario);
    const values = result.run.outputs[s].map((o) => o.metrics[first.metric]);
    expect(first.relativeHalfWidth).toBeCloseTo(halfWidth(values) / Math.abs(values.reduce((a, b) => a + b, 0) / values.length), 12);
  });

  it('met is recorded as met, with no warning', async () => {
    const e = withConfig(loadExperiment(fixture('precision.yaml')), { precision: { metrics: ['costPerDay'], relativeHalfWidth: 1, maxReplications: 40 } });
    const run = await runExperiment(e, { workers: 1 });
    const record = precisionRecord(e, run);
    expect(record?.met).toBe(true);
    expect(record?.shortfalls).toEqual([]);
  });
});
