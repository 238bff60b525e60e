/**
 * An override that puts a plain value where the model has a mapping (a provider market's whole
 * capacity block) is said, naming the scenarios and the paths that change one field instead; an
 * override of a field inside the mapping, or of a plain value, is not.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mappingsReplaced } from '../../src/experiment/replaced-mappings.js';
import { loadExperiment } from '../../src/experiment/scenario.js';
import { sweepExperiment, parseVariation, withSettings } from '../../src/experiment/sweep.js';
import { ROOT } from '../cli/helpers.js';
import { withConfig } from './helpers.js';

const DEFAULT = loadExperiment(join(ROOT, 'experiments/default.yaml'));

function withScenarios(overrides: Record<string, unknown>[]) {
  return withConfig(DEFAULT, {
    scenarios: [{ name: 'baseline', description: '', overrides: {}, policies: [] }, ...overrides.map((o, i) => ({ name: `s${i}`, description: '', overrides: o, policies: [] }))],
  });
}

describe('mappingsReplaced', () => {
  it('names a market replaced by a number, once for the scenarios that do it, with the paths to use instead', () => {
    const e = withScenarios([{ 'settings.reablement.capacity': 492 }, { 'settings.reablement.capacity': 492 }, { 'settings.acute.capacity': 900 }]);
    const warnings = mappingsReplaced(e);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^scenarios "s0", "s1": settings\.reablement\.capacity: a plain value replaces the model's whole mapping there \{type, block, marketSize, /);
    expect(warnings[0]).toContain('(a provider market becomes a fixed number of places, filled without a search or spot prices)');
    expect(warnings[0]).toMatch(/e\.g\. settings\.reablement\.capacity\.block or settings\.reablement\.capacity\.marketSize$/);
  });

  it('is silent for a field inside the mapping, a plain value, and the shipped default experiment', () => {
    expect(mappingsReplaced(withScenarios([{ 'settings.reablement.capacity.block': 180 }, { 'settings.acute.capacity': 900 }]))).toEqual([]);
    expect(mappingsReplaced(DEFAULT)).toEqual([]);
  });

  it('names a --set and a sweep that do it', () => {
    const set = withSettings(DEFAULT, ['settings.homeCare.capacity=3000']);
    expect(mappingsReplaced(set)[0]).toMatch(/^--set \(every scenario\): settings\.homeCare\.capacity: a plain value replaces/);
    const sweep = sweepExperiment(DEFAULT, [parseVariation('settings.homeCare.capacity=3000,3100,3200,3300,3400')]);
    const [line, ...rest] = mappingsReplaced(sweep);
    expect(rest).toEqual([]);
    expect(line).toMatch(/^scenarios "settings\.homeCare\.capacity=3000", .* and 1 more: settings\.homeCare\.capacity: a plain value replaces/);
  });
});
