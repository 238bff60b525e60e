/**
 * `careflow run <experiment>`: run every scenario's replications and write the results folder.
 *
 * @module
 */
import { existsSync } from 'node:fs';
import type { Argv } from 'yargs';
import type { QueueRunOptions } from '../../experiment/distributed/coordinator.js';
import { PASSWORD_VARIABLE, withPassword } from '../../experiment/distributed/queue-password.js';
import { parseQueueUrl } from '../../experiment/distributed/queue-url.js';
import { checkpointFile, defaultResultsDir, executeExperiment } from '../../experiment/execute.js';
import { lockFile } from '../../experiment/results-lock.js';
import { defaultWorkers } from '../../experiment/runner.js';
import { policiesAfterHorizon } from '../../experiment/policy-timing.js';
import { checkRunPlan } from '../../experiment/run-plan.js';
import { mappingsReplaced } from '../../experiment/replaced-mappings.js';
import { loadExperiment, type LoadedExperiment, type ResolvedScenario } from '../../experiment/scenario.js';
import { withSettings } from '../../experiment/sweep.js';
import { describeWarmup, suggestedWarmup } from '../../experiment/warmup.js';
import { EXIT_OK, EXIT_RUN_FAILURE, UsageError } from '../errors.js';
import { createProgress } from '../progress.js';
import { reportCommand } from './report.js';
import { renderTable } from '../table.js';
import { terminalLine } from '../terminal-text.js';

/** Options of `run` after parsing. */
export interface RunArgs {
  experiment: string;
  replications?: number;
  seed?: string;
  workers?: number;
  out?: string;
  scenario?: string[];
  quiet: boolean;
  json: boolean;
  resume: boolean;
  trace: boolean;
  set?: string[];
  report: boolean;
  queue?: string;
  queuePasswordFile?: string;
}

/** Declares the options of `run` (shared with `sweep`). */
export function runOptions<T>(y: Argv<T>) {
  return y
    .option('replications', { alias: 'r', type: 'number', describe: 'replications per scenario (overrides the file)' })
    .option('seed', { alias: 's', type: 'string', describe: 'master seed (overrides the file)' })
    .option('workers', { alias: 'w', type: 'number', describe: `worker threads (default: cores, here ${defaultWorkers()})` })
    .option('out', { alias: 'o', type: 'string', describe: 'results folder to create (default results/<experiment>/<date-time>)' })
    .option('scenario', { type: 'string', array: true, describe: 'run only these scenarios (the baseline is always kept)' })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'no progress and no table' })
    .option('json', { type: 'boolean', default: false, describe: 'print summary.json on stdout instead of the table' })
    .option('set', { type: 'string', array: true, describe: 'change a model value for every scenario, path=value (e.g. settings.acute.capacity=900)' })
    .option('trace', { type: 'boolean', default: false, describe: 'also write trace-<scenario>.csv: every move of every person in replication 1' })
    .option('resume', { type: 'boolean', default: false, describe: 'finish an interrupted run into the same --out folder' })
    .option('queue', {
      type: 'string',
      describe: 'run the replications on careflow workers through the BullMQ queue on this Redis, redis://[[user]:password@]host[:port][/db] (rediss:// for TLS)',
    })
    .option('queue-password-file', { type: 'string', describe: `with --queue: file whose first line is the Redis password, kept out of ps (or set ${PASSWORD_VARIABLE})` })
    .option('report', { type: 'boolean', default: false, describe: 'also write report.html (charts, offline) into the results folder' });
}

