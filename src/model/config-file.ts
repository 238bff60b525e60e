/**
 * Reading configuration files (models, experiments) in YAML or JSON and validating them with a
 * zod schema, so that every problem is reported as one line of the form
 * `file:line: field.path: what was expected`.
 *
 * The text is parsed with the `yaml` package, which keeps source positions (JSON is parsed the
 * same way after a strict `JSON.parse` check, since YAML accepts things JSON does not), then
 * converted to plain data and validated. The first problem zod reports is traced back to the
 * node of the document it concerns to find its line.
 *
 * @module
 */
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { type Document, LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { z } from 'zod';
import { type LimitProblem, nestingProblem, reservedKeyProblem, sizeProblem } from './input-limits.js';

/** The syntax of a configuration text. */
export type ConfigFormat = 'yaml' | 'json';

/** Where a configuration problem is: a line of the file and a dotted field path, when known. */
export interface ConfigLocation {
  /** 1-based line number in the file. */
  line?: number;
  /** Dotted path of the field, array indices as numbers, e.g. `caseMix.0.pathways`. */
  field?: string;
}

/**
 * A configuration file that cannot be used: unreadable, malformed or invalid. The message is
 * one line, `<file>:<line>: <field.path>: <reason>`, with unknown parts left out.
 */
export class ConfigError extends Error {
  /** The file (or source name) the problem is in. */
  readonly file: string;
  /** 1-based line of the problem, if known. */
  readonly line?: number;
  /** Dotted path of the offending field, if the problem concerns one. */
  readonly field?: string;
  /** What is wrong or what was expected, without the location. */
  readonly reason: string;

  /** Builds the error and its one-line message from its parts. */
  constructor(file: string, reason: string, location: ConfigLocation = {}) {
    super(formatConfigProblem(file, reason, location));
    this.name = 'ConfigError';
    this.file = file;
    this.reason = reason;
    if (location.line !== undefined) this.line = location.line;
    if (location.field !== undefined) this.field = location.field;
  }
}

/** Joins the known parts of a problem into `file:line: field: reason`. */
export function formatConfigProblem(file: string, reason: string, { line, field }: ConfigLocation = {}): string {
  const where = line === undefined ? file : `${file}:${line}`;
  return field ? `${where}: ${field}: ${reason}` : `${where}: ${reason}`;
}

/**
 * Reads a YAML (`.yaml`, `.yml`) or JSON (`.json`) file and validates it with `schema`,
 * returning the parsed value (with the schema's defaults filled in). Any other extension is
 * read as YAML, of which JSON is a subset.
 *
 * @throws ConfigError if the file cannot be read, is malformed, or does not match the schema.
 */
export function readConfigFile<T>(file: string, schema: z.ZodType<T, unknown>): T {
  return parseConfigText(readText(file), file, schema);
}

/**
 * Parses and validates configuration text held in memory. `sourceName` names the text in
 * messages, and its extension chooses the syntax unless `format` is given.
 *
 * @throws ConfigError if the text is malformed or does not match the schema.
 */
export function parseConfigText<T>(text: string, sourceName: string, schema: z.ZodType<T, unknown>, format: ConfigFormat = formatOf(sourceName)): T {
  const source = parseSource(text, sourceName, format);
  const result = schema.safeParse(source.data, { error: readableIssueMessage });
  if (result.success) return result.data;
  throw issueError(result.error.issues, source);
}

/**
 * Reads a configuration file into plain data, with the same size, nesting and key limits as
 * {@link readConfigFile} but no schema: for a quick look at a file (is it an experiment? its
 * description) that must not crash on a hostile one.
 *
 * @throws ConfigError if the file cannot be read or is malformed.
 */
export function readConfigData(file: string): unknown {
  return parseSource(readText(file), file, formatOf(file)).data;
}

/** The syntax a file name implies: JSON for `.json`, otherwise YAML. */
export function formatOf(file: string): ConfigFormat {
  return extname(file).toLowerCase() === '.json' ? 'json' : 'yaml';
}

function readText(file: string): string {
  try {
    // Refused before reading, so that a huge file is not read into memory first.
    const tooBig = sizeProblem(statSync(file).size);
    if (tooBig) throw new ConfigError(file, tooBig.reason);
    return readFileSync(file, 'utf8');
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError(file, `cannot read: ${readFailure(err)}`);
  }
}

function readFailure(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return err instanceof Error ? err.message : String(err);
}

// ---------------------------------------------------------------------------------------------
// Parsing

/** Parsed text: the plain data, and the document and line counter to locate paths in. */
interface ParsedSource {
  readonly name: string;
  readonly data: unknown;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
}

function parseSource(text: string, name: string, format: ConfigFormat): ParsedSource {
  const tooBig = sizeProblem(Buffer.byteLength(text, 'utf8'));
  if (tooBig) throw new ConfigError(name, tooBig.reason);
  if (format === 'json') checkStrictJson(text, name);
  // Before composing the document, which recurses once per level of nesting.
  const tooDeep = nestingProblem(text);
  if (tooDeep) throw limitError(name, text, tooDeep);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true });
  const invalid = `invalid ${format === 'json' ? 'JSON' : 'YAML'}`;
  const syntax = doc.errors[0];
  if (syntax) {
    const what = syntax.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new ConfigError(name, `${invalid}: ${what}`, { line: syntax.linePos?.[0].line });
  }
  // Before converting to plain data, which would drop a `__proto__` key without a word.
  const reserved = reservedKeyProblem(doc);
  if (reserved) throw limitError(name, text, reserved);
  try {
    return { name, data: doc.toJS(), doc, lines };
  } catch (err) {
    // toJS throws only for pathological aliases (too many, or to nothing).
    throw new ConfigError(name, `${invalid}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** A broken input limit as a ConfigError at its line (and field, when known). */
function limitError(name: string, text: string, problem: LimitProblem): ConfigError {
  const line = problem.offset === undefined ? undefined : text.slice(0, problem.offset).split('\n').length;
  return new ConfigError(name, problem.reason, { line, field: problem.path && problem.path.length > 0 ? formatPath(problem.path) : undefined });
}

/** Throws if `text` is not strict JSON (YAML would accept trailing commas or bare words). */
function checkStrictJson(text: string, name: string): void {
  try {
    JSON.parse(text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const reason = message
      .replace(/, (\.\.\.)?".*"(\.\.\.)? is not valid JSON$/s, '')
      .replace(/ in JSON(?= at position)/, '')
      .replace(/ at position \d+.*$/s, '');
    throw new ConfigError(name, `invalid JSON: ${reason}`, { line: jsonErrorLine(text) });
  }
}

/**
 * The line of the first JSON syntax error: the first line at which the text read so far can no
 * longer be the start of a valid document (found by bisection, as that only gets worse with
 * more text), or the last line if the text just ends too soon. Node's messages do not always
 * give a position.
 */
function jsonErrorLine(text: string): number {
  const lines = text.split('\n');
  const through = (line: number): string => lines.slice(0, line).join('\n');
  if (isJsonPrefix(text)) return lines.findLastIndex((l) => l.trim() !== '') + 1 || 1;
  let [low, high] = [0, lines.length]; // the prefix through `low` lines is fine, through `high` is not
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (isJsonPrefix(through(mid))) low = mid;
    else high = mid;
  }
  return high;
}

/** True if `prefix` parses, or fails only because it ends too soon. */
function isJsonPrefix(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return true;
  } catch (err) {
    const message = err instanceof Error ? err.message : '';
    const position = /at position (\d+)/.exec(message)?.[1];
    if (position !== undefined) return Number(position) >= prefix.trimEnd().length;
    return message.startsWith('Unexpected end of JSON input');
  }
}

// ---------------------------------------------------------------------------------------------
// Validation problems

type Issue = z.core.$ZodIssue;

function issueError(issues: readonly Issue[], source: ParsedSource): ConfigError {
  const issue = primaryIssue(issues, source.data);
  const path = issuePath(issue);
  const more = issues.length - 1;
  const reason = more > 0 ? `${issue.message} (and ${more} more problem${more === 1 ? '' : 's'})` : issue.message;
  return new ConfigError(source.name, reason, {
    line: locateLine(source, path),
    field: path.length > 0 ? formatPath(path) : undefined,
  });
}

/**
 * The issue to report. Normally zod's first, but a missing field with an unknown key beside it
 * is most likely a typo of that key, which is the more useful thing to name; and a value that
 * fits the type of only one option of a union is reported by that option's own problem.
 */
function primaryIssue(issues: readonly Issue[], data: unknown): Issue {
  const first = issues[0];
  const typo = isMissing(first, data) ? issues.find((i) => i.code === 'unrecognized_keys' && samePath(i.path, first.path.slice(0, -1))) : undefined;
  return unwrapUnion(typo ?? first);
}

function unwrapUnion(issue: Issue): Issue {
  if (issue.code !== 'invalid_union') return issue;
  const fitting = issue.errors.filter((e) => e.length > 0 && !(e[0].code === 'invalid_type' && e[0].path.length === 0));
  if (fitting.length !== 1) return issue;
  const inner = fitting[0][0];
  return unwrapUnion({ ...inner, path: [...issue.path, ...inner.path] });
}

function isMissing(issue: Issue, data: unknown): boolean {
  if (issue.path.length === 0) return false;
  const parent = valueAt(data, issue.path.slice(0, -1));
  return typeof parent === 'object' && parent !== null && valueAt(parent, issue.path.slice(-1)) === undefined;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function samePath(a: readonly PropertyKey[], b: readonly PropertyKey[]): boolean {
  return a.length === b.length && a.every((k, i) => String(k) === String(b[i]));
}

/** The path of an issue, extended by the (first) unknown key for an unrecognized-keys issue. */
function issuePath(issue: Issue): PropertyKey[] {
  return issue.code === 'unrecognized_keys' && issue.keys.length > 0 ? [...issue.path, issue.keys[0]] : [...issue.path];
}

/** A zod issue path written with dots, array indices as numbers: `caseMix.0.pathways`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((k) => (typeof k === 'symbol' ? (k.description ?? 'symbol') : String(k))).join('.');
}

// ---------------------------------------------------------------------------------------------
// Locating a path in the document

/**
 * The line of the node at `path`, or of its nearest existing ancestor. For a mapping entry
 * the line of its key is used, so a field whose value is a nested block is reported where the
 * field is named.
 */
function locateLine(source: ParsedSource, path: readonly PropertyKey[]): number | undefined {
  const { doc, lines } = source;
  let node: unknown = doc.contents;
  let offset = rangeStart(node);
  for (const key of path) {
    node = isAlias(node) ? node.resolve(doc) : node;
    const step = childAt(node, key);
    if (!step) break;
    offset = step.offset ?? offset;
    node = step.node;
  }
  return offset === undefined ? undefined : lines.linePos(offset).line;
}

function childAt(node: unknown, key: PropertyKey): { node: unknown; offset?: number } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
    return pair && { node: pair.value, offset: rangeStart(pair.key) ?? rangeStart(pair.value) };
  }
  if (isSeq(node)) {
    const item = node.items[Number(key)];
    return item === undefined ? undefined : { node: item, offset: rangeStart(item) };
  }
  return undefined;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: readonly number[] } | null | undefined)?.range;
  return range?.[0];
}

// ---------------------------------------------------------------------------------------------
// Messages

/**
 * A zod error map giving plain messages for the common issues ("is required", "must be >= 0,
 * got -1", "unknown key ...; allowed keys: ..."). Messages set by the schema itself take
 * precedence. Pass it as `schema.safeParse(data, { error: readableIssueMessage })`.
 */
export const readableIssueMessage: z.core.$ZodErrorMap = (iss) => {
  switch (iss.code) {
    case 'invalid_type':
      return iss.input === undefined ? `is required (${expectedName(iss.expected)})` : `expected ${expectedName(iss.expected)}, got ${describeValue(iss.input)}`;
    case 'invalid_union':
      return iss.input === undefined ? 'is required' : unionMessage(iss.errors, iss.input);
    case 'unrecognized_keys':
      return unknownKeysMessage(iss.keys, allowedKeys(iss.inst));
    case 'invalid_value': {
      const values = iss.values.map((v) => JSON.stringify(v)).join(' or ');
      return iss.input === undefined ? `is required (${values})` : `expected ${values}, got ${describeValue(iss.input)}`;
    }
    case 'too_small':
    case 'too_big':
      return boundMessage(iss.code === 'too_small' ? 'min' : 'max', iss.origin, iss.code === 'too_small' ? iss.minimum : iss.maximum, iss);
    case 'invalid_key':
      return `invalid key ${describeValue(iss.input)}: ${iss.issues[0]?.message ?? 'not allowed'}`;
    default:
      return undefined;
  }
};

/** For a value that fits no option of a union: the types expected, if the options show them. */
function unionMessage(errors: readonly (readonly Issue[])[], input: unknown): string {
  const types = errors.map((e) => (e[0]?.code === 'invalid_type' && e[0].path.length === 0 ? e[0].expected : undefined));
  const expected = types.every((t) => t !== undefined) ? types.map((t) => expectedName(t!)).join(' or ') : 'one of the allowed forms';
  return `expected ${expected}, got ${describeValue(input)}`;
}

function expectedName(expected: string): string {
  const names: Record<string, string> = {
    number: 'a number',
    int: 'a whole number',
    string: 'a string',
    boolean: 'true or false',
    object: 'a mapping of fields',
    array: 'a list',
    record: 'a mapping',
  };
  return names[expected] ?? expected;
}

function describeValue(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function boundMessage(side: 'min' | 'max', origin: string, bound: number | bigint, iss: { inclusive?: boolean; exact?: boolean; input?: unknown }): string | undefined {
  if (origin === 'number' || origin === 'int') {
    const op = side === 'min' ? (iss.inclusive ? '>=' : '>') : iss.inclusive ? '<=' : '<';
    return `must be ${op} ${bound}, got ${describeValue(iss.input)}`;
  }
  if (origin === 'array' || origin === 'string') {
    const unit = origin === 'array' ? 'item' : 'character';
    const size = (iss.input as { length?: number } | undefined)?.length;
    const limit = iss.exact ? 'exactly' : side === 'min' ? 'at least' : 'at most';
    return `must have ${limit} ${bound} ${unit}${bound === 1 ? '' : 's'}${size === undefined ? '' : `, got ${size}`}`;
  }
  return undefined;
}

/** The keys a strict object (or a record with fixed keys) accepts, if the schema shows them. */
function allowedKeys(inst: unknown): string[] {
  const def = (inst as { _zod?: { def?: { shape?: object; keyType?: { _zod?: { values?: Set<unknown> } } } } })?._zod?.def;
  if (def?.shape) return Object.keys(def.shape);
  const values = def?.keyType?._zod?.values;
  return values ? [...values].map(String) : [];
}

function unknownKeysMessage(keys: readonly string[], allowed: readonly string[]): string {
  const named = keys.map((k) => JSON.stringify(k)).join(', ');
  let message = `unknown ${keys.length === 1 ? 'key' : 'keys'} ${named}`;
  const guess = keys.length === 1 ? closest(keys[0], allowed) : undefined;
  if (guess) message += ` (did you mean "${guess}"?)`;
  if (allowed.length > 0) message += `; allowed keys: ${allowed.join(', ')}`;
  return message;
}

/** The allowed key nearest to a misspelt one, if any is within a couple of edits. */
/** The allowed name closest to a misspelt one (at most two edits away), if any. */
export function closest(key: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.min(2, Math.floor(key.length / 3));
  for (const candidate of allowed) {
    const d = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (d <= bestDistance) [best, bestDistance] = [candidate, d - 1];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length];
}

/**
 * The line of the node at `path` in a configuration file (or of its nearest existing parent),
 * for problems found after validation, such as a scenario override that names no model field.
 * Returns undefined if the file cannot be read or parsed.
 */
export function lineOfPath(file: string, path: readonly PropertyKey[]): number | undefined {
  try {
    return lineOfPathInText(readFileSync(file, 'utf8'), file, path);
  } catch {
    return undefined;
  }
}

/** The 1-based line of the field at `path` in config text (named `sourceName`), if it can be found. */
export function lineOfPathInText(text: string, sourceName: string, path: readonly PropertyKey[]): number | undefined {
  try {
    return locateLine(parseSource(text, sourceName, formatOf(sourceName)), path);
  } catch {
    return undefined;
  }
}
