/**
 * `careflow report <results-dir> [--out file.html]`: the self-contained HTML report of a
 * finished run (no simulation is run).
 *
 * @module
 */
import type { Argv } from 'yargs';
import { writeReport } from '../../report/build-report.js';
import { EXIT_OK } from '../errors.js';

/** Writes the report of a results folder and prints `report: <path>`. */
export async function reportCommand(dir: string, out?: string, stream: NodeJS.WritableStream = process.stdout): Promise<number> {
  const path = await writeReport(dir, out);
  stream.write(`report: ${path}\n`);
  return EXIT_OK;
}

/** Registers `report`. */
export function registerReport(y: Argv): Argv {
  return y.command(
    'report <results-dir>',
    'write the self-contained HTML report (report.html) of a results folder',
    (c) =>
      c
        .positional('results-dir', { type: 'string', demandOption: true, describe: 'results folder written by run or sweep' })
        .option('out', { alias: 'o', type: 'string', describe: 'HTML file to write (default <results-dir>/report.html)' })
        .example('$0 report results/default/2026-11-23T15-37-00', 'write report.html into the folder')
        .example('$0 report results/my-run --out board-pack.html', 'write the report elsewhere'),
    async (argv) => {
      const args = argv as unknown as { resultsDir: string; out?: string };
      process.exitCode = await reportCommand(args.resultsDir, args.out);
    },
  );
}
