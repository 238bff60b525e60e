/**
 * Bad input to `careflow run` (and the command line itself): exit code 2, one line on stderr
 * naming the file and line and field, or the flag, and no results folder left behind.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { careflow, fixture, FIXTURES, lineIn, literal, tempDir } from './helpers.js';

const root = tempDir('bad');
const SMALL = fixture('small.yaml');

/** [what, arguments after "run" (without --out), pattern of the one error line]. */
function runCases(): [string, string[], RegExp][] {
  const at = (name: string, needle: string): string => literal(`${fixture(name)}:${lineIn(fixture(name), needle)}: `);
  return [
    ['a missing experiment file', [fixture('no-such-file.yaml')], new RegExp(`^careflow: ${literal(fixture('no-such-file.yaml'))}: cannot read: no such file$`)],
    ['a missing model file', [fixture('bad-missing-model.yaml')], /^careflow: .*no-such-model\.yaml: cannot read: no such file$/],
    ['malformed YAML', [fixture('bad-malformed.yaml')], new RegExp(`^careflow: ${literal(fixture('bad-malformed.yaml'))}:\\d+: invalid YAML: `)],
    ['malformed JSON', [fixture('bad-json.json')], new RegExp(`^careflow: ${at('bad-json.json', '[{')}invalid JSON: `)],
    [
      'an unknown field',
      [fixture('bad-unknown-field.yaml')],
      new RegExp(`^careflow: ${at('bad-unknown-field.yaml', 'replicatons')}replicatons: unknown key "replicatons" \\(did you mean "replications"\\?\\)`),
    ],
    ['an out-of-range value', [fixture('bad-out-of-range.yaml')], new RegExp(`^careflow: ${at('bad-out-of-range.yaml', 'replications: 1')}replications: must be >= 2, got 1$`)],
    ['a warm-up as long as the run', [fixture('bad-warmup.yaml')], new RegExp(`^careflow: ${at('bad-warmup.yaml', 'warmupDays:')}warmupDays: must be below horizonDays \\(200\\)$`)],
    [
      'an unknown override path',
      [fixture('bad-unknown-path.yaml')],
      new RegExp(`^careflow: ${at('bad-unknown-path.yaml', 'settings.acute.capacty')}scenarios\\.1\\.overrides\\.settings\\.acute\\.capacty: unknown model path`),
    ],
    [
      'an override making the model invalid',
      [fixture('bad-negative-capacity.yaml')],
      new RegExp(`^careflow: ${at('bad-negative-capacity.yaml', 'overrides:')}scenarios\\.1\\.overrides: scenario "negative" makes the model invalid at settings\\.reablement\\.capacity`),
    ],
    [
      'an unknown policy',
      [fixture('bad-unknown-policy.yaml')],
      new RegExp(
        `^careflow: ${at('bad-unknown-policy.yaml', 'policy: dischargeToAssess')}scenarios\\.1\\.policies\\.0\\.policy: unknown policy "dischargeToAssess"; expected one of discharge-to-assess, `,
      ),
    ],
    [
      'an unknown policy parameter',
      [fixture('bad-policy-parameter.yaml')],
      new RegExp(
        `^careflow: ${at('bad-policy-parameter.yaml', 'referalReduction')}scenarios\\.1\\.policies\\.0\\.parameters\\.referalReduction: unknown parameter "referalReduction" of integrated-discharge-team \\(did you mean "referralReduction"\\?\\); expected referralReduction, repeatReduction$`,
      ),
    ],
    [
      'a policy parameter out of range',
      [fixture('bad-policy-value.yaml')],
      new RegExp(`^careflow: ${at('bad-policy-value.yaml', 'assessmentReduction')}scenarios\\.1\\.policies\\.0\\.parameters\\.assessmentReduction: must be <= 1, got 1\\.5$`),
    ],
    [
      'a policy naming an unknown setting',
      [fixture('bad-policy-setting.yaml')],
      new RegExp(
        `^careflow: ${at('bad-policy-setting.yaml', 'reablment')}scenarios\\.1\\.policies\\.0\\.parameters\\.setting: unknown setting "reablment"; expected one of acute, reablement, stepDown, careHome$`,
      ),
    ],
    [
      'an unknown precision metric',
      [fixture('bad-precision-metric.yaml')],
      new RegExp(`^careflow: ${at('bad-precision-metric.yaml', 'delayedPatientPerDay')}precision\\.metrics\\.1: unknown metric "delayedPatientPerDay"`),
    ],
    ['an unknown scenario name', [SMALL, '--scenario', 'nope'], /^careflow: --scenario: unknown scenario "nope"; expected one of base, moreBeds$/],
    ['--workers 0', [SMALL, '--workers', '0'], /^careflow: --workers: expected a whole number >= 1, got 0$/],
    ['--workers 1.5', [SMALL, '-w', '1.5'], /^careflow: --workers: expected a whole number >= 1, got 1\.5$/],
    ['--replications 1', [SMALL, '--replications', '1'], /^careflow: --replications: expected a whole number >= 2, got 1$/],
    ['--replications not a number', [SMALL, '-r', 'many'], /^careflow: --replications: expected a number, got "many"$/],
    ['--workers not a number, by its alias', [SMALL, '-w', 'abc'], /^careflow: --workers: expected a number, got "abc"$/],
    ['--out given twice', [SMALL, '-o', join(root, 'elsewhere')], /^careflow: --out: given more than once \(.*elsewhere, .*out\); give it once$/],
    ['--seed given twice', [SMALL, '-s', '1', '--seed', '2'], /^careflow: --seed: given more than once \(1, 2\); give it once$/],
    ['an empty --seed', [SMALL, '--seed', ''], /^careflow: --seed: expected a whole number or text, got nothing$/],
    ['--seed without a value', [SMALL, '--seed'], /^careflow: --seed: expected a whole number or text, got nothing$/],
    ['an unknown flag', [SMALL, '--frobnicate'], /^careflow: Unknown argument: frobnicate \(see careflow --help\)$/],
    ['--set with an unknown model path', [SMALL, '--set', 'settings.acute.capasity=5'], /^careflow: --set settings\.acute\.capasity: unknown model path "settings\.acute\.capasity"/],
    ['--set making the model invalid', [SMALL, '--set', 'settings.acute.capacity=-5'], /^careflow: --set makes the model invalid at settings\.acute\.capacity: /],
    ['--set without a value', [SMALL, '--set', 'settings.acute.capacity'], /^careflow: --set: expected path=value /],
    [
      '--set with a __proto__ key (was dropped silently)',
      [SMALL, '--set', 'settings.acute.capacity={__proto__: 1}'],
      /^careflow: --set settings\.acute\.capacity: "\{__proto__: 1\}" is not a valid YAML list or mapping: "__proto__" cannot be used as a name or key /,
    ],
    [
      '--set with one path twice',
      [SMALL, '--set', 'settings.acute.capacity=90', '--set', 'settings.acute.capacity=91'],
      /^careflow: --set settings\.acute\.capacity: given twice; give each path once$/,
    ],
    ['--resume with nothing to resume', [SMALL, '--resume'], /^careflow: --resume: nothing to resume: .*out\.partial\.jsonl does not exist$/],
    ['no experiment file', [], /^careflow: Not enough non-option arguments: got 0, need at least 1 \(see careflow --help\)$/],
  ];
}

