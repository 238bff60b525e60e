/**
 * `careflow list models|experiments|metrics|policies`: what is there, one line each.
 *
 * @module
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Argv } from 'yargs';
import { readConfigData } from '../../model/config-file.js';
import { meaningOf, metricPattern } from '../../model/metrics/members.js';
import { METRICS, UNIT_WORDS } from '../../model/metrics/registry.js';
import { policyList } from '../../model/policies/describe.js';
import { EXIT_OK } from '../errors.js';
import { terminalLine } from '../terminal-text.js';

function describeFiles(folder: string): string[] {
  let files: string[];
  try {
    files = readdirSync(folder)
      .filter((f) => /\.(ya?ml|json)$/.test(f))
      .sort();
  } catch {
    return [`(no folder ${folder})`];
  }
  return files.map((f) => {
    let description = '';
    try {
      const data = readConfigData(join(folder, f)) as { description?: string } | null;
      description = (data?.description ?? '').split('\n')[0];
    } catch {
      description = '(cannot be read: run careflow validate)';
    }
    return `${join(folder, f).padEnd(40)} ${description}`;
  });
}

/** One metric or family of the registry as `list metrics` prints it: name, meaning, unit. */
export function metricListLine(d: (typeof METRICS)[number]): string {
  return `${metricPattern(d).padEnd(40)} ${meaningOf(d)} (${UNIT_WORDS[d.unit]})`;
}

/** Registers `list`. */
export function registerList(y: Argv): Argv {
  return y.command(
    'list <what>',
    'list models, experiments, metrics or policies with one-line descriptions',
    (c) =>
      c
        .positional('what', { choices: ['models', 'experiments', 'metrics', 'policies'] as const, demandOption: true, describe: 'what to list' })
        .option('dir', { type: 'string', describe: 'folder to list (default models/ or experiments/)' })
        .example('$0 list metrics', 'every metric a run reports')
        .example('$0 list policies', 'every integration policy (then: careflow explain <policy>)'),
    (argv) => {
      const what = argv.what as string;
      const lines = what === 'metrics' ? METRICS.map(metricListLine) : what === 'policies' ? policyList() : describeFiles((argv.dir as string | undefined) ?? what);
      // Descriptions come from files anyone may have written: no escape sequence reaches the terminal.
      process.stdout.write(lines.map(terminalLine).join('\n') + '\n');
      process.exitCode = EXIT_OK;
    },
  );
}
