/**
 * `careflow compare <results-dir>`: the scenario differences table of a finished run.
 *
 * @module
 */
import type { Argv } from 'yargs';
import { compareAgainst } from '../../experiment/compare.js';
import { metricPattern } from '../../model/metrics/members.js';
import { METRICS } from '../../model/metrics/registry.js';
import { EXIT_OK, UsageError } from '../errors.js';
import { KEY_METRICS, renderTable } from '../table.js';

/** Registers `compare`. */
export function registerCompare(y: Argv): Argv {
  return y.command(
    'compare <dir>',
    'print the differences between the scenarios of a results folder',
    (c) =>
      c
        .positional('dir', { type: 'string', demandOption: true, describe: 'a results folder (with summary.json)' })
        .option('baseline', { alias: 'b', type: 'string', describe: "scenario to compare against (default: the run's baseline)" })
        .option('metric', { alias: 'm', type: 'string', array: true, describe: 'metrics to show (default: the key metrics)' })
        .option('json', { type: 'boolean', default: false, describe: 'print the summary with recomputed differences as JSON' })
        .example('$0 compare results/default/2026-01-01T10-00-00', 'key metrics against the baseline')
        .example('$0 compare results/default/2026-01-01T10-00-00 -b moreReablement -m costTotal delayedBedDays', 'against another scenario'),
    (argv) => {
      const summary = compareAgainst(argv.dir as string, argv.baseline as string | undefined);
      const available = Object.keys(summary.scenarios[0]?.metrics ?? {});
      const wanted = (argv.metric as string[] | undefined) ?? [];
      for (const m of wanted) {
        if (!available.includes(m)) throw new UsageError(`--metric: unknown metric "${m}"; see careflow list metrics (e.g. ${METRICS.slice(0, 4).map(metricPattern).join(', ')})`);
      }
      if (argv.json) process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
      else process.stdout.write(renderTable(summary, wanted.length > 0 ? wanted.map((m) => [m, m]) : KEY_METRICS));
      process.exitCode = EXIT_OK;
    },
  );
}
