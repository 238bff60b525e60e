/**
 * Flexible beds: a pool of beds moves between acute and step-down use as the queues need.
 *
 * Every number in these models is a test value chosen to exercise the mechanism.
 */
import { describe, expect, it } from 'vitest';
import { baseModel, metric } from '../support.js';
import { expectDirection, pairedRuns, sharedPolicyTests, withPolicy } from './support.js';

/**
 * Acute care needs 20 a day x 4 days = 80 beds on average but has 76 (10 of them pooled): its
 * queue grows. Step-down needs 4 a day x 15 days = 60 and has 100 (10 pooled). With the pool
 * acute care can have up to 86 beds.
 */
const PATCH = { settings: { acute: { capacity: 76 }, stepDown: { capacity: 100 } } };
const WINDOW = { horizonDays: 100, warmupDays: 20 };

sharedPolicyTests('flexible-beds', PATCH);

describe('flexible-beds: direction', () => {
  const runs = pairedRuns(baseModel(PATCH), withPolicy(PATCH, 'flexible-beds'), 10, WINDOW);

  it('moves the wait for an acute bed down', () => {
    expectDirection(runs.diff('meanAdmissionWaitDays'), 'down', 'meanAdmissionWaitDays');
    for (const r of runs.base) expect(metric(r, 'meanAdmissionWaitDays')).toBeGreaterThan(0);
  });

  it('moves no more beds than the pool: acute care averages at most 76 + 10 beds', () => {
    for (const r of runs.scenario) {
      expect(metric(r, 'acuteBeds')).toBeGreaterThan(76);
      expect(metric(r, 'acuteBeds')).toBeLessThanOrEqual(86);
    }
  });

  it('with the pool all on the step-down side and no step-down queue, acute care still gains its beds', () => {
    const r = pairedRuns(baseModel(PATCH), withPolicy(PATCH, 'flexible-beds', { beds: 10, fromAcute: 0 }), 5, WINDOW);
    expectDirection(r.diff('meanAdmissionWaitDays'), 'down', 'meanAdmissionWaitDays');
  });
});
