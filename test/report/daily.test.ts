/** daily.csv read back, and the weekly means with their intervals over replications. */
import { describe, expect, it } from 'vitest';
import { UsageProblem } from '../../src/experiment/problems.js';
import { dailyMeans, parseDaily, periodIntervals } from '../../src/report/daily.js';
import { halfWidth } from '../../src/experiment/statistics.js';

const HEADER = 'scenario,replication,day,setting,occupancy,delayed,queue,capacity,dischargeProcess,assessment,awaitedFromHospital\n';

/** Two replications of 4 days of one setting, occupancy = replication * 10 + day. */
function csv(): string {
  let text = HEADER;
  for (const rep of [1, 2]) for (let d = 0; d < 4; d++) text += `"a,b",${rep},${d},acute,${rep * 10 + d},${d},0,30,0,${d},0\n`;
  for (let d = 0; d < 4; d++) text += `"a,b",mean,${d},acute,0,0,0,30,0,0,0\n`;
  return text;
}

describe('parseDaily', () => {
  it('reads every replication of every scenario (quoted names too), skipping the mean rows', () => {
    const daily = parseDaily(csv(), 'daily.csv');
    expect(daily.settings).toEqual(['acute']);
    expect(daily.days).toBe(4);
    expect(daily.scenarios.get('a,b')?.length).toBe(2);
    expect(dailyMeans(daily, 'a,b', 'occupancy')).toEqual([[15, 16, 17, 18]]);
  });

  it('rejects a file that is not a daily.csv, naming it', () => {
    expect(() => parseDaily('x,y\n', '/r/daily.csv')).toThrow(UsageProblem);
    expect(() => parseDaily('x,y\n', '/r/daily.csv')).toThrow(/^\/r\/daily\.csv: not a careflow daily\.csv/);
    expect(() => parseDaily(`${HEADER}s,1,0,acute,zz,0,0,30,0,0,0\n`, '/r/daily.csv')).toThrow(/^\/r\/daily\.csv:2: occupancy "zz" is not a number/);
  });

  it('names a daily.csv of another careflow version by the columns it lacks, and says to run again', () => {
    const older = 'scenario,replication,day,setting,occupancy,delayed,queue\n';
    expect(() => parseDaily(older, '/r/daily.csv')).toThrow(
      '/r/daily.csv: written by another version of careflow (without capacity, dischargeProcess, assessment, awaitedFromHospital); run the experiment again with this version to report it',
    );
    expect(() => parseDaily(HEADER.replace('queue,', 'queue,extra,'), '/r/daily.csv')).toThrow(/\(with extra\)/);
  });
});

describe('periodIntervals', () => {
  it('averages each replication over the period, then gives the mean and 95% interval over replications', () => {
    const points = periodIntervals(parseDaily(csv(), 'daily.csv'), 'occupancy', 1, 2);
    // Periods start on days 1 and 3; the one from day 3 has 1 day, at least half a period.
    expect(points.map((p) => p.day)).toEqual([1, 3]);
    const means = [10 + 1.5, 20 + 1.5];
    expect(points[0].mean).toBeCloseTo(16.5, 12);
    expect(points[0].ciHigh - points[0].mean).toBeCloseTo(halfWidth(means), 9);
    expect(points[1].mean).toBeCloseTo(18, 12);
  });
});
