/**
 * `careflow sensitivity <experiment> --input path=low,high ...`: one-way sensitivity analysis,
 * each input at its low and its high value in turn, as a results folder whose report draws a
 * tornado chart.
 *
 * @module
 */
import type { Argv } from 'yargs';
import { loadExperiment } from '../../experiment/scenario.js';
import { parseRange, sensitivityExperiment } from '../../experiment/sensitivity.js';
import { UsageError } from '../errors.js';
import { applyRunArgs, runLoaded, runOptions, type RunArgs } from './run.js';

/** Registers `sensitivity`. */
export function registerSensitivity(y: Argv): Argv {
  return y.command(
    'sensitivity <experiment>',
    'one-way sensitivity: each --input at its low and high value in turn, the rest as in the baseline (a tornado chart in the report)',
    (c) =>
      runOptions(c.positional('experiment', { type: 'string', demandOption: true, describe: 'experiment file (YAML or JSON)' }))
        .option('input', {
          alias: 'i',
          type: 'string',
          array: true,
          demandOption: true,
          describe: 'a model path (or policy.<policy>.<field>) and its low and high values, path=low,high; relative to the model value with %, path=-10%,+10%',
        })
        .option('base', { type: 'string', describe: 'scenario the ranges start from (default: the baseline)' })
        .example('$0 sensitivity experiments/baseline.yaml -i settings.reablement.capacity.block=-20%,+20% -i arrivals.emergency.perDay=-5%,+5% --report', 'two inputs, a tornado chart'),
    async (argv) => {
      const args = argv as unknown as RunArgs & { input: string[]; base?: string };
      if (args.scenario !== undefined) throw new UsageError('--scenario: not used by sensitivity, which varies one scenario: name it with --base');
      const experiment = sensitivityExperiment(loadExperiment(args.experiment), args.input.map(parseRange), args.base);
      process.exitCode = await runLoaded(applyRunArgs(experiment, { ...args, scenario: undefined }), args);
    },
  );
}
