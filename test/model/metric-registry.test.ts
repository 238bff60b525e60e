/**
 * The metric registry against what the code does: every metric a replication reports is
 * declared, every declared one is reported, the lists the report and the terminal show are
 * well formed, the README's table is the one the registry makes, and the names policies say
 * they move are metrics.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/model/compile.js';
import { withMetricTable } from '../../src/model/metrics/markdown.js';
import {
  chartMetric,
  declarationOf,
  expectedMetricNames,
  isKnownMetric,
  metricFactsOf,
  metricPattern,
  metricsInChart,
  metricsShownIn,
  type MetricView,
} from '../../src/model/metrics/members.js';
import { METRICS } from '../../src/model/metrics/registry.js';
import { POLICIES } from '../../src/model/policies/registry.js';
import type { ResolvedModel } from '../../src/model/resolve/resolve-model.js';
import { runReplication } from '../../src/model/run-replication.js';
import { baseModel, model } from './support.js';

const ROOT = join(import.meta.dirname, '..', '..');
const window = { horizonDays: 60, warmupDays: 10, seed: 3 };

// The small system with reablement counted in visits and two policies with running costs, so
// that every conditional family (clients, costByPolicy) has members.
const models: [string, ResolvedModel][] = [
  ['the small test system', baseModel()],
  [
    'with visits and policies',
    baseModel({
      settings: { reablement: { visitsPerDay: { initial: 4, final: 1 } } },
      policies: [{ policy: 'integrated-discharge-team' }, { policy: 'seven-day-services' }],
    }),
  ],
];

describe('metric registry and observations', () => {
  for (const [name, config] of models) {
    it(`${name}: a replication reports exactly the metrics the registry expands to`, () => {
      const facts = metricFactsOf(compileModel(config));
      const produced = Object.keys(runReplication(config, window).metrics);
      const expected = expectedMetricNames(facts);
      for (const metric of produced) expect(isKnownMetric(metric, config), `${metric} is reported but not declared`).toBe(true);
      expect(new Set(produced), 'reported and declared metrics differ').toEqual(new Set(expected));
      expect(produced).toHaveLength(expected.length);
    });

    it(`${name}: only metrics aggregated "where defined" may be undefined (NaN) in a replication`, () => {
      const metrics = runReplication(config, { ...window, horizonDays: 12 }).metrics;
      for (const [metric, value] of Object.entries(metrics)) {
        if (Number.isNaN(value)) expect(declarationOf(metric)?.aggregation, metric).toBe('meanWhereDefined');
      }
    });
  }

  it('has the conditional families only where the model has their members', () => {
    const plain = expectedMetricNames(metricFactsOf(compileModel(models[0][1])));
    expect(plain.some((m) => m.startsWith('clients.') || m.startsWith('costByPolicy.'))).toBe(false);
    const rich = expectedMetricNames(metricFactsOf(compileModel(models[1][1])));
    expect(rich).toContain('clients.reablement');
    expect(rich).toContain('costByPolicy.integrated-discharge-team');
    expect(rich).not.toContain('placements.acute');
    expect(rich).not.toContain('delayedBedDaysByReason.awaitingAcute');
  });
});

describe('metric registry', () => {
  it('declares each name once', () => {
    const patterns = METRICS.map(metricPattern);
    expect(new Set(patterns).size).toBe(patterns.length);
    expect(new Set(METRICS.map((d) => d.name)).size).toBe(METRICS.length);
  });

  it('places metrics in the report and terminal lists at distinct positions, each with a label', () => {
    for (const view of ['headline', 'forest', 'sweep', 'terminal'] as MetricView[]) {
      const positions = METRICS.flatMap((d) => (d.shown?.[view] === undefined ? [] : [d.shown[view]]));
      expect(new Set(positions).size, view).toBe(positions.length);
      const shown = metricsShownIn(view);
      expect(shown.length, view).toBeGreaterThan(0);
      for (const m of shown) expect(m.label.length, m.metric).toBeGreaterThan(0);
    }
  });

  it('knows a name exactly: a declared metric, or a family and a member of its domain', () => {
    const model = { settings: ['acute', 'reablement', 'careHome'], acute: 'acute' };
    expect(isKnownMetric('costTotal', model)).toBe(true);
    expect(isKnownMetric('occupancy.reablement', model)).toBe(true);
    expect(isKnownMetric('occupancy.nowhere', model)).toBe(false);
    expect(isKnownMetric('costTotal.nhs', model)).toBe(false);
    expect(isKnownMetric('costByPayer', model)).toBe(false);
    expect(isKnownMetric('costByPayer.selfFunder', model)).toBe(true);
    expect(isKnownMetric('costShift.selfFunder', model)).toBe(false);
    expect(isKnownMetric('delayedBedDaysByReason.awaitingCareHome', model)).toBe(true);
    expect(isKnownMetric('delayedBedDaysByReason.awaitingAcute', model)).toBe(false);
    expect(isKnownMetric('placements.acute', model)).toBe(false);
    expect(isKnownMetric('delayLengthShare.days21plus', model)).toBe(true);
    expect(isKnownMetric('delayedBedDaysByPathway.P4', model)).toBe(false);
    expect(isKnownMetric('costByPolicy.shared-data', model)).toBe(true);
  });

  it("names only metrics in the policies' expected effects (on the typical English model with the policy)", () => {
    const typical = readFileSync(join(ROOT, 'models', 'england-typical.yaml'), 'utf8');
    for (const p of POLICIES) {
      // A policy may add a setting (discharge to assess, rapid response): resolve with it.
      const resolved = model(typical, { policies: [{ policy: p.name }] });
      for (const move of p.moves) {
        // The entry starts with a metric name; a member in <angle brackets> stands for a setting
        // the policy is set up with, so only its family must exist.
        const metric = move.split(/[: ]/)[0];
        const family = metric.slice(0, metric.indexOf('.'));
        const known = metric.includes('<') ? METRICS.some((d) => d.name === family && d.members !== undefined) : isKnownMetric(metric, resolved);
        expect(known, `${p.name}: ${move}`).toBe(true);
      }
    }
  });
});

describe("README's metric table", () => {
  it('is the table the registry makes (run npm run docs:metrics after changing the registry)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toBe(withMetricTable(readme));
  });
});

describe('the report charts and the registry', () => {
  const CHART_FILES = { bedDays: 'bed-days.ts', delayLengths: 'delay-length.ts', costs: 'costs.ts' } as const;

  for (const [chart, file] of Object.entries(CHART_FILES) as [keyof typeof CHART_FILES, string][]) {
    it(`the ${chart} chart reads, through chartMetric, exactly the metrics the registry places in it`, () => {
      const source = readFileSync(join(ROOT, 'src', 'report', 'charts', file), 'utf8');
      const read = [...source.matchAll(/chartMetric\('(\w+)', '(\w+)'\)/g)].map((m) => [m[1], m[2]]);
      expect(read.every(([c]) => c === chart)).toBe(true);
      expect(new Set(read.map(([, name]) => name))).toEqual(new Set(metricsInChart(chart)));
    });
  }

  it('refuses a chart metric the registry does not place there', () => {
    expect(() => chartMetric('costs', 'delayedBedDaysByReason')).toThrow(/does not place/);
    expect(chartMetric('bedDays', 'delayedBedDaysByReason')).toBe('delayedBedDaysByReason');
  });
});
