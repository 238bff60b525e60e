/**
 * Sweeps: the grid of scenarios, and the description of what was varied that manifest.json
 * keeps for the report's capacity-planning curve.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { executeExperiment } from '../../src/experiment/execute.js';
import { parseVariation, sweepExperiment } from '../../src/experiment/sweep.js';
import { smallExperiment, tempDir } from './helpers.js';

describe('sweepExperiment', () => {
  it('describes the varied paths and the values of every grid point', () => {
    const e = sweepExperiment(smallExperiment(), [parseVariation('settings.acute.capacity=110,130'), parseVariation('settings.careHome.capacity=50,70')]);
    expect(e.scenarios.map((s) => s.name)).toEqual([
      'base',
      'settings.acute.capacity=110 settings.careHome.capacity=50',
      'settings.acute.capacity=110 settings.careHome.capacity=70',
      'settings.acute.capacity=130 settings.careHome.capacity=50',
      'settings.acute.capacity=130 settings.careHome.capacity=70',
    ]);
    expect(e.sweep?.base).toBe('base');
    expect(e.sweep?.variations).toEqual([
      { path: 'settings.acute.capacity', values: [110, 130] },
      { path: 'settings.careHome.capacity', values: [50, 70] },
    ]);
    expect(e.sweep?.points[2]).toEqual({ scenario: 'settings.acute.capacity=130 settings.careHome.capacity=50', values: { 'settings.acute.capacity': 130, 'settings.careHome.capacity': 50 } });
  });

  it('writes the description into manifest.json', async () => {
    const e = sweepExperiment(smallExperiment(), [parseVariation('settings.acute.capacity=110,130')]);
    const out = join(tempDir('sweep'), 'results');
    await executeExperiment({ ...e, config: { ...e.config, horizonDays: 60, warmupDays: 10, replications: 2 } }, { out, workers: 1 });
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { sweep: unknown };
    expect(manifest.sweep).toEqual(e.sweep);
  });

  it('leaves a plain run without a sweep description', () => {
    expect(smallExperiment().sweep).toBeUndefined();
  });
});
