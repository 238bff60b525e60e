/**
 * Checks every command's parsed flags before it runs: yargs quietly turns a flag given twice
 * into a list (`-o a -o b` became a path that is an array) and a word given to a number flag
 * into NaN, so both are caught here and reported as one-line usage errors.
 *
 * @module
 */
import { UsageError } from './errors.js';

/**
 * Throws a UsageError for a single-value flag given more than once, or a number flag given a
 * non-number. `lists` names the flags (and positionals) declared `array: true`, which take
 * several values on purpose; yargs gives them from its own declarations, so a new list flag
 * needs no change here.
 */
export function checkParsedFlags(argv: Record<string, unknown>, lists: readonly string[]): void {
  const listFlags = new Set(lists);
  // Long names first, so that the message names --out rather than its alias -o.
  const names = Object.keys(argv)
    .filter((k) => k !== '_' && k !== '$0' && !listFlags.has(k))
    .sort((a, b) => b.length - a.length);
  for (const name of names) {
    const value = argv[name];
    const flag = name.length === 1 ? `-${name}` : `--${name}`;
    if (Array.isArray(value)) throw new UsageError(`${flag}: given more than once (${value.join(', ')}); give it once`);
    if (typeof value === 'number' && Number.isNaN(value)) {
      // The flag and its alias both hold the NaN; either may be what was typed.
      const spellings = names.filter((n) => Number.isNaN(argv[n]));
      throw new UsageError(`${flag}: expected a number, got ${rawValueOf(spellings)}`);
    }
  }
}

/** What followed the flag (under any of its names) on the command line, for the message. */
function rawValueOf(names: string[]): string {
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    for (const name of names) {
      const dashes = name.length === 1 ? '-' : '--';
      if (args[i] === `${dashes}${name}`) return JSON.stringify(args[i + 1] ?? '');
      if (args[i].startsWith(`${dashes}${name}=`)) return JSON.stringify(args[i].slice(name.length + dashes.length + 1));
    }
  }
  return 'something that is not a number';
}
