/**
 * Scenarios: overrides by dotted path, errors that name the experiment file, the line of the
 * override and its field, models made invalid by an override, and stable hashes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson, hashOf, loadExperiment, resolveScenario, setPath } from '../../src/experiment/scenario.js';
import { ConfigError } from '../../src/model/config-file.js';
import { readModelFile } from '../../src/model/load-model.js';
import { EXPERIMENT_FIXTURES, fixture, smallExperiment } from './helpers.js';

const MINIMAL = join(EXPERIMENT_FIXTURES, '../models/minimal.yaml');

/** 1-based line of the first occurrence of `needle` in a fixture. */
function lineIn(file: string, needle: string): number {
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not in ${file}`);
  return text.slice(0, at).split('\n').length;
}

/** The ConfigError that loading an experiment fixture throws. */
function loadError(name: string): ConfigError {
  try {
    loadExperiment(fixture(name));
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error(`expected ${name} to be rejected`);
}

describe('loadExperiment', () => {
  it('loads the experiment and its model (relative to the experiment file) with defaults filled in', () => {
    const e = smallExperiment();
    expect(e.file).toBe(fixture('small.yaml'));
    expect(e.modelFile).toBe(MINIMAL);
    expect(e.model).toEqual(readModelFile(MINIMAL));
    expect(e.config).toMatchObject({ name: 'small', horizonDays: 200, warmupDays: 50, replications: 4, seed: 11 });
    expect(e.config.outputs).toEqual({ daily: true, replications: true });
    expect(e.config.baseline).toBeUndefined();
    expect(e.config.precision).toBeUndefined();
    expect(e.scenarios.map((s) => s.name)).toEqual(['base', 'moreBeds']);
    expect(e.scenarios[0].overrides).toEqual({});
  });

  it('applies overrides by dotted path, leaving the base model and other scenarios alone', () => {
    const e = smallExperiment();
    expect(e.model.settings.acute.capacity).toBe(120);
    expect(e.scenarios[0].model.config).toEqual(e.model);
    expect(e.scenarios[1].model.config.settings.acute.capacity).toBe(130);
    expect(e.scenarios[1].overrides).toEqual({ 'settings.acute.capacity': 130 });
    // nothing else changed
    const expected = structuredClone(e.model);
    expected.settings.acute.capacity = 130;
    expect(e.scenarios[1].model.config).toEqual(expected);
  });

  it('rejects an unknown override path, naming the experiment file, the line of the override and its field', () => {
    const file = fixture('bad-unknown-path.yaml');
    const err = loadError('bad-unknown-path.yaml');
    expect(err.file).toBe(file);
    expect(err.line).toBe(lineIn(file, 'settings.acute.capacty'));
    expect(err.field).toBe('scenarios.1.overrides.settings.acute.capacty');
    expect(err.message).toBe(`${file}:${err.line}: scenarios.1.overrides.settings.acute.capacty: ${err.reason}`);
    expect(err.reason).toContain('"settings.acute.capacty" does not exist');
    expect(err.reason).toContain('capacity'); // what is there instead
    expect(err.message).not.toContain('\n');
  });

  it('rejects an override that makes the model invalid (a negative capacity)', () => {
    const file = fixture('bad-negative-capacity.yaml');
    const err = loadError('bad-negative-capacity.yaml');
    expect(err.file).toBe(file);
    expect(err.field).toBe('scenarios.1.overrides');
    expect(err.line).toBe(lineIn(file, 'overrides:'));
    expect(err.reason).toContain('scenario "negative"');
    expect(err.reason).toContain('settings.reablement.capacity');
    expect(err.reason).toContain('>= 0');
  });

  it('reports experiment-level problems with file, line and field', () => {
    const cases: [string, string, string, string][] = [
      ['bad-unknown-field.yaml', 'replicatons', 'replicatons', 'did you mean "replications"'],
      ['bad-out-of-range.yaml', 'replications', 'replications: 1', 'must be >= 2, got 1'],
      ['bad-warmup.yaml', 'warmupDays', 'warmupDays:', 'must be below horizonDays (200)'],
      ['bad-baseline.yaml', 'baseline', 'baseline: nope', 'unknown scenario "nope"'],
      ['bad-duplicate-scenario.yaml', 'scenarios.1.name', '  - name: base\n  - name: base', 'duplicate scenario name "base"'],
      ['bad-precision-metric.yaml', 'precision.metrics.1', 'delayedPatientPerDay', 'unknown metric "delayedPatientPerDay"'],
    ];
    for (const [name, field, needle, reason] of cases) {
      const file = fixture(name);
      const err = loadError(name);
      expect(err.field, name).toBe(field);
      const line = lineIn(file, needle) + (needle.includes('\n') ? 1 : 0);
      expect(err.line, name).toBe(line);
      expect(err.reason, name).toContain(reason);
    }
  });

  it('reports malformed YAML and a missing model file', () => {
    const malformed = loadError('bad-malformed.yaml');
    expect(malformed.reason).toMatch(/^invalid YAML/);
    expect(malformed.line).toBeGreaterThanOrEqual(6);
    const missing = loadError('bad-missing-model.yaml');
    expect(missing.file).toBe(join(EXPERIMENT_FIXTURES, '../models/no-such-model.yaml'));
    expect(missing.reason).toBe('cannot read: no such file');
    const noFile = (() => {
      try {
        loadExperiment(fixture('no-such-experiment.yaml'));
      } catch (err) {
        return err as ConfigError;
      }
      throw new Error('expected an error');
    })();
    expect(noFile).toBeInstanceOf(ConfigError);
    expect(noFile.message).toBe(`${fixture('no-such-experiment.yaml')}: cannot read: no such file`);
  });
});

describe('resolveScenario', () => {
  const base = readModelFile(MINIMAL);
  const file = fixture('small.yaml');

  it('applies several overrides, nested fields and list items by index', () => {
    const s = resolveScenario(
      file,
      base,
      {
        name: 'many',
        description: 'd',
        overrides: {
          'arrivals.emergency.perDay': 12,
          'caseMix.0.share': 0.5,
          'caseMix.1.share': 0.5,
          'settings.careHome.capacity': 200,
          'settings.stepDown.lengthOfStay': { type: 'fixed', value: 10 },
        },
      },
      1,
    );
    expect(s.model.config.arrivals.emergency.perDay).toBe(12);
    expect(s.model.config.caseMix.map((g) => g.share)).toEqual([0.5, 0.5]);
    expect(s.model.config.settings.careHome.capacity).toBe(200);
    expect(s.model.config.settings.stepDown.lengthOfStay).toEqual({ type: 'fixed', value: 10 });
    expect(s.description).toBe('d');
    expect(base.arrivals.emergency.perDay).toBe(15); // the base model is not touched
    expect(base.caseMix[0].share).toBe(0.4);
  });

  it('validates the whole resolved model, not just the overridden value', () => {
    // shares that no longer add up to 1
    expect(() => resolveScenario(file, base, { name: 'x', description: '', overrides: { 'caseMix.0.share': 0.9 } }, 1)).toThrow(ConfigError);
    // a value of the wrong type
    expect(() => resolveScenario(file, base, { name: 'x', description: '', overrides: { 'settings.acute.costPerDay': 'lots' } }, 1)).toThrow(/settings\.acute\.costPerDay/);
    // a fractional capacity
    expect(() => resolveScenario(file, base, { name: 'x', description: '', overrides: { 'settings.acute.capacity': 120.5 } }, 1)).toThrow(ConfigError);
  });

  it('gives the field of the failing override with the scenario index', () => {
    try {
      resolveScenario(file, base, { name: 'x', description: '', overrides: { 'settings.icu.capacity': 3 } }, 4);
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).field).toBe('scenarios.4.overrides.settings.icu.capacity');
      expect((err as ConfigError).reason).toContain('"settings.icu" does not exist');
    }
  });
});

describe('setPath', () => {
  it('sets an existing value, including inside lists', () => {
    const target = { a: { b: 1, list: [{ c: 2 }, { c: 3 }] } };
    setPath(target, 'a.b', 5);
    setPath(target, 'a.list.1.c', 7);
    expect(target).toEqual({ a: { b: 5, list: [{ c: 2 }, { c: 7 }] } });
  });

  it('never creates a field: a misspelt or missing path is an error', () => {
    const target: Record<string, unknown> = { a: { b: 1 } };
    expect(() => setPath(target, 'a.c', 1)).toThrow('unknown model path "a.c": "a.c" does not exist (there: b)');
    expect(() => setPath(target, 'x.y', 1)).toThrow('"x" does not exist');
    expect(() => setPath(target, 'a.b.c', 1)).toThrow('(there: nothing)');
    expect(() => setPath({ l: [1, 2] }, 'l.2', 1)).toThrow('"l.2" does not exist');
    expect(() => setPath(target, '__proto__.polluted', 1)).toThrow();
    expect(target).toEqual({ a: { b: 1 } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('canonicalJson and hashOf', () => {
  const a = { z: 1, a: { y: [3, { q: 1, p: 2 }], b: 'x' }, m: null };
  const b = { m: null, a: { b: 'x', y: [3, { p: 2, q: 1 }] }, z: 1 };

  it('do not depend on key order, at any depth', () => {
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":{"b":"x","y":[3,{"p":2,"q":1}]},"m":null,"z":1}');
    expect(hashOf(a)).toBe(hashOf(b));
  });

  it('do depend on values and on list order', () => {
    expect(hashOf(a)).not.toBe(hashOf({ ...a, z: 2 }));
    expect(hashOf([1, 2])).not.toBe(hashOf([2, 1]));
    expect(hashOf({ x: '1' })).not.toBe(hashOf({ x: 1 }));
  });

  it('are short hex strings, stable across calls and across copies of a model', () => {
    const model = readModelFile(MINIMAL);
    const reversed = JSON.parse(
      JSON.stringify(model, (_k, v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as object).reverse()) : v)),
    ) as unknown;
    expect(Object.keys(reversed as object)[0]).not.toBe(Object.keys(model)[0]);
    expect(hashOf(reversed)).toBe(hashOf(model));
    expect(hashOf(model)).toMatch(/^[0-9a-f]{16}$/);
    expect(hashOf(model)).toBe(hashOf(readModelFile(MINIMAL)));
  });
});
