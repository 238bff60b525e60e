/**
 * The saturation finder: an acute setting full on most midnights, and a queue whose upward trend
 * is both clear of noise and large enough to matter, are findings; a long but stable queue, a
 * downstream setting that is merely full, and a drift too small to matter are not.
 */
import { describe, expect, it } from 'vitest';
import { ACUTE_FULL_SHARE, describeFinding, saturationFindings, saturationWarnings, type ScenarioForSaturation } from '../../src/experiment/saturation.js';
import { summarise } from '../../src/experiment/statistics.js';

const MODEL = { settings: ['acute', 'careHome'], acute: 'acute' };
/** A 365-day window, so a slope in people a year is also the growth over the window. */
const WINDOW = 365;

/** A scenario whose per-replication values of each metric are given. */
function scenario(name: string, values: Record<string, number[]>): ScenarioForSaturation {
  return { name, model: MODEL, metrics: Object.fromEntries(Object.entries(values).map(([m, v]) => [m, summarise(v)])) };
}

/** Quiet values for every setting, with some replaced. */
function quiet(patch: Record<string, number[]> = {}): Record<string, number[]> {
  return {
    'fullShare.acute': [0.1, 0.12, 0.08, 0.1],
    'queueTrendPerYear.acute': [-2, 3, 1, -1],
    'meanQueue.acute': [0.2, 0.3, 0.1, 0.2],
    'occupancy.acute': [850, 852, 848, 851],
    'fullShare.careHome': [1, 1, 1, 1],
    'queueTrendPerYear.careHome': [-30, 25, 10, -8],
    'meanQueue.careHome': [60, 64, 58, 61],
    'occupancy.careHome': [1000, 1000, 1000, 1000],
    ...patch,
  };
}

describe('saturationFindings', () => {
  it('finds nothing in a working system, however full its care homes and long their stable queue', () => {
    expect(saturationFindings([scenario('base', quiet())], WINDOW)).toEqual([]);
  });

  it('flags an acute setting full at half the midnights or more, but not just under', () => {
    const at = scenario('cut', quiet({ 'fullShare.acute': Array(4).fill(ACUTE_FULL_SHARE) }));
    const under = scenario('near', quiet({ 'fullShare.acute': Array(4).fill(ACUTE_FULL_SHARE - 0.01) }));
    const findings = saturationFindings([at, under], WINDOW);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ scenario: 'cut', setting: 'acute', full: true, growing: false, fullShare: ACUTE_FULL_SHARE });
    expect(describeFinding(findings[0])).toBe(
      'scenario "cut": acute saturated: full at 50% of midnights (people wait to be admitted); the delays and costs leave out the people waiting outside',
    );
  });

  it('flags a queue growing clear of noise and by more than 10 people and 5% of the setting over the window', () => {
    const trend = [900, 1000, 1100, 1000];
    const f = saturationFindings([scenario('short', quiet({ 'queueTrendPerYear.careHome': trend, 'meanQueue.careHome': [400, 420, 380, 400] }))], WINDOW);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ scenario: 'short', setting: 'careHome', full: false, growing: true, meanQueue: 400 });
    expect(f[0].queueTrendPerYear).toEqual({ mean: 1000, ciLow: summarise(trend).ciLow, ciHigh: summarise(trend).ciHigh });
    expect(describeFinding(f[0])).toMatch(
      /^scenario "short": careHome saturated: queue growing by 1,000 people a year \(95% CI \d{3} to 1,\d{3}; mean queue 400\); it cannot keep up, or the warm-up is too short/,
    );
  });

  it('does not flag a trend whose interval reaches zero, or one clear of zero but too small to matter', () => {
    const noisy = scenario('noisy', quiet({ 'queueTrendPerYear.careHome': [-200, 400, 300, -100] }));
    // Clear of zero, but 40 people over a year in a setting of 1,000 is under 5% of it.
    const small = scenario('small', quiet({ 'queueTrendPerYear.careHome': [39, 41, 40, 40] }));
    // Clear of zero and 5% of a setting of 100 places, but under 10 people.
    const tiny = scenario('tiny', quiet({ 'queueTrendPerYear.careHome': [8, 9, 9, 8], 'occupancy.careHome': [100, 100, 100, 100] }));
    expect(saturationFindings([noisy, small, tiny], WINDOW)).toEqual([]);
    // The same 40 a year over a window four times as long is 160 people: flagged.
    expect(saturationFindings([small], 4 * WINDOW).map((x) => x.scenario)).toEqual(['small']);
  });

  it('measures a setting counted in visits by its clients, not its visits in use', () => {
    const visits = { ...quiet({ 'queueTrendPerYear.careHome': [60, 60, 61, 59] }), 'clients.careHome': [600, 600, 600, 600] };
    // 60 a year is 6% of 1,000 visits in use but 10% of 600 clients: flagged on the clients.
    expect(saturationFindings([scenario('v', visits)], WINDOW).map((x) => x.setting)).toEqual(['careHome']);
  });
});

describe('saturationWarnings', () => {
  it('prints at most ten lines, then says how many more summary.json lists', () => {
    const many = Array.from({ length: 12 }, (_, i) => scenario(`s${i}`, quiet({ 'fullShare.acute': [1, 1, 1, 1] })));
    const lines = saturationWarnings(saturationFindings(many, WINDOW));
    expect(lines).toHaveLength(11);
    expect(lines[10]).toBe('2 more saturated scenario-setting pairs: summary.json lists them under "saturation"');
    expect(saturationWarnings([])).toEqual([]);
  });
});
