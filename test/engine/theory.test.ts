import { describe, expect, it } from 'vitest';
import { erlangB, erlangC, mmcTheory } from '../../src/engine/theory/erlang.js';
import { studentTCdf, studentTQuantile, tCriticalValue } from '../../src/engine/theory/student-t.js';

describe('Erlang formulas', () => {
  it('match textbook values', () => {
    // M/M/1: P(wait) = rho; Wq = rho / (mu - lambda).
    expect(erlangC(0.8, 1)).toBeCloseTo(0.8, 14);
    expect(mmcTheory(0.8, 1, 1).meanWait).toBeCloseTo(4, 12);
    // Erlang B for a = 1, c = 1 is 1/2; for a = 2, c = 2 it is 2/5.
    expect(erlangB(1, 1)).toBeCloseTo(0.5, 14);
    expect(erlangB(2, 2)).toBeCloseTo(0.4, 14);
    // M/M/2 with a = 1: C = 1/3, Wq = C / (2 mu - lambda) = 1/3.
    expect(erlangC(1, 2)).toBeCloseTo(1 / 3, 14);
    expect(() => mmcTheory(3, 1, 3)).toThrow(/unstable/);
  });
});

describe("Student's t", () => {
  it('reproduces published critical values', () => {
    // Two-sided 95% critical values from standard tables.
    expect(tCriticalValue(0.95, 1)).toBeCloseTo(12.7062, 3);
    expect(tCriticalValue(0.95, 9)).toBeCloseTo(2.2622, 4);
    expect(tCriticalValue(0.99, 19)).toBeCloseTo(2.8609, 4);
    expect(tCriticalValue(0.95, 1e6)).toBeCloseTo(1.95996, 4);
  });

  it('CDF and quantile are inverse and symmetric', () => {
    for (const df of [1, 2.5, 7, 30, 200]) {
      for (const p of [0.001, 0.05, 0.3, 0.5, 0.8, 0.999]) {
        expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 12);
      }
      expect(studentTQuantile(0.1, df)).toBeCloseTo(-studentTQuantile(0.9, df), 12);
    }
  });
});
