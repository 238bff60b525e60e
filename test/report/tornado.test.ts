/**
 * The report's tornado chart of a one-way sensitivity analysis: bars are the paired differences,
 * inputs sorted by swing, and the spec compiles.
 */
import { join } from 'node:path';
import { compile, type TopLevelSpec } from 'vega-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { executeExperiment } from '../../src/experiment/execute.js';
import { parseRange, sensitivityExperiment } from '../../src/experiment/sensitivity.js';
import type { SensitivityDescription } from '../../src/experiment/sweep-description.js';
import { buildReport } from '../../src/report/build-report.js';
import { tornadoBars, tornadoChart } from '../../src/report/charts/tornado.js';
import { loadResults, type ResultsFolder } from '../../src/report/load-results.js';
import { smallExperiment, withConfig } from '../experiment/helpers.js';
import { tempDir } from './helpers.js';

describe('the tornado chart', () => {
  let r: ResultsFolder;
  beforeAll(async () => {
    // Acute beds barely matter in this model; arrivals move everything.
    const e = sensitivityExperiment(withConfig(smallExperiment(), { replications: 3 }), [parseRange('settings.acute.capacity=110,130'), parseRange('arrivals.emergency.perDay=12,18')]);
    const out = join(tempDir('tornado'), 'results');
    await executeExperiment(e, { out, workers: 1 });
    r = loadResults(out);
  });

  it('draws each end as its paired difference from the baseline, the input with the widest swing first', () => {
    const sensitivity = r.manifest.sensitivity as SensitivityDescription;
    const metric = { metric: 'costTotal', label: 'Total cost (£m)', plainLabel: 'Total cost', unit: 'money' as const };
    const bars = tornadoBars(r, sensitivity, metric);
    expect(bars.map((b) => `${b.input}:${b.end}`)).toEqual([
      'arrivals.emergency.perDay:low',
      'arrivals.emergency.perDay:high',
      'settings.acute.capacity:low',
      'settings.acute.capacity:high',
    ]);
    for (const b of bars) {
      const d = r.summary.scenarios.find((s) => s.name === b.scenario)?.differences.costTotal;
      expect(b.mean).toBeCloseTo((d?.mean ?? NaN) / 1e6, 12);
      expect(b.ciLow).toBeCloseTo((d?.ciLow ?? NaN) / 1e6, 12);
    }
    // More arrivals cost more, fewer cost less.
    expect(bars[0].mean).toBeLessThan(0);
    expect(bars[1].mean).toBeGreaterThan(0);
  });

  it('compiles as vega-lite without warnings and is a section of the report', async () => {
    const chart = tornadoChart(r);
    expect(chart?.id).toBe('tornado');
    const warnings: string[] = [];
    const logger = {
      level: () => logger,
      error: (...m: unknown[]) => (warnings.push(m.join(' ')), logger),
      warn: (...m: unknown[]) => (warnings.push(m.join(' ')), logger),
      info: () => logger,
      debug: () => logger,
    };
    compile(chart?.spec as TopLevelSpec, { logger: logger as never });
    expect(warnings).toEqual([]);
    const html = await buildReport(r);
    expect(html.includes('data-chart="tornado"')).toBe(true);
  });
});
