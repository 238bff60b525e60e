/**
 * `careflow compare <dir>`: the table of a finished run against its baseline or another
 * scenario, with the metrics asked for (several after one -m, or -m given again).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { careflow, fixture, tempDir } from './helpers.js';

const results = join(tempDir('compare'), 'run');

describe('careflow compare', () => {
  beforeAll(() => {
    expect(careflow(['run', fixture('small.yaml'), '-r', '2', '-w', '1', '-q', '--out', results]).status).toBe(0);
  });

  /** The metric names in the first column of a printed table (after its header). */
  const metricsOf = (stdout: string): string[] => [
    ...new Set(
      stdout
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((l) => l.split(/\s+/)[0])
        .filter((m) => m !== ''),
    ),
  ];

  it('shows the metrics named after one -m, or with -m given again, against another scenario', () => {
    for (const args of [
      ['-m', 'costTotal', 'delayedBedDays'],
      ['--metric', 'costTotal', '--metric', 'delayedBedDays'],
    ]) {
      const r = careflow(['compare', results, '-b', 'moreBeds', ...args]);
      expect(r.stderr, args.join(' ')).toBe('');
      expect(r.status).toBe(0);
      expect(metricsOf(r.stdout)).toEqual(['costTotal', 'delayedBedDays']);
      expect(r.stdout).toMatch(/vs moreBeds/);
    }
  });

  it('rejects an unknown metric and a baseline given twice, on one line with exit code 2', () => {
    const unknown = careflow(['compare', results, '-m', 'costTotl']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^careflow: --metric: unknown metric "costTotl"; see careflow list metrics/);
    const twice = careflow(['compare', results, '-b', 'base', '-b', 'moreBeds']);
    expect(twice.status).toBe(2);
    expect(twice.stderr).toBe('careflow: --baseline: given more than once (base, moreBeds); give it once\n');
  });
});
