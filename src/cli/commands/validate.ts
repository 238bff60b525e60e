/**
 * `careflow validate <file...>`: check model and experiment files without running them.
 *
 * @module
 */
import type { Argv } from 'yargs';
import { readConfigData } from '../../model/config-file.js';
import { policiesAfterHorizon } from '../../experiment/policy-timing.js';
import { checkRunPlan } from '../../experiment/run-plan.js';
import { mappingsReplaced } from '../../experiment/replaced-mappings.js';
import { loadExperiment } from '../../experiment/scenario.js';
import { loadModel } from '../../model/load-model.js';
import { EXIT_BAD_INPUT, EXIT_OK, reportError } from '../errors.js';
import { terminalLine } from '../terminal-text.js';

/** Whether a file is an experiment (it names a model or scenarios, which a model never has) rather than a model. */
export function looksLikeExperiment(file: string): boolean {
  try {
    const data = readConfigData(file) as Record<string, unknown> | null;
    return typeof data === 'object' && data !== null && ('scenarios' in data || 'model' in data);
  } catch {
    return false; // let the model loader report the problem
  }
}

/** Validates each file; returns 0 if all are valid, 2 otherwise. */
export function validateFiles(files: string[]): number {
  let failed = 0;
  for (const file of files) {
    try {
      if (looksLikeExperiment(file)) {
        const e = loadExperiment(file);
        // A run of it as written must fit, or it is not valid.
        const plan = checkRunPlan(e, { replications: e.config.replications, fromFlag: false });
        process.stdout.write(terminalLine(`ok: ${file} (experiment "${e.config.name}", ${e.scenarios.length} scenario${e.scenarios.length === 1 ? '' : 's'}, model ${e.model.name})`) + '\n');
        for (const warning of [...mappingsReplaced(e), ...policiesAfterHorizon(e), ...plan]) process.stderr.write(`careflow: warning: ${terminalLine(`${file}: ${warning}`)}\n`);
      } else {
        const m = loadModel(file);
        process.stdout.write(terminalLine(`ok: ${file} (model "${m.config.name}", ${m.settings.length} settings)`) + '\n');
      }
    } catch (err) {
      reportError(err);
      failed++;
    }
  }
  return failed > 0 ? EXIT_BAD_INPUT : EXIT_OK;
}

/** Registers `validate`. */
export function registerValidate(y: Argv): Argv {
  return y.command(
    'validate <files..>',
    'check model and experiment files without running them',
    (c) =>
      c
        .positional('files', { type: 'string', array: true, describe: 'model or experiment files', demandOption: true })
        .example('$0 validate models/*.yaml experiments/*.yaml', 'check every shipped file'),
    (argv) => {
      process.exitCode = validateFiles(argv.files as string[]);
    },
  );
}
