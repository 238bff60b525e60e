/**
 * The queue's Redis password from somewhere other than the URL: a URL on the command line is
 * visible to every user of the machine in `ps`, so the password may come from a file
 * (`--queue-password-file`, readable by its owner only) or from the environment
 * (`CAREFLOW_REDIS_PASSWORD`, visible only to the same user and root).
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { UsageProblem } from '../problems.js';
import type { QueueTarget } from './queue-url.js';

/** The environment variable a password may come from. */
export const PASSWORD_VARIABLE = 'CAREFLOW_REDIS_PASSWORD';

/** Where a password may come from besides the URL. */
export interface PasswordSources {
  /** `--queue-password-file`: a file whose first line is the password. */
  file?: string;
  /** The environment to read {@link PASSWORD_VARIABLE} from. */
  env?: NodeJS.ProcessEnv;
}

/**
 * The target with its password taken from the file, else the URL, else the environment. A
 * password given both in the URL and in a file is refused: one of them would be ignored.
 *
 * @throws UsageProblem naming the flag if the file cannot be read, is empty, or clashes with the URL.
 */
export function withPassword(target: QueueTarget, sources: PasswordSources): QueueTarget {
  const inUrl = target.connection.password !== undefined;
  if (sources.file !== undefined) {
    if (inUrl) throw new UsageProblem('--queue-password-file: the --queue URL has a password too; give it once (the file keeps it out of ps)');
    return withSecret(target, readPasswordFile(sources.file));
  }
  const fromEnv = sources.env?.[PASSWORD_VARIABLE];
  if (inUrl || fromEnv === undefined || fromEnv === '') return target;
  return withSecret(target, fromEnv);
}

function readPasswordFile(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageProblem(`--queue-password-file: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  // The first line, so that the newline an editor adds is not part of the password.
  const password = text.split(/\r?\n/)[0];
  if (password === '') throw new UsageProblem(`--queue-password-file: ${file} is empty; write the password on its first line`);
  return password;
}

/** The target with a password, its display showing that one is given but not what it is. */
function withSecret(target: QueueTarget, password: string): QueueTarget {
  const display = target.display.replace(/^(rediss?:\/\/)([^@/]*@)?/, (_all, scheme: string, auth: string | undefined) => `${scheme}${(auth ?? '@').replace(/@$/, '')}:***@`);
  return { display, connection: { ...target.connection, password } };
}
