/**
 * The experiment file schema: defaults, bounds and cross-field rules (as documented in
 * experiments/README.md).
 */
import { describe, expect, it } from 'vitest';
import { experimentSchema, precisionSchema, scenarioSchema } from '../../src/experiment/schema.js';

const MINIMAL = { name: 'e', model: 'm.yaml', horizonDays: 100, scenarios: [{ name: 'base' }] };

describe('experimentSchema', () => {
  it('fills in the documented defaults', () => {
    expect(experimentSchema.parse(MINIMAL)).toEqual({
      name: 'e',
      description: '',
      model: 'm.yaml',
      horizonDays: 100,
      warmupDays: 0,
      replications: 10,
      seed: 1,
      scenarios: [{ name: 'base', description: '', overrides: {}, policies: [] }],
      outputs: { daily: true, replications: true },
    });
    expect(precisionSchema.parse({ metrics: ['costTotal'], relativeHalfWidth: 0.05 }).maxReplications).toBe(200);
    expect(experimentSchema.parse({ ...MINIMAL, outputs: { daily: false } }).outputs).toEqual({ daily: false, replications: true });
  });

  it('accepts a seed that is a whole number or text', () => {
    expect(experimentSchema.parse({ ...MINIMAL, seed: 'winter-2025' }).seed).toBe('winter-2025');
    expect(experimentSchema.parse({ ...MINIMAL, seed: -3 }).seed).toBe(-3);
    expect(experimentSchema.safeParse({ ...MINIMAL, seed: 1.5 }).success).toBe(false);
    expect(experimentSchema.safeParse({ ...MINIMAL, seed: '' }).success).toBe(false);
  });

  it('enforces the bounds', () => {
    const bad: Record<string, unknown>[] = [
      { horizonDays: 0 },
      { warmupDays: -1 },
      { warmupDays: 100 }, // must be below horizonDays
      { replications: 1 },
      { replications: 2.5 },
      { scenarios: [] },
      { name: '1st' },
      { name: 'has space' },
      { model: '' },
      { baseline: 'nope' },
      { scenarios: [{ name: 'a' }, { name: 'a' }] },
      { precision: { metrics: [], relativeHalfWidth: 0.1 } },
      { precision: { metrics: ['costTotal'], relativeHalfWidth: 0 } },
      { precision: { metrics: ['costTotal'], relativeHalfWidth: 1.5 } },
      { precision: { metrics: ['costTotal'], relativeHalfWidth: 0.1, maxReplications: 1 } },
      { outputs: { daily: 'yes' } },
      { unknownField: 1 },
    ];
    for (const patch of bad) expect(experimentSchema.safeParse({ ...MINIMAL, ...patch }).success, JSON.stringify(patch)).toBe(false);
  });

  it('allows letters, digits, - and _ in names, and any value in overrides', () => {
    expect(scenarioSchema.parse({ name: 'more-beds_2', overrides: { 'a.b': [1, 2], c: { d: 1 } } }).overrides).toEqual({ 'a.b': [1, 2], c: { d: 1 } });
    expect(scenarioSchema.safeParse({ name: 'x', override: {} }).success).toBe(false);
    expect(experimentSchema.parse({ ...MINIMAL, baseline: 'base' }).baseline).toBe('base');
  });
});