/** Checks numeric flags and applies --seed and --scenario to a loaded experiment. */
export function applyRunArgs(experiment: LoadedExperiment, args: RunArgs): LoadedExperiment {
  experiment = withSettings(experiment, args.set ?? []);
  // Said on stderr so that a planner sees the run is not the model file as written (--quiet hides it; the manifest and report keep it).
  if (!args.quiet)
    for (const s of experiment.set ?? [])
      process.stderr.write(
        `careflow: --set for every scenario: ${terminalLine(s.path)} = ${JSON.stringify(s.value)} (${s.was === undefined ? 'unset in the model file' : `was ${JSON.stringify(s.was)}`})\n`,
      );
  if (args.replications !== undefined && !(Number.isInteger(args.replications) && args.replications >= 2)) {
    throw new UsageError(`--replications: expected a whole number >= 2, got ${args.replications}`);
  }
  if (args.workers !== undefined && !(Number.isInteger(args.workers) && args.workers >= 1)) {
    throw new UsageError(`--workers: expected a whole number >= 1, got ${args.workers}`);
  }
  if (args.seed !== undefined && String(args.seed).trim() === '') throw new UsageError('--seed: expected a whole number or text, got nothing');
  let result = experiment;
  if (args.seed !== undefined) {
    const seed = /^-?\d+$/.test(args.seed) ? Number(args.seed) : args.seed;
    result = { ...result, config: { ...result.config, seed } };
  }
  if (args.scenario && args.scenario.length > 0) {
    const known = result.scenarios.map((s) => s.name);
    for (const name of args.scenario) {
      if (!known.includes(name)) throw new UsageError(`--scenario: unknown scenario "${name}"; expected one of ${known.join(', ')}`);
    }
    const baseline = result.config.baseline ?? known[0];
    const keep = result.scenarios.filter((s) => s.name === baseline || args.scenario?.includes(s.name));
    result = { ...result, scenarios: keep, config: { ...result.config, baseline } };
  }
  return result;
}

/** Runs a loaded experiment with the CLI's progress, interruption and output conventions. */
export async function runLoaded(experiment: LoadedExperiment, args: RunArgs): Promise<number> {
  if (args.resume && args.out === undefined) throw new UsageError('--resume needs --out: the folder of the interrupted run');
  if (args.resume && !existsSync(checkpointFile(args.out as string))) {
    throw new UsageError(`--resume: nothing to resume: ${checkpointFile(args.out as string)} does not exist`);
  }
  const queue = queueRunOptions(args);
  const out = args.out ?? freeResultsDir(experiment.config.name);
  if (existsSync(out)) throw new UsageError(`--out: ${out} already exists; choose a new folder`);
  // Before anything is written: a run that cannot fit is refused now, not after hours.
  const planned = { replications: args.replications ?? experiment.config.replications, fromFlag: args.replications !== undefined };
  const warnings = [...mappingsReplaced(experiment), ...policiesAfterHorizon(experiment), ...checkRunPlan(experiment, planned)];
  for (const warning of warnings) process.stderr.write(`careflow: warning: ${terminalLine(warning)}\n`);
  const progress = createProgress(experiment.config.name, args.quiet);
  let stopRequested = false;
  const onSigint = (): void => {
    if (stopRequested) process.exit(130);
    stopRequested = true;
    process.stderr.write(
      queue
        ? '\ncareflow: stopping; queued jobs still run on the workers, and a rerun reads them back (again to abort)\n'
        : '\ncareflow: stopping after the replications under way (again to abort)\n',
    );
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);
  try {
    const result = await executeExperiment(experiment, {
      out,
      workers: args.workers ?? defaultWorkers(),
      replications: args.replications,
      resume: args.resume,
      trace: args.trace,
      queue,
      command: commandLine(),
      onNotice: (message) => process.stderr.write(`careflow: ${message}\n`),
      onProgress: (done, total) => progress.update(done, total),
      shouldStop: () => stopRequested,
    });
    progress.stop();
    if (result.dir === null || result.summary === null) {
      const kept = result.run.outputs.reduce((n, o) => n + o.length, 0);
      process.stderr.write(`careflow: interrupted; ${kept} finished replications kept in ${result.checkpoint}\n`);
      process.stderr.write(`careflow: to finish: ${resumeCommand(out)}\n`);
      return EXIT_RUN_FAILURE;
    }
    for (const warning of result.warnings) process.stderr.write(`careflow: warning: ${terminalLine(warning)}\n`);
    if (args.json) process.stdout.write(JSON.stringify(result.summary, null, 2) + '\n');
    else if (!args.quiet) {
      process.stdout.write(`\n${renderTable(result.summary)}`);
      const baseline = Math.max(
        0,
        experiment.scenarios.findIndex((s) => s.name === result.summary?.baseline),
      );
      printWarmupHint(
        experiment,
        experiment.scenarios[baseline],
        result.run.outputs[baseline].map((o) => o.daily),
      );
    }
    if (!args.json) process.stdout.write(`results: ${result.dir}\n`);
    // With --json, stdout holds the summary only, so the report's path goes to stderr.
    if (args.report) {
      try {
        await reportCommand(result.dir, undefined, args.json ? process.stderr : process.stdout);
      } catch (err) {
        throw new Error(`the results are written to ${result.dir}, but report.html could not be made: ${(err as Error).message}`);
      }
    }
    return EXIT_OK;
  } finally {
    progress.stop();
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
  }
}

