/**
 * `careflow sweep <experiment> --vary path=v1,v2 ...`: a grid of variants of one scenario.
 *
 * @module
 */
import type { Argv } from 'yargs';
import { loadExperiment } from '../../experiment/scenario.js';
import { parseVariation, sweepExperiment } from '../../experiment/sweep.js';
import { UsageError } from '../errors.js';
import { applyRunArgs, runLoaded, runOptions, type RunArgs } from './run.js';

/** Registers `sweep`. */
export function registerSweep(y: Argv): Argv {
  return y.command(
    'sweep <experiment>',
    'run a grid of variants of one scenario (each combination of --vary values)',
    (c) =>
      runOptions(c.positional('experiment', { type: 'string', demandOption: true, describe: 'experiment file (YAML or JSON)' }))
        .option('vary', { alias: 'v', type: 'string', array: true, demandOption: true, describe: 'model path (or policy.<policy>.<field>) and values, path=v1,v2,...' })
        .option('base', { type: 'string', describe: 'scenario to vary (default: the baseline)' })
        .example('$0 sweep experiments/baseline.yaml --vary settings.acute.capacity=840,880,920', 'three bed numbers')
        .example('$0 sweep experiments/integration-policies.yaml --base dischargeToAssess -v policy.discharge-to-assess.share=0.2,0.5,0.8', "a policy's parameter")
        .example('$0 sweep experiments/baseline.yaml -v settings.acute.capacity=860,900 -v settings.careHome.capacity=2700,3300', 'a 2 x 2 grid'),
    async (argv) => {
      const args = argv as unknown as RunArgs & { vary: string[]; base?: string };
      if (args.scenario !== undefined) throw new UsageError('--scenario: not used by sweep, which varies one scenario: name it with --base');
      const variations = args.vary.map((text) => parseVariation(text));
      const experiment = sweepExperiment(loadExperiment(args.experiment), variations, args.base);
      process.exitCode = await runLoaded(applyRunArgs(experiment, { ...args, scenario: undefined }), args);
    },
  );
}