/** Checks the outcome of a bad input: code 2, nothing on stdout, one line on stderr. */
function expectOneLine(r: { status: number | null; stdout: string; stderr: string }, pattern: RegExp, what: string): void {
  expect(r.status, `${what}: ${r.stderr}`).toBe(2);
  expect(r.stdout, what).toBe('');
  const lines = r.stderr.split('\n');
  expect(lines, what).toHaveLength(2); // one line and its newline
  expect(lines[1], what).toBe('');
  expect(lines[0], what).toMatch(pattern);
}

describe('careflow run with bad input', () => {
  it.each(runCases().map((c, i) => [c[0], i] as const))('exits 2 with one line for %s, leaving no results folder', (what, i) => {
    const [, args, pattern] = runCases()[i];
    const parent = join(root, `case-${i}`);
    mkdirSync(parent);
    const r = careflow(['run', ...args, '--out', join(parent, 'out')]);
    expectOneLine(r, pattern, what);
    expect(readdirSync(parent), what).toEqual([]); // no folder, no temp folder, no checkpoint
  });

  it('exits 2 when --out already exists, leaving it as it was', () => {
    const out = join(root, 'exists');
    mkdirSync(out);
    writeFileSync(join(out, 'mine.txt'), 'keep');
    const r = careflow(['run', SMALL, '--out', out, '-w', '1']);
    expectOneLine(r, new RegExp(`^careflow: --out: ${literal(out)} already exists; choose a new folder$`), '--out exists');
    expect(readdirSync(out)).toEqual(['mine.txt']);
    expect(readdirSync(root).filter((f) => f.startsWith('exists'))).toEqual(['exists']);
  });

  it('exits 2 when --resume finds the checkpoint of a careflow without code hashes, or of other code', () => {
    const parent = join(root, 'other-checkpoint');
    mkdirSync(parent);
    const out = join(parent, 'out');
    writeFileSync(`${out}.partial.jsonl`, '{"experimentHash":"0000000000000000"}\n');
    const r = careflow(['run', SMALL, '--out', out, '-w', '1', '--resume']);
    expectOneLine(
      r,
      new RegExp(
        `^careflow: cannot resume from ${literal(out)}\\.partial\\.jsonl: it was written by a careflow without code hashes, so which code computed its replications is unknown; run again without --resume into a new --out$`,
      ),
      'old checkpoint',
    );
    writeFileSync(`${out}.partial.jsonl`, '{"checkpoint":2,"experimentHash":"0000000000000000","seed":11,"codeHash":"00000000000000ff"}\n');
    const other = careflow(['run', SMALL, '--out', out, '-w', '1', '--resume']);
    expectOneLine(other, new RegExp(`: it was written by other code \\(code 00000000000000ff; this is code [0-9a-f]{16}\\), whose replications may differ`), 'other code');
    expect(readdirSync(parent)).toEqual(['out.partial.jsonl']); // untouched, and no lock left
  });
});

