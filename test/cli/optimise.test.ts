/** `careflow optimise`: the table, the results folder, and bad flags refused in one line. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { careflow, ROOT, tempDir } from './helpers.js';

const root = tempDir('optimise');
const STROKE = join(ROOT, 'experiments/stroke-unit.yaml');
const ARGS = ['optimise', STROKE, '-v', 'settings.acute.capacity=11,12,13,14', '-t', 'diversionShare<=0.05', '--objective', 'acuteBeds', '-w', '1'];

describe('careflow optimise', () => {
  it('prints each look, the candidates and the choice, and writes optimise.json and candidates.csv', () => {
    const out = join(root, 'stroke');
    const r = careflow([...ARGS, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^optimise: look 1: 5 replications, \d of 4 candidates still in contention$/m);
    expect(r.stdout).toMatch(/^cheapest meeting every target: settings\.acute\.capacity=13; chance of any wrong decision at most 0\.05/m);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(`results: ${out}`);
    expect(readdirSync(out).sort()).toEqual(['candidates.csv', 'optimise.json']);
    const record = JSON.parse(readFileSync(join(out, 'optimise.json'), 'utf8'));
    expect(record.result.selectedScenario).toBe('settings.acute.capacity=13');
    expect(record.targets).toEqual(['diversionShare <= 0.05']);
    const csv = readFileSync(join(out, 'candidates.csv'), 'utf8').trimEnd().split('\n');
    expect(csv[0]).toBe('scenario,status,replications,acuteBeds.mean,acuteBeds.lower,acuteBeds.upper,diversionShare.mean,diversionShare.verdict,reason');
    expect(csv.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual([
      'settings.acute.capacity=11,missesTarget',
      'settings.acute.capacity=12,missesTarget',
      'settings.acute.capacity=13,selected',
      'settings.acute.capacity=14,costlier',
    ]);
  });

  it.each([
    [['-t', 'diversionShare<0.05'], `careflow: --target: expected 'metric<=value' or 'metric>=value', got "diversionShare<0.05"`],
    [['-t', 'lostShare<=0.05'], 'careflow: unknown metric "lostShare" for model strokeUnit; see careflow list metrics'],
    [['-t', 'diversionShare<=0.05', '--alpha', '0.7'], 'careflow: --alpha: expected a number between 0 and 0.5, got 0.7'],
    [['-t', 'diversionShare<=0.05', '-r', '2'], 'careflow: --replications: expected a whole number >= 3, got 2'],
  ])('refuses %j in one line, writing nothing', (extra, message) => {
    const out = join(root, `bad-${extra.join('')}`.replace(/[^\w-]/g, '_'));
    const r = careflow(['optimise', STROKE, '-v', 'settings.acute.capacity=11,12', ...extra, '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${message}\n`);
    expect(readdirSync(root)).not.toContain(out.split('/').at(-1));
  });
});
