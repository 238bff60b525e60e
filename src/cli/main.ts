#!/usr/bin/env node
/**
 * The careflow command line: only wiring; every command's work lives in src/experiment.
 *
 * @module
 */
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { registerCompare } from './commands/compare.js';
import { registerExplain } from './commands/explain.js';
import { registerList } from './commands/list.js';
import { registerOptimise } from './commands/optimise.js';
import { registerReport } from './commands/report.js';
import { registerSensitivity } from './commands/sensitivity.js';
import { registerRun } from './commands/run.js';
import { registerSweep } from './commands/sweep.js';
import { registerValidate } from './commands/validate.js';
import { registerWorker } from './commands/worker.js';
import { checkParsedFlags } from './argument-checks.js';
import { EXIT_BAD_INPUT, reportError } from './errors.js';
import { careflowVersion } from '../experiment/version.js';
import { terminalLine } from './terminal-text.js';

async function main(): Promise<void> {
  // `careflow ... | head` closes stdout early: stop quietly, as other command-line tools do.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  let parser: Argv = yargs(hideBin(process.argv))
    .scriptName('careflow')
    .usage('$0 <command> [options]\n\nSimulate people moving between acute hospital, intermediate care and social care.')
    .version(careflowVersion())
    .strict()
    .demandCommand(1, 'name a command: run, sweep, compare, report, validate, list, explain, worker')
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((message, err) => {
      if (err) throw err;
      // One line, naming what was given: yargs' "Did you mean run?" alone does not say what was wrong.
      const given = hideBin(process.argv).find((a) => !a.startsWith('-'));
      const text = message.startsWith('Did you mean') ? `unknown command "${given}"; ${message.charAt(0).toLowerCase()}${message.slice(1)}` : message;
      process.stderr.write(`careflow: ${terminalLine(text.replace(/\s*\n\s*/g, ' '))} (see careflow --help)\n`);
      process.exit(EXIT_BAD_INPUT);
    });
  // Before every command: flags given twice, words for numbers. The flags that take lists are
  // read from yargs' own declarations (its getOptions(), which its types leave out), so that a
  // new list flag cannot be mistaken for a repeated one; without it, the check is skipped.
  const declared = parser as unknown as { getOptions?: () => { array: string[] } };
  parser = parser.middleware((argv) => {
    if (typeof declared.getOptions === 'function') checkParsedFlags(argv as Record<string, unknown>, declared.getOptions().array);
  }, true);
  parser = registerRun(parser);
  parser = registerValidate(parser);
  parser = registerList(parser);
  parser = registerCompare(parser);
  parser = registerSweep(parser);
  parser = registerOptimise(parser);
  parser = registerSensitivity(parser);
  parser = registerReport(parser);
  parser = registerExplain(parser);
  parser = registerWorker(parser);
  try {
    await parser.parseAsync();
  } catch (err) {
    process.exitCode = reportError(err);
  }
}

void main();
