/**
 * Exit codes and the one place that turns an error into a message and a code.
 *
 * @module
 */
import { UsageProblem } from '../experiment/problems.js';
import { ConfigError } from '../model/config-file.js';
import { terminalLine, terminalSafe } from './terminal-text.js';

/** Exit code for success. */
export const EXIT_OK = 0;
/** Exit code when a run fails. */
export const EXIT_RUN_FAILURE = 1;
/** Exit code for bad input: a file, a field or a flag. */
export const EXIT_BAD_INPUT = 2;

/** Bad input found by the CLI itself (a flag, a folder). */
export { UsageProblem as UsageError };

/** Prints an error as one line on stderr and returns the exit code it deserves. */
export function reportError(err: unknown): number {
  if (err instanceof ConfigError || err instanceof UsageProblem) {
    process.stderr.write(`careflow: ${terminalLine(err.message)}\n`);
    return EXIT_BAD_INPUT;
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`careflow: run failed: ${terminalLine(message)}\n`);
  if (process.env.CAREFLOW_DEBUG && err instanceof Error) process.stderr.write(`${terminalSafe(err.stack ?? '')}\n`);
  return EXIT_RUN_FAILURE;
}
