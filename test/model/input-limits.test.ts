/**
 * Hostile or extreme model and experiment files (issue 18, findings 7-9): nesting, size, names
 * that every JavaScript object has, `__proto__` keys, long names and too many settings or
 * scenarios are refused at load with one `file:line: field: reason` line.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadExperiment } from '../../src/experiment/scenario.js';
import { MAX_FILE_BYTES, MAX_NAME_LENGTH, MAX_NESTING_DEPTH, MAX_SCENARIOS, MAX_SETTINGS } from '../../src/model/input-limits.js';
import { loadModel } from '../../src/model/load-model.js';
import { configError } from './support.js';

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/models/minimal.yaml');
const MODEL = readFileSync(FIXTURE, 'utf8');

const dir = mkdtempSync(join(tmpdir(), 'careflow-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

function edit(from: string | RegExp, to: string, text = MODEL): string {
  const edited = text.replace(from, to);
  if (edited === text) throw new Error(`no "${String(from)}" to edit`);
  return edited;
}

/** An experiment on the minimal model (copied beside it), with the given scenarios text. */
function experiment(scenarios: string, head = 'name: limits'): string {
  write('m.yaml', MODEL);
  return `${head}\nmodel: m.yaml\nhorizonDays: 100\nscenarios:\n${scenarios}`;
}

/** The names every object has that the name pattern lets through. */
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).filter((n) => /^[A-Za-z][A-Za-z0-9]*$/.test(n));

describe('nesting and size', () => {
  it.each(['json', 'yaml'])('refuses a %s file nested 20,000 levels deep with one line, not a crash', (ext) => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const file = write(`deep.${ext}`, ext === 'json' ? deep : `name: ${deep}\n`);
    const err = configError(() => loadModel(file));
    expect(err.message).toBe(`${file}:1: nested too deeply: more than ${MAX_NESTING_DEPTH} levels of mappings and lists`);
  });

  it('refuses deep block nesting (a list of lists written with dashes) at its line', () => {
    const file = write('dashes.yaml', `name: x\ndescription: y\ncaseMix:\n  ${'- '.repeat(5_000)}1\n`);
    expect(configError(() => loadModel(file)).message).toMatch(new RegExp(`^${file}:4: nested too deeply`));
  });

  it('accepts the nesting every shipped file has', () => {
    expect(() => loadExperiment(join(dirname(FIXTURE), '../../../experiments/integration-policies.yaml'))).not.toThrow();
  });

  it('refuses a file over 1 MiB before reading it', () => {
    const file = write('big.yaml', `${MODEL}\n# ${'x'.repeat(MAX_FILE_BYTES)}\n`);
    expect(configError(() => loadModel(file)).message).toMatch(new RegExp(`^${file}: file too large: \\d+ bytes, at most ${MAX_FILE_BYTES} \\(1 MiB\\)$`));
  });
});

