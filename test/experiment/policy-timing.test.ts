import { describe, expect, it } from 'vitest';
import { policiesAfterHorizon } from '../../src/experiment/policy-timing.js';
import { smallExperiment, withConfig } from './helpers.js';

/** The small experiment (200 days from the minimal model's start date) with one policy scenario. */
function withPolicyStart(start: number | string) {
  const base = smallExperiment();
  return withConfig(base, {
    scenarios: [
      { name: 'base', description: 'as it is', overrides: {}, policies: [] },
      { name: 'sevenDay', description: 'seven-day services', overrides: {}, policies: [{ policy: 'seven-day-services', start, rampDays: 0, parameters: {} }] },
    ],
  });
}

describe('policies that start after the run', () => {
  it('are named, with their scenario and start, once the start is at or after the horizon', () => {
    expect(policiesAfterHorizon(withPolicyStart(199))).toEqual([]);
    const [warning, ...rest] = policiesAfterHorizon(withPolicyStart(200));
    expect(rest).toEqual([]);
    expect(warning).toBe('scenario "sevenDay": policy "seven-day-services" starts on day 200, at or after the end of the run (horizonDays 200), so it changes nothing');
  });

  it('shows a date start with its day number', () => {
    const e = smallExperiment();
    const start = new Date(Date.parse(`${e.model.startDate}T00:00:00Z`) + 365 * 86_400_000).toISOString().slice(0, 10);
    expect(policiesAfterHorizon(withPolicyStart(start))[0]).toContain(`starts on ${start} (day 365)`);
  });
});

describe('policies after the run, named once', () => {
  it("names a model's policy once for every scenario, not once per scenario", () => {
    const e = smallExperiment();
    const late = { ...e, model: { ...e.model, policies: [{ policy: 'seven-day-services', start: 300, rampDays: 0, parameters: {} }] } };
    const resolved = withConfig(late, { scenarios: e.config.scenarios });
    expect(policiesAfterHorizon(resolved)).toEqual([
      'every scenario: policy "seven-day-services" starts on day 300, at or after the end of the run (horizonDays 200), so it changes nothing',
    ]);
  });
});
