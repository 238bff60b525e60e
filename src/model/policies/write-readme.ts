/**
 * `npm run docs:policies`: rewrites the table of policies' modelled effects beside their
 * evaluations in README.md from evaluations.ts, so that the README says what explain says.
 *
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { withEvaluationTable } from './evaluations.js';

// npm runs scripts in the package's folder; a path may be given to write another copy.
const readme = resolve(process.argv[2] ?? 'README.md');
const before = readFileSync(readme, 'utf8');
const after = withEvaluationTable(before);
if (after !== before) writeFileSync(readme, after);
process.stdout.write(after === before ? 'README.md: policy evaluation table already up to date\n' : 'README.md: policy evaluation table rewritten\n');
