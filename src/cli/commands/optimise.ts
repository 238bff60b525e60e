/**
 * `careflow optimise <experiment> --vary ... --target 'metric<=value'`: the cheapest grid point
 * that meets every target, with a stated chance of error (src/experiment/optimise.ts).
 *
 * @module
 */
import { existsSync } from 'node:fs';
import type { Argv } from 'yargs';
import { defaultResultsDir } from '../../experiment/execute.js';
import { parseTarget, type OptimiseSettings } from '../../experiment/optimise.js';
import { optimiseExperiment, writeOptimisation, type OptimiseRecord } from '../../experiment/optimise-run.js';
import { defaultWorkers } from '../../experiment/runner.js';
import { loadExperiment } from '../../experiment/scenario.js';
import { parseVariation, sweepExperiment, withSettings } from '../../experiment/sweep.js';
import { EXIT_OK, UsageError } from '../errors.js';

interface OptimiseArgs {
  experiment: string;
  vary: string[];
  target: string[];
  objective: string;
  alpha: number;
  replications?: number;
  step?: number;
  maxReplications: number;
  base?: string;
  set?: string[];
  workers?: number;
  out?: string;
  quiet: boolean;
}

/** Registers `optimise`. */
export function registerOptimise(y: Argv): Argv {
  return y.command(
    'optimise <experiment>',
    'find the cheapest combination of --vary values that meets every --target, with a stated chance of error',
    (c) =>
      c
        .positional('experiment', { type: 'string', demandOption: true, describe: 'experiment file (YAML or JSON)' })
        .option('vary', {
          alias: 'v',
          type: 'string',
          array: true,
          demandOption: true,
          describe: 'a model path (or policy.<policy>.<field>) and its candidate values, path=v1,v2,...; repeat for a grid',
        })
        .option('target', { alias: 't', type: 'string', array: true, demandOption: true, describe: "a target on a metric's mean, 'metric<=value' or 'metric>=value'; repeat for several" })
        .option('objective', { type: 'string', default: 'costTotal', describe: 'the metric whose mean is minimised' })
        .option('alpha', { type: 'number', default: 0.05, describe: 'the chance of any wrong decision, at most (0 < alpha < 0.5)' })
        .option('replications', { alias: 'r', type: 'number', describe: "replications of every candidate at the first look (default: the file's, at least 5)" })
        .option('step', { type: 'number', describe: 'replications added to each remaining candidate at every later look (default: as many as at the first)' })
        .option('max-replications', { type: 'number', default: 100, describe: 'the most replications of any candidate' })
        .option('base', { type: 'string', describe: 'scenario whose variants are the candidates (default: the baseline)' })
        .option('set', { type: 'string', array: true, describe: 'change a model value for every candidate, path=value' })
        .option('workers', { alias: 'w', type: 'number', describe: `worker threads (default: cores, here ${defaultWorkers()})` })
        .option('out', { alias: 'o', type: 'string', describe: 'results folder to create (default results/<experiment>-optimise/<date-time>)' })
        .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'no progress and no table' })
        .example(
          "$0 optimise experiments/stroke-unit.yaml -v settings.acute.capacity=10,11,12,13,14 -t 'diversionShare<=0.05' --objective acuteBeds",
          'fewest stroke beds losing at most 5% of arrivals',
        )
        .example(
          "$0 optimise experiments/baseline.yaml -v settings.reablement.capacity.block=150,180,210 -v settings.intermediateCareBeds.capacity.block=20,40 -t 'delayedPatientsPerDay<=65'",
          'cheapest of a 3 x 2 grid',
        ),
    async (argv) => {
      const args = argv as unknown as OptimiseArgs;
      const settings = settingsOf(args);
      const loaded = withSettings(loadExperiment(args.experiment), args.set ?? []);
      const experiment = sweepExperiment(
        loaded,
        args.vary.map((text) => parseVariation(text)),
        args.base,
      );
      const out = args.out ?? defaultResultsDir('results', `${loaded.config.name}-optimise`);
      if (existsSync(out)) throw new UsageError(`--out: ${out} already exists; choose a new folder`);
      const count = experiment.scenarios.length - 1;
      const record = await optimiseExperiment(experiment, settings, {
        workers: args.workers ?? defaultWorkers(),
        onLook: (look, n, left) => {
          if (!args.quiet) process.stderr.write(`optimise: look ${look}: ${n} replications, ${left} of ${count} candidates still in contention\n`);
        },
      });
      writeOptimisation(out, record);
      if (!args.quiet) process.stdout.write(renderOptimisation(record));
      for (const line of outcomeWarnings(record)) process.stderr.write(`careflow: warning: ${line}\n`);
      process.stdout.write(`results: ${out}\n`);
      process.exitCode = EXIT_OK;
    },
  );
}

