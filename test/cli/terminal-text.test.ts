/**
 * Control characters and terminal escape sequences in files and arguments never reach the
 * terminal raw (issue 18, finding 10): `list`, `validate`, error lines and the run table write
 * them as visible `\u001b` escapes.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { terminalLine, terminalSafe } from '../../src/cli/terminal-text.js';
import { careflow, FIXTURES, tempDir } from './helpers.js';

const root = tempDir('terminal');
const ESC = '\u001b';
/** Clears the screen, then writes red text: what a hostile description would do. */
const HOSTILE = `${ESC}[2J${ESC}[31mred\rover\u202eright`;

describe('terminalSafe and terminalLine', () => {
  it('escape control characters, keeping tabs (and newlines, unless on one line)', () => {
    expect(terminalSafe(HOSTILE)).toBe('\\u001b[2J\\u001b[31mred\\u000dover\\u202eright');
    expect(terminalSafe('a\tb\nc')).toBe('a\tb\nc');
    expect(terminalLine('a\tb\nc\u0085')).toBe('a\tb\\u000ac\\u0085');
    expect(terminalLine('plain text, £ and é')).toBe('plain text, £ and é');
  });
});

describe('the command line with control characters in files', () => {
  const models = join(root, 'models');
  mkdirSync(models);
  const minimal = readFileSync(join(FIXTURES, '../models/minimal.yaml'), 'utf8');
  writeFileSync(join(models, 'hostile.yaml'), minimal.replace(/^description: .*$/m, `description: ${JSON.stringify(HOSTILE)}`));
  const experiment = join(root, 'hostile-experiment.yaml');
  writeFileSync(
    experiment,
    `name: hostile\nmodel: ${join(FIXTURES, '../models/minimal.yaml')}\nhorizonDays: 100\nscenarios:\n  - name: base\n    policies:\n      - policy: ${JSON.stringify(`x${HOSTILE}`)}\n`,
  );

  it('list prints a description with its escapes visible', () => {
    const r = careflow(['list', 'models', '--dir', models]);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain(ESC);
    expect(r.stdout).not.toContain('\r');
    expect(r.stdout).toContain('\\u001b[2J\\u001b[31mred');
  });

  it('validate and run name a hostile value without sending its escape sequence', () => {
    for (const args of [
      ['validate', experiment],
      ['run', experiment, '--out', join(root, 'out')],
    ]) {
      const r = careflow(args);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).not.toContain(ESC);
      expect(r.stderr).toMatch(/unknown policy "x\\u001b\[2J\\u001b\[31mred\\u000dover\\u202eright"/);
      expect(r.stderr.split('\n')).toHaveLength(2);
    }
  });
});
