/**
 * `careflow explain <policy>`: what a policy does, its parameters, evidence and expected effects.
 *
 * @module
 */
import type { Argv } from 'yargs';
import { explainPolicy } from '../../model/policies/describe.js';
import { policyByName, POLICY_NAMES } from '../../model/policies/registry.js';
import { EXIT_OK, UsageError } from '../errors.js';
import { terminalSafe } from '../terminal-text.js';

/** Registers `explain`. */
export function registerExplain(y: Argv): Argv {
  return y.command(
    'explain <policy>',
    'explain a policy: mechanism, parameters with defaults and units, evidence, metrics it moves',
    (c) =>
      c
        .positional('policy', { type: 'string', demandOption: true, describe: 'policy name (see careflow list policies)' })
        .example('$0 explain discharge-to-assess', 'how discharge to assess is modelled'),
    (argv) => {
      const name = argv.policy as string;
      const policy = policyByName(name);
      if (!policy) throw new UsageError(`explain: unknown policy "${name}"; expected one of ${POLICY_NAMES.join(', ')}`);
      process.stdout.write(terminalSafe(explainPolicy(policy, Math.min(110, process.stdout.columns || 100))));
      process.exitCode = EXIT_OK;
    },
  );
}
