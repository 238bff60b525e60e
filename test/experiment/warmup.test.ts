/**
 * The warm-up suggestion: MSER-5 on every setting's occupancy, the slowest setting named, and
 * only the days before the first policy starts.
 */
import { describe, expect, it } from 'vitest';
import { describeWarmup, firstPolicyDay, warmupSuggestion } from '../../src/experiment/warmup.js';
import { mser5 } from '../../src/experiment/statistics.js';

const DAYS = 600;
/** A series that rises from `from` to `to` over `rampDays`, then stays there with a small alternation. */
function settling(from: number, to: number, rampDays: number, step?: { day: number; by: number }): number[] {
  return Array.from({ length: DAYS }, (_, d) => (d < rampDays ? from + ((to - from) * d) / rampDays : to) + (d % 2 === 0 ? 0.5 : -0.5) + (step && d >= step.day ? step.by : 0));
}

describe('warmupSuggestion', () => {
  const acute = settling(0, 800, 20);
  const careHome = settling(2000, 2700, 150);

  it('takes the longest suggestion of any setting and names it', () => {
    const s = warmupSuggestion(['acute', 'careHome'], 'acute', [acute, careHome], null);
    expect(s).toEqual({ days: mser5(careHome), setting: 'careHome', acute: 'acute', acuteDays: mser5(acute), cutAt: null, atLimit: false });
    expect(mser5(careHome)).toBeGreaterThan(mser5(acute));
    expect(mser5(careHome)).toBeGreaterThanOrEqual(145);
    expect(describeWarmup(s!)).toBe(`MSER-5 suggests ${mser5(careHome)} days from mean careHome occupancy (acute alone: ${mser5(acute)})`);
  });

  it('reads only the days before the first policy starts, which would otherwise look like a warm-up', () => {
    // A policy from day 200 lowers acute occupancy by 100: a new level that MSER-5, given the
    // whole series, takes the run-up to be.
    const withPolicy = settling(0, 800, 20, { day: 200, by: -100 });
    const whole = warmupSuggestion(['acute'], 'acute', [withPolicy], null);
    expect(whole!.days).toBeGreaterThanOrEqual(200);
    const cut = warmupSuggestion(['acute'], 'acute', [withPolicy], 200);
    expect(cut).toEqual({ days: mser5(withPolicy.slice(0, 200)), setting: 'acute', acute: 'acute', acuteDays: mser5(withPolicy.slice(0, 200)), cutAt: 200, atLimit: false });
    expect(cut!.days).toBeLessThan(40);
    expect(describeWarmup(cut!)).toMatch(/^MSER-5 suggests \d+ days from mean acute occupancy on days 0-199, before the first policy starts$/);
    // A policy from day 0 is part of the system from the start: the series is used whole.
    expect(warmupSuggestion(['acute'], 'acute', [acute], 0)!.cutAt).toBeNull();
  });

  it('says when the suggestion is the most MSER-5 can give, as for a stock that drifts all run', () => {
    const drifting = Array.from({ length: DAYS }, (_, d) => 1000 + d + (d % 2 === 0 ? 0.5 : -0.5));
    const s = warmupSuggestion(['acute', 'homeCare'], 'acute', [acute, drifting], null);
    expect(s).toMatchObject({ setting: 'homeCare', days: 300, atLimit: true });
    expect(describeWarmup(s!)).toBe(
      `MSER-5 suggests 300 days from mean homeCare occupancy (acute alone: ${mser5(acute)}), the most it can suggest from this run: that setting may still be drifting at the end, so run longer (horizonDays) to know`,
    );
  });

  it('skips a setting with missing days, and gives null with no series', () => {
    const gap = [...careHome];
    gap[10] = NaN;
    expect(warmupSuggestion(['acute', 'careHome'], 'acute', [acute, gap], null)!.setting).toBe('acute');
    expect(warmupSuggestion([], 'acute', [], null)).toBeNull();
    expect(firstPolicyDay([])).toBeNull();
    expect(firstPolicyDay([{ startDay: 400 }, { startDay: 365 }])).toBe(365);
  });
});
