import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ConfigError } from '../../src/model/config-file.js';
import { loadModel, parseModel } from '../../src/model/load-model.js';

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/models/minimal.yaml');
const TEXT = readFileSync(FIXTURE, 'utf8');

const dir = mkdtempSync(join(tmpdir(), 'careflow-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The fixture with `from` (which must occur in it) replaced by `to`. */
function edit(from: string, to: string, text = TEXT): string {
  if (!text.includes(from)) throw new Error(`fixture has no "${from}"`);
  return text.replace(from, to);
}

/** 1-based line of the first occurrence of `needle` in `text` at or after `after`. */
function lineOf(text: string, needle: string, after = ''): number {
  const start = text.indexOf(after);
  const at = text.indexOf(needle, start);
  if (start < 0 || at < 0) throw new Error(`"${needle}" not found`);
  return text.slice(0, at).split('\n').length;
}

/** Writes `text` to a new file in the temp dir and returns the error loading it gives. */
function loadError(text: string, name = 'bad.yaml'): ConfigError {
  const file = join(dir, name);
  writeFileSync(file, text);
  try {
    loadModel(file);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

/** Checks an error's file, line and field, and that its message starts with all three. */
function expectAt(err: ConfigError, file: string, line: number, field: string): void {
  expect({ file: err.file, line: err.line, field: err.field }).toEqual({ file, line, field });
  expect(err.message.startsWith(`${file}:${line}: ${field}: `)).toBe(true);
}

describe('the minimal fixture', () => {
  it('loads, with defaults filled in', () => {
    const model = loadModel(FIXTURE).config;
    expect(model.name).toBe('minimal');
    expect(Object.keys(model.settings)).toEqual(['acute', 'reablement', 'stepDown', 'careHome']);
    expect(model.caseMix.map((g) => g.name)).toEqual(['frail', 'other']);
    expect(model.settings.reablement.lengthOfStay).toEqual({ type: 'lognormal', mean: 6, sd: 5 });
    expect(model.settings.careHome.payers).toEqual({ nhs: 0, council: 0.7, selfFunder: 0.3 });
    expect(model.settings.acute.intermediate).toBe(false);
    expect(model.arrivals.community).toEqual([]);
    expect(model.admission.maxWaitDays).toBeNull();
    expect(model.caseMix[0].inHospitalMortality).toBe(0);
  });

  it('has one setting of each kind the brief asks for', () => {
    const { settings, pathways } = loadModel(FIXTURE).config;
    expect(settings.acute.kind).toBe('acute');
    expect(settings.reablement).toMatchObject({ kind: 'home', intermediate: true });
    expect(settings.stepDown).toMatchObject({ kind: 'bed', intermediate: true });
    expect(settings.careHome).toMatchObject({ kind: 'bed', careHome: true });
    expect(Object.keys(pathways)).toEqual(['P0', 'P1', 'P2', 'P3']);
  });

  it('parses the same from text and from JSON', () => {
    const model = loadModel(FIXTURE);
    expect(parseModel(TEXT)).toEqual(model);
    const json = JSON.stringify(parseYaml(TEXT), null, 2);
    expect(parseModel(json, 'minimal.json')).toEqual(model);
    writeFileSync(join(dir, 'minimal.json'), json);
    expect(loadModel(join(dir, 'minimal.json'))).toEqual(model);
  });
});

describe('invalid models', () => {
  it('names an unknown field, at its line, with the allowed keys', () => {
    const text = edit('capacity: 120', 'capasity: 120');
    const err = loadError(text);
    expectAt(err, join(dir, 'bad.yaml'), lineOf(text, 'capasity'), 'settings.acute.capasity');
    expect(err.reason).toMatch(/^unknown key "capasity" \(did you mean "capacity"\?\); allowed keys: description, kind, capacity,/);
  });

  it('rejects a negative capacity', () => {
    const text = edit('capacity: 40', 'capacity: -3');
    const err = loadError(text);
    expectAt(err, join(dir, 'bad.yaml'), lineOf(text, 'capacity: -3'), 'settings.reablement.capacity');
    expect(err.reason).toMatch(/>= 0/);
  });

  it('rejects case-mix pathway probabilities that do not sum to 1, at the pathways field', () => {
    const text = edit('P0: 0.8', 'P0: 0.7');
    const err = loadError(text);
    expectAt(err, join(dir, 'bad.yaml'), lineOf(text, 'pathways:', '- name: other'), 'caseMix.1.pathways');
    expect(err.reason).toMatch(/^pathway probabilities must sum to 1, got 0\.9/);
  });

  it('rejects case-mix shares that do not sum to 1, at the caseMix field', () => {
    const text = edit('share: 0.6', 'share: 0.5');
    const err = loadError(text);
    expectAt(err, join(dir, 'bad.yaml'), lineOf(text, 'caseMix:'), 'caseMix');
    expect(err.reason).toMatch(/^case-mix share probabilities must sum to 1/);
  });

  it('rejects a distribution with impossible parameters', () => {
    const text = edit('{type: lognormal, mean: 6, sd: 5}', '{type: lognormal, mean: 6, sd: -1}');
    const err = loadError(text);
    expectAt(err, join(dir, 'bad.yaml'), lineOf(text, 'sd: -1'), 'settings.reablement.lengthOfStay.sd');
    expect(err.reason).toBe('must be > 0, got -1');
  });

  it('rejects a route to a setting that does not exist', () => {
    const text = edit('{to: careHome, probability: 0.3}', '{to: nursingHome, probability: 0.3}');
    const err = loadError(text);
    expectAt(err, join(dir, 'bad.yaml'), lineOf(text, 'nursingHome'), 'settings.stepDown.next.1.to');
    expect(err.reason).toMatch(/^unknown route target "nursingHome"/);
  });

  it('rejects a pathway into a setting that does not exist', () => {
    const text = edit('P3: {to: careHome}', 'P3: {to: nursing}');
    const err = loadError(text);
    expectAt(err, join(dir, 'bad.yaml'), lineOf(text, 'P3: {to: nursing}'), 'pathways.P3.to');
  });

  it('reports a missing required field at the line of its parent', () => {
    const text = edit('    kind: acute\n', '');
    const err = loadError(text);
    expectAt(err, join(dir, 'bad.yaml'), lineOf(text, '  acute:'), 'settings.acute.kind');
    expect(err.reason).toMatch(/^is required/);
  });

  it('reports malformed YAML at the line of the syntax error', () => {
    const text = edit('description: Smallest', 'description: "Smallest');
    const err = loadError(text);
    expect(err.line).toBe(lineOf(text, 'description:'));
    expect(err.field).toBeUndefined();
    expect(err.message).toMatch(new RegExp(`^${join(dir, 'bad.yaml').replace(/[.\\]/g, '\\$&')}:${err.line}: invalid YAML: `));
  });

  it('reports a missing file', () => {
    const file = join(dir, 'no-such-model.yaml');
    expect(() => loadModel(file)).toThrow(new ConfigError(file, 'cannot read: no such file'));
    expect(() => loadModel(file)).toThrow(`${file}: cannot read: no such file`);
  });

  it('reports an invalid value in JSON at its line', () => {
    const model = parseYaml(TEXT) as { settings: { stepDown: { capacity: unknown } } };
    model.settings.stepDown.capacity = 2.5;
    const json = JSON.stringify(model, null, 2);
    const err = loadError(json, 'bad.json');
    expectAt(err, join(dir, 'bad.json'), lineOf(json, '"capacity": 2.5'), 'settings.stepDown.capacity');
    expect(err.reason).toMatch(/whole number/);
  });

  it('reports malformed JSON at its line', () => {
    const json = JSON.stringify(parseYaml(TEXT), null, 2).replace('"kind": "acute"', '"kind": "acute",,');
    const err = loadError(json, 'bad.json');
    expect(err.line).toBe(lineOf(json, '"acute",,'));
    expect(err.message).toMatch(/bad\.json:\d+: invalid JSON: /);
  });

  it('parseModel names the source it was given', () => {
    const text = edit('perDay: 15', 'perDay: -15');
    expect(() => parseModel(text)).toThrow(`<model>:${lineOf(text, 'perDay')}: arrivals.emergency.perDay: must be >= 0, got -15`);
    expect(() => parseModel(text, 'inline.yaml')).toThrow(/^inline\.yaml:/);
  });
});

describe('durations and identities', () => {
  const text = readFileSync(new URL('../fixtures/models/minimal.yaml', import.meta.url), 'utf8');
  it('rejects a length of stay that could be negative, naming the field', () => {
    const bad = text.replace(/acuteLengthOfStay: \{[^}]*\}/, 'acuteLengthOfStay: { type: normal, mean: 3, sd: 3 }');
    expect(() => parseModel(bad, 'neg.yaml')).toThrow(/neg\.yaml:\d+: caseMix\.0\.acuteLengthOfStay: a duration cannot be negative/);
    const ok = text.replace(/acuteLengthOfStay: \{[^}]*\}/, 'acuteLengthOfStay: { type: normal, mean: 3, sd: 3, min: 0 }');
    expect(() => parseModel(ok, 'ok.yaml')).not.toThrow();
  });
});
