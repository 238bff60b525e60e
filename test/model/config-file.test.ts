import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, formatConfigProblem, formatOf, formatPath, parseConfigText, readConfigFile } from '../../src/model/config-file.js';
import { configError } from './support.js';

const schema = z.strictObject({
  name: z.string(),
  size: z.number().int().min(1),
  kind: z.enum(['small', 'large']).default('small'),
  items: z.array(z.strictObject({ id: z.string(), weight: z.number().min(0) })).default([]),
  limits: z.strictObject({ low: z.number(), high: z.number() }).optional(),
});

const GOOD = `# a small config for the generic loader tests
name: demo
size: 3 # test value
items:
  - id: a
    weight: 1 # test value
  - id: b
    weight: 2 # test value
limits:
  low: 0 # test value
  high: 10 # test value
`;

/** 1-based line of the first line of `text` containing `needle`, searching from `after`. */
function lineOf(text: string, needle: string, after = ''): number {
  const start = after ? text.indexOf(after) : 0;
  const at = text.indexOf(needle, start);
  if (start < 0 || at < 0) throw new Error(`"${needle}" not found`);
  return text.slice(0, at).split('\n').length;
}

function parse(text: string, name = 'demo.yaml'): ConfigError {
  return configError(() => parseConfigText(text, name, schema));
}

