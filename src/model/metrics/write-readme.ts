/**
 * `npm run docs:metrics`: rewrites the metric table of README.md from the registry, so that
 * the README says what the code reports.
 *
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { withMetricTable } from './markdown.js';

// npm runs scripts in the package's folder; a path may be given to write another copy.
const readme = resolve(process.argv[2] ?? 'README.md');
const before = readFileSync(readme, 'utf8');
const after = withMetricTable(before);
if (after !== before) writeFileSync(readme, after);
process.stdout.write(after === before ? 'README.md: metric table already up to date\n' : 'README.md: metric table rewritten\n');
