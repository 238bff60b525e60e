/**
 * Saturation in the report: a banner that names each saturated scenario and setting, a flag on
 * its row of the headline table, and a sweep's cheapest point that is never a saturated one.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { executeExperiment } from '../../src/experiment/execute.js';
import type { SaturationFinding } from '../../src/experiment/saturation.js';
import { buildReport } from '../../src/report/build-report.js';
import { cheapestPoint, sweepChart } from '../../src/report/charts/sweep.js';
import { loadResults, type ResultsFolder } from '../../src/report/load-results.js';
import { withShortSweepNames } from '../../src/report/sweep-names.js';
import { smallExperiment, withConfig } from '../experiment/helpers.js';
import { smallResults, sweepResults, tempDir } from './helpers.js';

let saturated: string;
let working: string;
beforeAll(async () => {
  // Sixty beds for some 95 people's worth of acute demand: full every night, a queue that grows.
  const e = withConfig(smallExperiment(), {
    replications: 3,
    scenarios: [
      { name: 'base', description: 'as it is', overrides: {}, policies: [] },
      { name: 'fewBeds', description: 'sixty acute beds', overrides: { 'settings.acute.capacity': 60 }, policies: [] },
    ],
  });
  const out = join(tempDir('report-saturated'), 'results');
  await executeExperiment(e, { out, workers: 1 });
  saturated = await buildReport(loadResults(out));
  working = await buildReport(loadResults(await smallResults()));
});

describe('a saturated scenario in the report', () => {
  it('gets a warning banner naming it and its setting, and a flag on its row only', () => {
    const banner = /<div class="note warning" id="saturation-warning">([\s\S]*?)<\/div>/.exec(saturated);
    expect(banner).not.toBeNull();
    expect(banner?.[1]).toMatch(/<li>scenario &quot;fewBeds&quot;: acute saturated: full at 100% of midnights/);
    expect(banner?.[1]).not.toContain('&quot;base&quot;');
    const row = (name: string): string => new RegExp(`<tr[^>]*data-scenario="${name}">[\\s\\S]*?</tr>`).exec(saturated)?.[0] ?? '';
    expect(row('fewBeds')).toMatch(/^<tr class="saturated" data-scenario="fewBeds">/);
    expect(row('fewBeds')).toContain('⚠ saturated: acute');
    expect(row('base')).not.toContain('saturated');
  });

  it('gets neither when every setting keeps up', () => {
    // (Checked as booleans: a failure should not print a page with three libraries in it.)
    expect(working.includes('id="saturation-warning"')).toBe(false);
    expect(working.includes('class="saturated-flag"')).toBe(false);
    expect(working.includes('<tr class="saturated"')).toBe(false);
  });
});

describe('the sweep curve', () => {
  let sweep: ResultsFolder;
  beforeAll(async () => {
    sweep = withShortSweepNames(loadResults(await sweepResults()));
  });

  it('never marks a saturated point cheapest, and says which points it left out', () => {
    const info = sweep.manifest.sweep as NonNullable<ResultsFolder['manifest']['sweep']>;
    const cheapest = cheapestPoint(sweep, info) as string;
    const finding: SaturationFinding = {
      scenario: cheapest,
      setting: 'acute',
      full: true,
      growing: false,
      fullShare: 0.9,
      queueTrendPerYear: { mean: 0, ciLow: -1, ciHigh: 1 },
      meanQueue: 3,
    };
    const marked: ResultsFolder = { ...sweep, summary: { ...sweep.summary, saturation: [finding] } };
    const next = sweep.summary.scenarios
      .filter((s) => s.name !== sweep.summary.baseline && s.name !== cheapest)
      .reduce((a, b) => (b.metrics.costTotal.mean < a.metrics.costTotal.mean ? b : a)).name;
    expect(cheapestPoint(marked, info)).toBe(next);
    expect(sweepChart(marked)?.caption).toContain(`The cheapest point is ${next} `);
    expect(sweepChart(marked)?.caption).toContain(`Saturated, so never marked cheapest: ${cheapest}.`);
    expect(sweepChart(sweep)?.caption).not.toContain('Saturated');
  });
});