const dir = mkdtempSync(join(tmpdir(), 'careflow-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ConfigError', () => {
  it('formats file:line: field: reason, leaving out unknown parts', () => {
    expect(formatConfigProblem('a.yaml', 'bad', { line: 3, field: 'x.0.y' })).toBe('a.yaml:3: x.0.y: bad');
    expect(formatConfigProblem('a.yaml', 'bad', { line: 3 })).toBe('a.yaml:3: bad');
    expect(formatConfigProblem('a.yaml', 'bad', { field: 'x' })).toBe('a.yaml: x: bad');
    expect(formatConfigProblem('a.yaml', 'cannot read: no such file')).toBe('a.yaml: cannot read: no such file');
    const err = new ConfigError('a.yaml', 'bad', { line: 3, field: 'x' });
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('ConfigError');
    expect([err.file, err.line, err.field, err.reason]).toEqual(['a.yaml', 3, 'x', 'bad']);
    expect(err.message).toBe('a.yaml:3: x: bad');
  });

  it('joins paths with dots and array indices as numbers', () => {
    expect(formatPath(['caseMix', 0, 'pathways'])).toBe('caseMix.0.pathways');
    expect(formatPath([])).toBe('');
  });
});

describe('parseConfigText', () => {
  it('returns the validated value with defaults filled in', () => {
    const value = parseConfigText(GOOD, 'demo.yaml', schema);
    expect(value).toEqual({
      name: 'demo',
      size: 3,
      kind: 'small',
      items: [
        { id: 'a', weight: 1 },
        { id: 'b', weight: 2 },
      ],
      limits: { low: 0, high: 10 },
    });
  });

  it('reports a wrong value at its own line', () => {
    const text = GOOD.replace('weight: 2', 'weight: -2');
    const err = parse(text);
    expect(err.line).toBe(lineOf(text, 'weight: -2'));
    expect(err.field).toBe('items.1.weight');
    expect(err.message).toBe(`demo.yaml:${err.line}: items.1.weight: must be >= 0, got -2`);
  });

  it('reports a field whose value is a nested block at the line naming the field', () => {
    const text = GOOD.replace('limits:\n', 'limits:\n  middle: 5\n');
    const err = parse(text);
    expect(err.field).toBe('limits.middle');
    expect(err.line).toBe(lineOf(text, 'middle: 5'));
    expect(err.reason).toBe('unknown key "middle"; allowed keys: low, high');
  });

  it('names an unknown key in the path, suggests the key it misspells and lists the allowed keys', () => {
    const text = GOOD.replace('size: 3', 'sise: 3');
    const err = parse(text);
    expect(err.field).toBe('sise');
    expect(err.line).toBe(lineOf(text, 'sise:'));
    expect(err.reason).toBe('unknown key "sise" (did you mean "size"?); allowed keys: name, size, kind, items, limits (and 1 more problem)');
  });

  it('reports a missing required field at the line of its parent', () => {
    const text = GOOD.replace('  - id: b\n    weight: 2 # test value\n', '  - id: b\n');
    const err = parse(text);
    expect(err.field).toBe('items.1.weight');
    expect(err.line).toBe(lineOf(text, '- id: b'));
    expect(err.reason).toBe('is required (a number)');
  });

  it('explains wrong types, enum values and whole numbers readably', () => {
    expect(parse(GOOD.replace('name: demo', 'name: [demo]')).reason).toBe('expected a string, got a list');
    expect(parse(GOOD.replace('size: 3', 'size:')).reason).toBe('expected a number, got an empty value');
    expect(parse(GOOD.replace('size: 3', 'size: 2.5')).reason).toMatch(/expected a whole number, got 2.5/);
    expect(parse(`${GOOD}kind: medium\n`).reason).toBe('expected "small" or "large", got "medium"');
  });

  it('counts the further problems', () => {
    const err = parse(GOOD.replace('size: 3', 'size: 0').replace('weight: 1', 'weight: -1').replace('low: 0', 'low: x'));
    expect(err.field).toBe('size');
    expect(err.reason).toBe('must be >= 1, got 0 (and 2 more problems)');
  });

  it('reports an empty document without a line', () => {
    const err = parse('# nothing here\n');
    expect(err.line).toBeUndefined();
    expect(err.field).toBeUndefined();
    expect(err.message).toBe('demo.yaml: expected a mapping of fields, got an empty value');
  });

  it('reports malformed YAML at the line of the first syntax error', () => {
    const text = GOOD.replace('  low: 0', '\tlow: 0');
    const err = parse(text);
    expect(err.line).toBe(lineOf(text, '\tlow'));
    expect(err.field).toBeUndefined();
    expect(err.message).toMatch(new RegExp(`^demo\\.yaml:${err.line}: invalid YAML: Tabs are not allowed`));
    const duplicate = `${GOOD}name: again\n`;
    expect(parse(duplicate).message).toBe(`demo.yaml:${lineOf(duplicate, 'name: again')}: invalid YAML: Map keys must be unique`);
  });
});

describe('JSON', () => {
  const json = JSON.stringify(parseConfigText(GOOD, 'demo.yaml', schema), null, 2);

  it('chooses the syntax from the extension', () => {
    expect(formatOf('a.json')).toBe('json');
    expect(formatOf('a.JSON')).toBe('json');
    expect(formatOf('a.yaml')).toBe('yaml');
    expect(formatOf('a.yml')).toBe('yaml');
    expect(formatOf('<model>')).toBe('yaml');
  });

  it('parses JSON with positions', () => {
    expect(parseConfigText(json, 'demo.json', schema).items[1].weight).toBe(2);
    const bad = json.replace('"weight": 2', '"weight": "heavy"');
    const err = parse(bad, 'demo.json');
    expect(err.message).toBe(`demo.json:${lineOf(bad, '"heavy"')}: items.1.weight: expected a number, got "heavy"`);
  });

  it('rejects what YAML accepts but JSON does not, at the right line', () => {
    const trailingComma = json.replace('"high": 10', '"high": 10,');
    const err = parse(trailingComma, 'demo.json');
    expect(err.line).toBe(lineOf(trailingComma, '"high": 10,') + 1);
    expect(err.reason).toMatch(/^invalid JSON: /);
    const bareWord = json.replace('"name": "demo"', '"name": demo');
    expect(parse(bareWord, 'demo.json').line).toBe(lineOf(bareWord, '"name": demo'));
    const yamlStyle = json.replace('"size": 3', 'size: 3');
    expect(parse(yamlStyle, 'demo.json').line).toBe(lineOf(yamlStyle, 'size: 3'));
  });

  it('reports truncated JSON at its last line', () => {
    const truncated = json.slice(0, json.indexOf('"limits"'));
    const err = parse(truncated, 'demo.json');
    expect(err.line).toBe(truncated.trimEnd().split('\n').length);
  });

  it('takes an explicit format for in-memory text', () => {
    const err = configError(() => parseConfigText('{"name": "x", "size": 1,}', '<inline>', schema, 'json'));
    expect(err.message).toMatch(/^<inline>:1: invalid JSON: /);
  });
});

describe('readConfigFile', () => {
  it('reads .yaml, .yml and .json files', () => {
    for (const name of ['demo.yaml', 'demo.yml']) {
      writeFileSync(join(dir, name), GOOD);
      expect(readConfigFile(join(dir, name), schema).name).toBe('demo');
    }
    writeFileSync(join(dir, 'demo.json'), JSON.stringify({ name: 'j', size: 1 }));
    expect(readConfigFile(join(dir, 'demo.json'), schema)).toEqual({ name: 'j', size: 1, kind: 'small', items: [] });
  });

  it('names the file in validation errors', () => {
    const file = join(dir, 'bad.yaml');
    const text = GOOD.replace('high: 10', 'high: ten');
    writeFileSync(file, text);
    const err = configError(() => readConfigFile(file, schema));
    expect(err.file).toBe(file);
    expect(err.message).toBe(`${file}:${lineOf(text, 'high: ten')}: limits.high: expected a number, got "ten"`);
  });

  it('reports a missing file or a directory as unreadable', () => {
    const missing = join(dir, 'missing.yaml');
    const err = configError(() => readConfigFile(missing, schema));
    expect(err.message).toBe(`${missing}: cannot read: no such file`);
    expect(err.line).toBeUndefined();
    expect(configError(() => readConfigFile(dir, schema)).message).toBe(`${dir}: cannot read: is a directory`);
  });
});