describe('careflow run and validate with hostile files (issue 18)', () => {
  const hostile = join(root, 'hostile');
  mkdirSync(hostile);
  const model = join(FIXTURES, '../models/minimal.yaml');
  const write = (name: string, text: string): string => {
    writeFileSync(join(hostile, name), text);
    return join(hostile, name);
  };
  const deep = write('deep.json', `${'['.repeat(20_000)}${']'.repeat(20_000)}`);
  const long = `s${'x'.repeat(299)}`;
  const longName = write('long.yaml', `name: long\nmodel: ${model}\nhorizonDays: 100\nscenarios:\n  - name: base\n  - name: ${long}\n`);
  const cases: [string, string[], RegExp][] = [
    [
      'run of a JSON file nested 20,000 levels (was a native crash, exit 134)',
      ['run', deep, '--out', join(hostile, 'o1')],
      /^careflow: .*deep\.json:1: nested too deeply: more than 32 levels/,
    ],
    ['validate of the same file', ['validate', deep], /^careflow: .*deep\.json:1: nested too deeply: /],
    [
      'run --trace with a 300-character scenario name (failed after the whole run)',
      ['run', longName, '--trace', '-w', '1', '--out', join(hostile, 'o2')],
      /^careflow: .*long\.yaml:6: scenarios\.1\.name: must have at most 64 characters, got 300$/,
    ],
  ];
  it.each(cases)('exits 2 with one line for %s', (what, args, pattern) => {
    expectOneLine(careflow(args, root), pattern, what);
    expect(readdirSync(hostile).sort(), what).toEqual(['deep.json', 'long.yaml']);
  });
});

describe('the command line with bad input', () => {
  const cases: [string, string[], RegExp][] = [
    ['an unknown command', ['frob'], /^careflow: unknown command "frob"; did you mean run\? \(see careflow --help\)$/],
    ['an unknown command with no near match', ['xyzzyplugh'], /^careflow: Unknown argument: xyzzyplugh \(see careflow --help\)$/],
    ['no command', [], /^careflow: name a command: .*run.*validate.*list.* \(see careflow --help\)$/],
    ['an unknown flag of list', ['list', 'models', '--frobnicate'], /^careflow: Unknown argument: frobnicate \(see careflow --help\)$/],
    ['an unknown list', ['list', 'nope'], /^careflow: Invalid values: Argument: what, Given: "nope", Choices: "models", "experiments", "metrics", "policies" \(see careflow --help\)$/],
    ['validate with no file', ['validate'], /^careflow: Not enough non-option arguments: got 0, need at least 1 \(see careflow --help\)$/],
    [
      'sweep with --scenario',
      ['sweep', SMALL, '-v', 'settings.acute.capacity=100', '--scenario', 'base'],
      /^careflow: --scenario: not used by sweep, which varies one scenario: name it with --base$/,
    ],
    ['sweep with a value given twice', ['sweep', SMALL, '-v', 'settings.acute.capacity=100,100'], /^careflow: --vary settings\.acute\.capacity: the value 100 is given twice$/],
    ['report --out given twice', ['report', root, '-o', 'a.html', '-o', 'b.html'], /^careflow: --out: given more than once \(a\.html, b\.html\); give it once$/],
  ];
  it.each(cases)('exits 2 with one line for %s', (what, args, pattern) => {
    expectOneLine(careflow(args, root), pattern, what);
  });
});
