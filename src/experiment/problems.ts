/**
 * Bad input found outside configuration files: a command-line value, a results folder.
 *
 * @module
 */

/** Bad input that is not in a file (a flag or argument); reported as one line, exit code 2. */
export class UsageProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageProblem';
  }
}