/** The queue to run through (--queue), checked against the flags that only make sense locally. */
function queueRunOptions(args: RunArgs): QueueRunOptions | undefined {
  if (args.queue === undefined) {
    if (args.queuePasswordFile !== undefined) throw new UsageError('--queue-password-file: only used with --queue');
    return undefined;
  }
  const target = withPassword(parseQueueUrl(args.queue), { file: args.queuePasswordFile, env: process.env });
  if (args.workers !== undefined) throw new UsageError('--workers: not used with --queue; give each worker --concurrency N (careflow worker --help)');
  if (args.trace) throw new UsageError('--trace: traces are written by local runs only; run without --queue to trace');
  return { target, onNotice: (message) => process.stderr.write(`careflow: ${terminalLine(message)}\n`) };
}

/** The command line that was run, as the results folder's lock records it: a Redis password hidden. */
function commandLine(): string {
  return `careflow ${process.argv
    .slice(2)
    .join(' ')
    .replace(/(rediss?:\/\/[^:@/\s]*:)[^@/\s]*@/g, '$1***@')}`;
}

/** The command line that was run, with --out made explicit and --resume added. */
function resumeCommand(out: string): string {
  const args = process.argv.slice(2).filter((a) => a !== '--resume');
  const hasOut = args.some((a) => a === '--out' || a === '-o' || a.startsWith('--out='));
  const quoted = [...args, ...(hasOut ? [] : ['--out', out]), '--resume'].map((a) => (/^[\w./=:@,+-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`));
  return `careflow ${quoted.join(' ')}`;
}

/** results/<experiment>/<date-time>, with -2, -3, ... added if a run in the same second took it. */
function freeResultsDir(experiment: string): string {
  const base = defaultResultsDir('results', experiment);
  let dir = base;
  for (let i = 2; existsSync(dir) || existsSync(checkpointFile(dir)) || existsSync(lockFile(dir)); i++) dir = `${base}-${i}`;
  return dir;
}

/** Prints the warm-up MSER-5 suggests from the baseline's mean daily occupancy of every setting. */
function printWarmupHint(experiment: LoadedExperiment, scenario: ResolvedScenario, daily: (Float64Array | null)[]): void {
  const suggested = suggestedWarmup(scenario, daily);
  if (suggested === null) return;
  process.stdout.write(`warm-up: ${describeWarmup(suggested)}; this run used ${experiment.config.warmupDays}\n`);
}

/** Registers `run`. */
export function registerRun(y: Argv): Argv {
  return y.command(
    'run <experiment>',
    'run an experiment file and write its results folder',
    (c) =>
      runOptions(c.positional('experiment', { type: 'string', describe: 'experiment file (YAML or JSON)', demandOption: true }))
        .example('$0 run experiments/baseline.yaml', "run with the file's settings")
        .example('$0 run experiments/default.yaml -r 20 -w 2 --out results/mine', '20 replications on 2 workers')
        .example('$0 run experiments/default.yaml --scenario moreReablement --json', 'one scenario against the baseline, JSON out')
        .example('$0 run experiments/baseline.yaml --set settings.acute.capacity=900 --set arrivals.emergency.perDay=90', 'change model values for every scenario')
        .example('$0 run experiments/default.yaml --queue redis://queue-host:6379', 'run on careflow workers started elsewhere (careflow worker)'),
    async (argv) => {
      const args = argv as unknown as RunArgs;
      process.exitCode = await runLoaded(applyRunArgs(loadExperiment(args.experiment), args), args);
    },
  );
}
