/** The terminal table: its number format (separators, no exponents, about three figures) and its cells. */
import { describe, expect, it } from 'vitest';
import { formatNumber, renderTable } from '../../src/cli/table.js';
import type { ExperimentSummary } from '../../src/experiment/summary.js';

describe('formatNumber', () => {
  it('groups thousands from 1,000 up and rounds them to whole numbers', () => {
    expect(formatNumber(1000)).toBe('1,000');
    expect(formatNumber(-4443.4)).toBe('-4,443');
    expect(formatNumber(775590622.3)).toBe('775,590,622');
  });

  it('gives hundreds whole, units with two decimals, and zero as 0.00', () => {
    expect(formatNumber(999.4)).toBe('999');
    expect(formatNumber(14.917)).toBe('14.92');
    expect(formatNumber(0)).toBe('0.00');
  });

  it('gives small numbers three significant figures without an exponent', () => {
    expect(formatNumber(0.0123456)).toBe('0.0123');
    expect(formatNumber(-0.5)).toBe('-0.500');
    expect(formatNumber(4.18e-7)).toBe('0.000000418');
  });

  it('shows a missing value as a dash', () => {
    expect(formatNumber(NaN)).toBe('-');
    expect(formatNumber(Infinity)).toBe('-');
  });
});

describe('renderTable', () => {
  it('writes control characters in names (a summary.json given to compare) as visible escapes', () => {
    const stat = { mean: 1, ciLow: 0, ciHigh: 2 };
    const summary = {
      baseline: 'base',
      scenarios: [{ name: 'base\u001b[2Jx', metrics: { m: stat }, differences: {} }],
    } as unknown as ExperimentSummary;
    const text = renderTable(summary, [['m', 'metric\r']]);
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain('\r');
    expect(text).toContain('base\\u001b[2Jx');
  });
});
