/**
 * `careflow run`: the results folder, what is printed, the flags, the default folder, and
 * Ctrl-C then --resume.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { careflow, ENV, fixture, MAIN, ROOT, tempDir, type Outcome } from './helpers.js';

const root = tempDir('run');
const SMALL = fixture('small.yaml');
const FILES = ['daily-reasons.csv', 'daily.csv', 'manifest.json', 'replications.csv', 'summary.csv', 'summary.json'];
const summaryOf = (dir: string): string => readFileSync(join(dir, 'summary.json'), 'utf8');

describe('careflow run', () => {
  const plain = join(root, 'plain');
  let r: Outcome;
  beforeAll(() => {
    r = careflow(['run', SMALL, '--out', plain, '-w', '1']);
  });

  it('writes the results folder and prints the table, the warm-up hint and "results: <dir>"', () => {
    const out = plain;
    expect(r.stderr).not.toMatch(/careflow:/);
    expect(r.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(FILES);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toBe(`results: ${out}`);
    expect(r.stdout).toMatch(/^metric\s+scenario\s+mean\s+95% CI\s+vs base\s+95% CI of difference$/m);
    expect(r.stdout).toMatch(/^delayed patients\/day\s+moreBeds\s/m);
    // Every setting is tried: the care homes' long stays fill slowest in this model.
    expect(r.stdout).toMatch(/^warm-up: MSER-5 suggests \d+ days from mean (acute occupancy|\w+ occupancy \(acute alone: \d+\)); this run used 50$/m);
    // progress goes to stderr as plain lines when it is not a terminal
    expect(r.stderr).toMatch(/^small: 8\/8 replications/m);
  });

  it('warns on stderr, and still runs, when a policy starts after the end of the run', () => {
    const file = join(root, 'late-policy.yaml');
    const small = readFileSync(SMALL, 'utf8').replace('model: ../models/minimal.yaml', `model: ${join(ROOT, 'test/fixtures/models/minimal.yaml')}`);
    writeFileSync(file, `${small}  - name: late\n    description: seven-day services after the run\n    policies: [{ policy: seven-day-services, start: 250 }]\n`);
    const late = careflow(['run', file, '--out', join(root, 'late'), '-w', '1', '-q']);
    expect(late.status).toBe(0);
    expect(late.stderr.trim()).toBe(
      'careflow: warning: scenario "late": policy "seven-day-services" starts on day 250, at or after the end of the run (horizonDays 200), so it changes nothing',
    );
  });

  it('writes one journey trace per scenario with --trace, and nothing beside the folder', () => {
    const parent = join(root, 'traced');
    const out = join(parent, 'out');
    const r = careflow(['run', SMALL, '--out', out, '-w', '2', '-q', '--trace']);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual([...FILES, 'trace-base.csv', 'trace-moreBeds.csv'].sort());
    expect(readdirSync(parent)).toEqual(['out']);
    const trace = readFileSync(join(out, 'trace-base.csv'), 'utf8').split('\n');
    expect(trace[0]).toBe('time,day,person,episode,event,setting,detail');
    expect(trace.some((l) => l.split(',')[4] === 'admitted')).toBe(true);
  });

  it('changes a model value for every scenario with --set, and records it in the manifest', () => {
    const out = join(root, 'set');
    const r = careflow(['run', SMALL, '--out', out, '-w', '1', '-q', '--set', 'settings.acute.capacity=7']);
    expect(r.status, r.stderr).toBe(0);
    const summary = JSON.parse(summaryOf(out)) as { scenarios: { name: string; metrics: Record<string, { mean: number }> }[] };
    expect(summary.scenarios[0].metrics.acuteBeds.mean).toBe(7);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { model: { settings: { acute: { capacity: number } } }; set: unknown };
    expect(manifest.model.settings.acute.capacity).toBe(7);
    expect(manifest.set).toEqual([{ path: 'settings.acute.capacity', value: 7, was: 120 }]);
    // Seven beds cannot take the base's admissions (moreBeds overrides them to 130): with
    // --quiet the only line is the saturation warning, which summary.json records too.
    expect(r.stderr).toMatch(
      /^careflow: warning: scenario "base": acute saturated: full at 100% of midnights \(people wait to be admitted\), queue growing by [\d,]+ people a year \(95% CI [\d,]+ to [\d,]+; mean queue [\d,]+\); it cannot keep up, or the warm-up is too short: the results describe a run-up, not a steady state\n$/,
    );
    const saturation = (JSON.parse(summaryOf(out)) as { saturation: { scenario: string; setting: string; full: boolean; growing: boolean }[] }).saturation;
    expect(saturation.map(({ scenario, setting, full, growing }) => ({ scenario, setting, full, growing }))).toEqual([{ scenario: 'base', setting: 'acute', full: true, growing: true }]);
    const loud = careflow(['run', SMALL, '--out', join(root, 'set-loud'), '-w', '1', '--set', 'settings.acute.capacity=7']);
    expect(loud.stderr).toContain('careflow: --set for every scenario: settings.acute.capacity = 7 (was 120)\n');
  });

  it('prints only "results: <dir>" with --quiet', () => {
    const out = join(root, 'quiet');
    const r = careflow(['run', SMALL, '--out', out, '-w', '1', '-q']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`results: ${out}\n`);
    expect(r.stderr).toBe('');
  });

  it('prints summary.json, and nothing else, on stdout with --json', () => {
    const out = join(root, 'json');
    const r = careflow(['run', SMALL, '--out', out, '-w', '1', '--json']);
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.experiment).toBe('small');
    expect(summary.scenarios.map((s: { name: string }) => s.name)).toEqual(['base', 'moreBeds']);
    expect(r.stdout).toBe(summaryOf(out));
  });

  it('takes --replications, --seed, --scenario and --workers from the command line', () => {
    const out = join(root, 'flags');
    const r = careflow(['run', SMALL, '-o', out, '-r', '2', '-s', '7', '-w', '2', '--scenario', 'base', '--json', '-q']);
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ replications: 2, seed: 7, baseline: 'base' });
    expect(summary.scenarios.map((s: { name: string }) => s.name)).toEqual(['base']);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))).toMatchObject({ workers: 2, replications: 2, seed: 7 });
    // a text seed stays text
    const text = careflow(['run', SMALL, '-o', join(root, 'text-seed'), '-r', '2', '-s', 'winter', '-w', '1', '--json']);
    expect(JSON.parse(text.stdout).seed).toBe('winter');
  });

  it('keeps the baseline when --scenario names another scenario', () => {
    const r = careflow(['run', SMALL, '-o', join(root, 'only'), '-r', '2', '-w', '1', '--scenario', 'moreBeds', '--json']);
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.scenarios.map((s: { name: string }) => s.name)).toEqual(['base', 'moreBeds']);
    expect(summary.baseline).toBe('base');
  });

  it('writes the same summary.json with one worker and with two', () => {
    const b = join(root, 'w2');
    expect(careflow(['run', SMALL, '-o', b, '-w', '2', '-q']).status).toBe(0);
    expect(summaryOf(b) === summaryOf(plain)).toBe(true);
  });

  it('writes to results/<experiment>/<date-time> under the working folder by default', () => {
    const cwd = tempDir('cwd');
    const r = careflow(['run', SMALL, '-r', '2', '-w', '1', '-q'], cwd);
    expect(r.status).toBe(0);
    const m = /^results: (results\/small\/\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d)\n$/.exec(r.stdout);
    expect(m, r.stdout).not.toBeNull();
    expect(readdirSync(join(cwd, m![1])).sort()).toEqual(FILES);
  });

  it('stops on Ctrl-C keeping finished replications, and --resume finishes with the same summary', async () => {
    const reference = join(root, 'uninterrupted');
    expect(careflow(['run', SMALL, '-o', reference, '-r', '60', '-w', '1', '-q']).status).toBe(0);

    const out = join(root, 'interrupted');
    const child = spawn(process.execPath, [MAIN, 'run', SMALL, '-o', out, '-r', '60', '-w', '1'], { cwd: ROOT, env: ENV });
    let stderr = '';
    let signalled = false;
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      // the first progress line after some replications finished: press Ctrl-C
      if (!signalled && /small: [1-9]\d*\/120 replications/.test(stderr)) {
        signalled = true;
        child.kill('SIGINT');
      }
    });
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(signalled).toBe(true);
    expect(status).toBe(1);
    expect(stderr).toContain('careflow: stopping after the replications under way');
    const kept = /careflow: interrupted; (\d+) finished replications kept in (.*\.partial\.jsonl)\n/.exec(stderr);
    expect(kept, stderr).not.toBeNull();
    expect(Number(kept![1])).toBeGreaterThan(0);
    expect(Number(kept![1])).toBeLessThan(120);
    expect(kept![2]).toBe(`${out}.partial.jsonl`);
    // The hint repeats the whole command line (so -r 60 is not lost) and adds --resume.
    const hint = /careflow: to finish: careflow (.*)\n/.exec(stderr);
    expect(hint?.[1]).toBe(`run ${SMALL} -o ${out} -r 60 -w 1 --resume`);
    expect(existsSync(out)).toBe(false);

    const resumed = careflow([...(hint as RegExpExecArray)[1].split(' '), '-q']);
    expect(resumed.status).toBe(0);
    expect(resumed.stdout).toBe(`results: ${out}\n`);
    expect(summaryOf(out) === summaryOf(reference)).toBe(true);
    expect(existsSync(`${out}.partial.jsonl`)).toBe(false);
  });
});