function settingsOf(args: OptimiseArgs): OptimiseSettings {
  const targets = args.target.map((text) => {
    const t = parseTarget(text);
    if (t === null) throw new UsageError(`--target: expected 'metric<=value' or 'metric>=value', got "${text}"`);
    return t;
  });
  if (!(args.alpha > 0 && args.alpha < 0.5)) throw new UsageError(`--alpha: expected a number between 0 and 0.5, got ${args.alpha}`);
  const whole = (name: string, v: number | undefined, min: number): void => {
    if (v !== undefined && !(Number.isInteger(v) && v >= min)) throw new UsageError(`--${name}: expected a whole number >= ${min}, got ${v}`);
  };
  whole('replications', args.replications, 3);
  whole('step', args.step, 1);
  whole('max-replications', args.maxReplications, 3);
  const initial = args.replications ?? 5;
  if (args.maxReplications < initial) throw new UsageError(`--max-replications: ${args.maxReplications} is below the first look's ${initial} replications`);
  return { objective: args.objective, targets, alpha: args.alpha, initial, step: args.step ?? initial, maxReplications: args.maxReplications };
}

/** The candidates as a table: status, replications, objective and targets. */
export function renderOptimisation(record: OptimiseRecord): string {
  const r = record.result;
  const rows = r.candidates.map((c) => [
    record.candidates[c.index].scenario,
    c.status,
    String(c.replications),
    `${fmt(c.objective.mean)} (${fmt(c.objective.lower)} to ${fmt(c.objective.upper)})`,
    ...c.targets.map((t) => `${fmt(t.mean)} ${t.verdict}`),
  ]);
  const head = ['candidate', 'status', 'reps', record.objective, ...record.targets];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  const outcome =
    r.outcome === 'selected'
      ? `cheapest meeting every target: ${r.selectedScenario}`
      : r.outcome === 'noneFeasible'
        ? 'no candidate meets every target'
        : `not separated at ${record.result.looks.at(-1)?.replications} replications: ${r.contenderScenarios.join(', ')}`;
  const guarantee = `chance of any wrong decision at most ${record.alpha} (each bound at one-sided level ${(1 - r.perDecisionAlpha).toPrecision(6)})`;
  return `\n${[line(head), ...rows.map(line)].join('\n')}\n\n${outcome}; ${guarantee}\n`;
}

function outcomeWarnings(record: OptimiseRecord): string[] {
  const r = record.result;
  if (r.outcome === 'unresolved')
    return [
      `optimise: ${r.contenderScenarios.length} candidates could not be told apart within ${record.result.looks.at(-1)?.replications} replications (${r.contenderScenarios.join(', ')}): raise --max-replications, or treat them as equally good for ${record.targets.join(' and ')}`,
    ];
  if (r.outcome === 'noneFeasible') return [`optimise: no candidate meets ${record.targets.join(' and ')}; widen the --vary values`];
  return [];
}

function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  return a >= 1e5 ? Math.round(x).toLocaleString('en-GB') : a >= 1 ? x.toFixed(2) : x.toPrecision(3);
}
