/**
 * Limits on what a model or experiment file may hold, checked before and just after parsing so
 * that a hostile or mistaken file is refused with one line instead of crashing Node (a JSON file
 * nested 20,000 levels deep overflows the YAML composer's stack, and formatting that error
 * aborts the process) or failing only at the end of a run (a name too long for a file name).
 *
 * The numbers are far above anything a real file needs (the largest shipped model is 26 KB,
 * nests 7 levels and has 5 settings; the largest experiment has 16 scenarios) and far below where things break.
 *
 * @module
 */
import { CST, type Document, isMap, isPair, isScalar, isSeq, Parser } from 'yaml';

/**
 * Largest file read: 1 MiB, forty times the largest shipped model. A bigger file is almost
 * certainly not a hand-written model, and parsing is done in memory with source positions.
 */
export const MAX_FILE_BYTES = 1024 * 1024;

/**
 * Deepest nesting of mappings and lists: 32, four times the deepest shipped file (7). The YAML
 * composer recurses once per level and runs out of stack near 800.
 */
export const MAX_NESTING_DEPTH = 32;

/**
 * Longest name of a model, experiment, scenario, setting, case-mix group or referral stream:
 * 64 characters. Names become file and folder names (`trace-<scenario>.csv`,
 * `results/<experiment>/<date>`), metric names (`occupancy.<setting>`) and table columns;
 * 64 keeps every such file name well under the 255 bytes file systems allow, and a table row
 * readable. The shipped files' longest name has 23 characters.
 */
export const MAX_NAME_LENGTH = 64;

/**
 * Most settings in one model: 100. Each setting adds daily series, metrics and charts; at 500
 * settings the report is 150 MB and a browser cannot open it. Twenty times the shipped maximum.
 */
export const MAX_SETTINGS = 100;

/**
 * Most scenarios in one experiment file: 200. Each is resolved, run and reported separately;
 * a grid bigger than this is a sweep (careflow sweep), whose points are made on the command line.
 */
export const MAX_SCENARIOS = 200;

/**
 * Names that every JavaScript object already has (`toString`, `constructor`, `__proto__`, ...).
 * As a key or a name they would be confused with the object's own machinery (a setting named
 * `toString` found a function where its distribution should be; a `__proto__` key is dropped
 * when the file is read), so they are refused everywhere.
 */
const RESERVED = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Whether `name` is a property every JavaScript object has, and so cannot be a name or key. */
export function isReservedName(name: string): boolean {
  return RESERVED.has(name);
}

/** Why a reserved name is refused, for messages. */
export function reservedNameReason(name: string): string {
  return `${JSON.stringify(name)} cannot be used as a name or key (every JavaScript object has a property of that name); choose another`;
}

/** A limit a text breaks: what, and where (a character offset, and a field path when known). */
export interface LimitProblem {
  reason: string;
  offset?: number;
  path?: (string | number)[];
}

/** The size problem of a text of `bytes` bytes, if it is too big. */
export function sizeProblem(bytes: number): LimitProblem | undefined {
  if (bytes <= MAX_FILE_BYTES) return undefined;
  return { reason: `file too large: ${bytes} bytes, at most ${MAX_FILE_BYTES} (1 MiB)` };
}

/**
 * The first place where the text nests deeper than {@link MAX_NESTING_DEPTH}, read from the
 * YAML parser's concrete syntax tree, which is built without recursion (the composed document
 * is not, hence this check before composing it).
 */
export function nestingProblem(text: string): LimitProblem | undefined {
  for (const token of new Parser().parse(text)) {
    const stack: [CST.Token | undefined, number][] = [[token.type === 'document' ? token.value : undefined, 0]];
    while (stack.length > 0) {
      const [node, depth] = stack.pop()!;
      if (node === undefined || !isCollection(node)) continue;
      if (depth + 1 > MAX_NESTING_DEPTH) {
        return { reason: `nested too deeply: more than ${MAX_NESTING_DEPTH} levels of mappings and lists`, offset: node.offset };
      }
      for (const item of node.items) {
        stack.push([item.key ?? undefined, depth + 1], [item.value, depth + 1]);
      }
    }
  }
  return undefined;
}

function isCollection(token: CST.Token): token is CST.BlockMap | CST.BlockSequence | CST.FlowCollection {
  return token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection';
}

/**
 * The first mapping key of a parsed document that is a reserved name (see {@link isReservedName}),
 * with its path and offset. The document's depth is already bounded, so recursion is safe.
 */
export function reservedKeyProblem(doc: Document.Parsed): LimitProblem | undefined {
  const visit = (node: unknown, path: (string | number)[]): LimitProblem | undefined => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = isScalar(pair.key) ? pair.key : undefined;
        const key = keyNode === undefined ? undefined : String(keyNode.value);
        const here = [...path, key ?? '?'];
        if (key !== undefined && isReservedName(key)) return { reason: reservedNameReason(key), offset: keyNode?.range?.[0], path: here };
        const inner = visit(pair.value, here);
        if (inner) return inner;
      }
    } else if (isSeq(node)) {
      for (const [i, item] of node.items.entries()) {
        const inner = visit(item, [...path, i]);
        if (inner) return inner;
      }
    }
    return undefined;
  };
  return visit(doc.contents, []);
}