describe('names every JavaScript object has', () => {
  it.each(PROTOTYPE_NAMES)('refuses a setting named %s (it passed validate and broke every run)', (name) => {
    const text = edit(/^ {2}stepDown:/m, `  ${name}:`, edit(/to: stepDown/g, `to: ${name}`));
    const err = configError(() => loadModel(write(`setting-${name}.yaml`, text)));
    expect(err.field).toBe(`settings.${name}`);
    expect(err.line).toBe(text.split('\n').indexOf(`  ${name}:`) + 1);
    expect(err.reason).toContain(`"${name}" cannot be used as a name or key`);
  });

  it('refuses one as a case-mix group name and as a route target', () => {
    expect(configError(() => loadModel(write('group.yaml', edit('name: frail', 'name: constructor')))).field).toBe('caseMix.0.name');
    expect(configError(() => loadModel(write('route.yaml', edit('{to: home, probability: 0.9}', '{to: valueOf, probability: 0.9}')))).field).toBe('settings.reablement.next.0.to');
  });

  it('refuses a __proto__ key in settings, overrides and policy parameters instead of dropping it', () => {
    const model = edit(/^ {2}reablement:/m, '  __proto__:');
    expect(configError(() => loadModel(write('proto.yaml', model))).field).toBe('settings.__proto__');
    const overrides = experiment('  - name: base\n  - name: b\n    overrides:\n      __proto__: {a: 1}\n');
    const o = configError(() => loadExperiment(write('proto-overrides.yaml', overrides)));
    expect([o.line, o.field]).toEqual([8, 'scenarios.1.overrides.__proto__']);
    const parameters = experiment('  - name: base\n  - name: b\n    policies:\n      - policy: integrated-discharge-team\n        parameters: {"__proto__": 1}\n');
    expect(configError(() => loadExperiment(write('proto-parameters.yaml', parameters))).field).toBe('scenarios.1.policies.0.parameters.__proto__');
    const json = JSON.stringify({ name: 'j', model: 'm.yaml', horizonDays: 100, scenarios: [{ name: 'b', overrides: { ['__proto__']: 1 } }] });
    expect(configError(() => loadExperiment(write('proto.json', json))).field).toBe('scenarios.0.overrides.__proto__');
  });

  it('refuses a policy parameter naming one as a setting', () => {
    const text = experiment('  - name: base\n  - name: b\n    policies:\n      - policy: reablement-expansion\n        parameters: {setting: valueOf}\n');
    expect(configError(() => loadExperiment(write('param-setting.yaml', text))).reason).toMatch(/^unknown setting "valueOf"; expected one of acute, /);
  });
});

describe('name length and counts', () => {
  const long = `a${'b'.repeat(299)}`;

  it('refuses a 300-character scenario or experiment name at load', () => {
    const scenario = configError(() => loadExperiment(write('long-scenario.yaml', experiment(`  - name: base\n  - name: ${long}\n`))));
    expect([scenario.line, scenario.field, scenario.reason]).toEqual([6, 'scenarios.1.name', `must have at most ${MAX_NAME_LENGTH} characters, got 300`]);
    const named = configError(() => loadExperiment(write('long-experiment.yaml', experiment('  - name: base\n', `name: ${long}`))));
    expect([named.line, named.field]).toEqual([1, 'name']);
  });

  it('refuses a 300-character setting name, and accepts one of 64', () => {
    const at = (name: string): string => edit(/^ {2}stepDown:/m, `  ${name}:`, edit(/to: stepDown/g, `to: ${name}`));
    // The routes to it are reported too ("and 2 more problems").
    expect(configError(() => loadModel(write('long-setting.yaml', at(long)))).reason).toMatch(new RegExp(`^must have at most ${MAX_NAME_LENGTH} characters, got 300`));
    expect(loadModel(write('setting-64.yaml', at(long.slice(0, 64)))).settings).toContain(long.slice(0, 64));
  });

  it(`refuses more than ${MAX_SETTINGS} settings and more than ${MAX_SCENARIOS} scenarios`, () => {
    const extra = Array.from({ length: MAX_SETTINGS }, (_, i) => `  extra${i}:\n    kind: bed\n    capacity: 1\n`).join('');
    const settings = configError(() => loadModel(write('many-settings.yaml', `${MODEL}${extra}`)));
    expect([settings.field, settings.reason]).toEqual(['settings', `at most ${MAX_SETTINGS} settings, got ${MAX_SETTINGS + 4}`]);
    const many = Array.from({ length: MAX_SCENARIOS + 1 }, (_, i) => `  - name: s${i}\n`).join('');
    const scenarios = configError(() => loadExperiment(write('many-scenarios.yaml', experiment(many))));
    expect([scenarios.field, scenarios.reason]).toEqual(['scenarios', `must have at most ${MAX_SCENARIOS} items, got ${MAX_SCENARIOS + 1}`]);
  });
});
