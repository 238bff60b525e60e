/**
 * `careflow list models|experiments|metrics`, --help of each command, and --version.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { metricListLine } from '../../src/cli/commands/list.js';
import { METRICS } from '../../src/model/metrics/registry.js';
import { POLICIES } from '../../src/model/policies/registry.js';
import { careflow, literal, ROOT } from './helpers.js';

describe('careflow list', () => {
  it('lists the shipped models with their descriptions', () => {
    const r = careflow(['list', 'models']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(lines.find((l) => l.startsWith('models/england-typical.yaml'))).toMatch(/^models\/england-typical\.yaml\s+A typical English system/);
    for (const line of lines) expect(line).toMatch(/^models\/\S+\.(ya?ml|json)\s+\S/);
  });

  it('lists the shipped experiments with their descriptions', () => {
    const r = careflow(['list', 'experiments']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.find((l) => l.startsWith('experiments/default.yaml'))).toMatch(/^experiments\/default\.yaml\s+Baseline against more acute beds/);
    expect(lines.some((l) => l.startsWith('experiments/baseline.yaml '))).toBe(true);
  });

  it('lists another folder with --dir', () => {
    const r = careflow(['list', 'experiments', '--dir', 'test/fixtures/experiments']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^test\/fixtures\/experiments\/small\.yaml\s+Minimal model against ten more acute beds \(test experiment\)$/m);
  });

  it('lists every metric with its meaning, one a line', () => {
    const r = careflow(['list', 'metrics']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toEqual(METRICS.map(metricListLine));
    expect(lines).toContain(
      `${'delayLengthShare.<band>'.padEnd(40)} ${METRICS.find((d) => d.name === 'delayLengthShare')?.description}; <band>: under1Day, days1to2, days2to4, days4to7, days7to14, days14to21, days21plus (share (0-1))`,
    );
  });
});

describe('careflow list policies and explain', () => {
  it('lists every policy of the registry with its summary, one a line', () => {
    const r = careflow(['list', 'policies']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(POLICIES.length);
    POLICIES.forEach((p, i) => expect(lines[i]).toMatch(new RegExp(`^${p.name} +${literal(p.summary)}$`)));
  });

  for (const policy of POLICIES) {
    it(`explains ${policy.name}: mechanism, every parameter with its default, running cost, evidence, metrics`, () => {
      const r = careflow(['explain', policy.name]);
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('');
      const text = r.stdout.replace(/\s+/g, ' ');
      expect(text.startsWith(`${policy.name}: ${policy.summary}`)).toBe(true);
      for (const heading of ['Mechanism', 'Parameters', 'Running cost', 'Evidence', 'Expected to move']) expect(r.stdout).toMatch(new RegExp(`^${heading}`, 'm'));
      for (const [name, spec] of Object.entries(policy.parameters)) {
        const shown = spec.kind === 'number' || spec.kind === 'choice' ? String(spec.default) : '';
        expect(text).toContain(`${name} = ${shown}`);
        // The allowed range, as validation checks it, is shown with the unit.
        if (spec.kind === 'number' && spec.min !== undefined && spec.max !== undefined)
          expect(text).toContain(`${name} = ${shown} ${spec.unit} (${spec.integer ? 'whole, ' : ''}${spec.min} to ${spec.max})`);
      }
      for (const e of policy.evidence) expect(text).toContain(e.replace(/\s+/g, ' '));
      for (const m of policy.moves) expect(text).toContain(m);
    });
  }

  it('rejects an unknown policy with the list of known ones and exit code 2', () => {
    const r = careflow(['explain', 'discharge-2-assess']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`careflow: explain: unknown policy "discharge-2-assess"; expected one of ${POLICIES.map((p) => p.name).join(', ')}\n`);
  });
});

describe('--help', () => {
  for (const command of ['run', 'validate', 'list', 'explain']) {
    it(`of ${command} shows its usage, options and examples`, () => {
      const r = careflow([command, '--help']);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^careflow ${command} `));
      expect(r.stdout).toContain('Options:');
      expect(r.stdout).toMatch(/\nExamples:\n {2}careflow /);
    });
  }

  it('of run lists every option of the README table', () => {
    const r = careflow(['run', '--help']);
    for (const flag of ['-r, --replications', '-s, --seed', '-w, --workers', '-o, --out', '--scenario', '-q, --quiet', '--json', '--resume']) expect(r.stdout).toContain(flag);
  });

  it('of careflow itself lists the commands', () => {
    const r = careflow(['--help']);
    expect(r.status).toBe(0);
    for (const command of ['run <experiment>', 'validate <files..>', 'list <what>']) expect(r.stdout).toContain(`careflow ${command}`);
  });

  it('--version prints the version in package.json', () => {
    const r = careflow(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
  });
});
