/**
 * `careflow validate`: good files exit 0 with one "ok" line each; each bad file exits 2 with one
 * line naming the file, the line and the field.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { careflow, fixture, FIXTURES, lineIn, literal, ROOT } from './helpers.js';

const GOOD = [
  'models/england-typical.yaml',
  'experiments/default.yaml',
  'experiments/baseline.yaml',
  'test/fixtures/models/minimal.yaml',
  'test/fixtures/experiments/small.yaml',
  'test/fixtures/experiments/precision.yaml',
];

describe('careflow validate', () => {
  it('exits 0 on good model and experiment files, with one ok line each', () => {
    const r = careflow(['validate', ...GOOD]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(GOOD.length);
    lines.forEach((line, i) => expect(line.startsWith(`ok: ${GOOD[i]} (`)).toBe(true));
    expect(lines[0]).toMatch(/^ok: models\/england-typical\.yaml \(model "englandTypical", \d+ settings\)$/);
    expect(lines[1]).toMatch(/^ok: experiments\/default\.yaml \(experiment "default", 6 scenarios, model englandTypical\)$/);
  });

  it('validates every shipped model and experiment', () => {
    const shipped = ['models', 'experiments'].flatMap((folder) => readdirSync(join(ROOT, folder)).map((f) => `${folder}/${f}`)).filter((f) => /\.(ya?ml|json)$/.test(f));
    const r = careflow(['validate', ...shipped]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  const bad: [string, string | null, string][] = [
    // [fixture, text on the reported line (null: no line), field and reason]
    ['bad-malformed.yaml', null, 'invalid YAML: '],
    ['bad-json.json', '[{', 'invalid JSON: '],
    ['bad-unknown-field.yaml', 'replicatons', 'replicatons: unknown key "replicatons"'],
    ['bad-out-of-range.yaml', 'replications: 1', 'replications: must be >= 2, got 1'],
    ['bad-warmup.yaml', 'warmupDays:', 'warmupDays: must be below horizonDays (200)'],
    ['bad-baseline.yaml', 'baseline: nope', 'baseline: unknown scenario "nope"; expected one of base'],
    ['bad-duplicate-scenario.yaml', '- name: base\n  - name: base', 'scenarios.1.name: duplicate scenario name "base"'],
    ['bad-unknown-path.yaml', 'settings.acute.capacty', 'scenarios.1.overrides.settings.acute.capacty: unknown model path'],
    ['bad-negative-capacity.yaml', 'overrides:', 'scenarios.1.overrides: scenario "negative" makes the model invalid'],
    ['bad-precision-metric.yaml', 'delayedPatientPerDay', 'precision.metrics.1: unknown metric "delayedPatientPerDay"'],
    ['bad-unknown-policy.yaml', 'policy: dischargeToAssess', 'scenarios.1.policies.0.policy: unknown policy "dischargeToAssess"'],
    ['bad-policy-parameter.yaml', 'referalReduction', 'scenarios.1.policies.0.parameters.referalReduction: unknown parameter "referalReduction"'],
    ['bad-policy-value.yaml', 'assessmentReduction', 'scenarios.1.policies.0.parameters.assessmentReduction: must be <= 1, got 1.5'],
    ['bad-policy-setting.yaml', 'reablment', 'scenarios.1.policies.0.parameters.setting: unknown setting "reablment"'],
    ['bad-horizon.yaml', 'horizonDays', 'horizonDays: each replication keeps a daily series of 3.1 GB (10000000 days x 4 settings), at most 256 MB'],
    // an experiment with its "model" field misspelt is still reported as an experiment
    ['bad-model-field.yaml', 'modle', 'modle: unknown key "modle"; allowed keys: name, description, objectives, model,'],
  ];

  it.each(bad)('exits 2 on %s with one line naming file, line and field', (name, needle, reason) => {
    const file = fixture(name);
    const r = careflow(['validate', file]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const line = needle === null ? '\\d+' : String(lineIn(file, needle) + (needle.includes('\n') ? 1 : 0));
    expect(lines[0]).toMatch(new RegExp(`^careflow: ${literal(file)}:${line}: ${literal(reason)}`));
  });

  it('warns on stderr, and still exits 0, when a policy starts after the end of the run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'careflow-validate-'));
    try {
      const file = join(dir, 'late.yaml');
      const small = readFileSync(fixture('small.yaml'), 'utf8').replace('model: ../models/minimal.yaml', `model: ${join(ROOT, 'test/fixtures/models/minimal.yaml')}`);
      writeFileSync(file, `${small}  - name: late\n    description: seven-day services after the run\n    policies: [{ policy: seven-day-services, start: 200 }]\n`);
      const r = careflow(['validate', file]);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^ok: .*late\.yaml \(experiment "small", 3 scenarios/);
      expect(r.stderr).toBe(
        `careflow: warning: ${file}: scenario "late": policy "seven-day-services" starts on day 200, at or after the end of the run (horizonDays 200), so it changes nothing\n`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 on a missing file and on a missing model file', () => {
    const missing = careflow(['validate', fixture('no-such-file.yaml')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(`careflow: ${fixture('no-such-file.yaml')}: cannot read: no such file\n`);
    const model = careflow(['validate', fixture('bad-missing-model.yaml')]);
    expect(model.status).toBe(2);
    expect(model.stderr).toMatch(/^careflow: .*no-such-model\.yaml: cannot read: no such file\n$/);
  });

  it('checks every file given, reporting each bad one, and exits 2 if any is bad', () => {
    const files = [fixture('small.yaml'), fixture('bad-out-of-range.yaml'), fixture('precision.yaml'), fixture('bad-unknown-field.yaml')];
    const r = careflow(['validate', ...files]);
    expect(r.status).toBe(2);
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      `ok: ${files[0]} (experiment "small", 2 scenarios, model minimal)`,
      `ok: ${files[2]} (experiment "precision", 1 scenario, model minimal)`,
    ]);
    const errors = r.stderr.trimEnd().split('\n');
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain('bad-out-of-range.yaml');
    expect(errors[1]).toContain('bad-unknown-field.yaml');
  });

  it('has a fixture for every bad case', () => {
    const fixtures = readdirSync(FIXTURES).filter((f) => f.startsWith('bad-'));
    const covered = new Set([...bad.map(([f]) => f), 'bad-missing-model.yaml']);
    expect(fixtures.filter((f) => !covered.has(f))).toEqual([]);
  });
});
