/**
 * Sweeps: the grid of scenarios, and the description of what was varied that manifest.json
 * keeps for the report's capacity-planning curve.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { executeExperiment } from '../../src/experiment/execute.js';
import { parseVariation, sweepExperiment } from '../../src/experiment/sweep.js';
import { smallExperiment, tempDir, withConfig } from './helpers.js';

describe('sweepExperiment', () => {
  it('describes the varied paths and the values of every grid point', () => {
    const e = sweepExperiment(smallExperiment(), [parseVariation('settings.acute.capacity=110,130'), parseVariation('settings.careHome.capacity=50,70')]);
    expect(e.scenarios.map((s) => s.name)).toEqual([
      'base',
      'settings.acute.capacity=110 settings.careHome.capacity=50',
      'settings.acute.capacity=110 settings.careHome.capacity=70',
      'settings.acute.capacity=130 settings.careHome.capacity=50',
      'settings.acute.capacity=130 settings.careHome.capacity=70',
    ]);
    expect(e.sweep?.base).toBe('base');
    expect(e.sweep?.variations).toEqual([
      { path: 'settings.acute.capacity', values: [110, 130] },
      { path: 'settings.careHome.capacity', values: [50, 70] },
    ]);
    expect(e.sweep?.points[2]).toEqual({
      scenario: 'settings.acute.capacity=130 settings.careHome.capacity=50',
      values: { 'settings.acute.capacity': 130, 'settings.careHome.capacity': 50 },
    });
  });

  it('writes the description into manifest.json', async () => {
    const e = sweepExperiment(smallExperiment(), [parseVariation('settings.acute.capacity=110,130')]);
    const out = join(tempDir('sweep'), 'results');
    await executeExperiment({ ...e, config: { ...e.config, horizonDays: 60, warmupDays: 10, replications: 2 } }, { out, workers: 1 });
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { sweep: unknown };
    expect(manifest.sweep).toEqual(e.sweep);
  });

  it('leaves a plain run without a sweep description', () => {
    expect(smallExperiment().sweep).toBeUndefined();
  });
});

describe('sweeping a policy (policy.<name>.<field>)', () => {
  /** The small experiment whose 'base' scenario has seven-day services (and, optionally, the model a prevention policy). */
  function withPolicies(modelPolicy = false) {
    const e = smallExperiment();
    const scenario = { ...e.config.scenarios[0], policies: [{ policy: 'seven-day-services', start: 20, rampDays: 0, parameters: { weekendShare: 0.5 } }] };
    const model = modelPolicy ? { ...e.model, policies: [{ policy: 'prevention', start: 0, rampDays: 0, parameters: {} }] } : e.model;
    return withConfig({ ...e, model }, { scenarios: [scenario, ...e.config.scenarios.slice(1)] });
  }
  const entryOf = (policies: readonly { policy: string }[], name: string) => policies.find((p) => p.policy === name) as unknown as Record<string, unknown>;

  it("sets a parameter, the start or the ramp of the base scenario's own entry, and nothing else", () => {
    const e = sweepExperiment(withPolicies(), [parseVariation('policy.seven-day-services.weekendShare=0.2,0.9'), parseVariation('policy.seven-day-services.start=30')]);
    expect(e.scenarios.map((s) => s.name)).toEqual([
      'base',
      'policy.seven-day-services.weekendShare=0.2 policy.seven-day-services.start=30',
      'policy.seven-day-services.weekendShare=0.9 policy.seven-day-services.start=30',
    ]);
    const [base, low, high] = e.scenarios.map((s) => entryOf(s.model.policies, 'seven-day-services'));
    expect(base).toMatchObject({ start: 20, parameters: { weekendShare: 0.5 } });
    expect(low).toMatchObject({ start: 30, rampDays: 0, parameters: { weekendShare: 0.2 } });
    expect(high).toMatchObject({ start: 30, parameters: { weekendShare: 0.9 } });
    expect(e.scenarios.every((s) => s.model.policies.length === 1)).toBe(true);
  });

  it("varies the model's own entry when the scenario has none of that policy", () => {
    const e = sweepExperiment(withPolicies(true), [parseVariation('policy.prevention.rampDays=10,40')]);
    expect(e.scenarios.slice(1).map((s) => entryOf(s.model.policies, 'prevention').rampDays)).toEqual([10, 40]);
    expect(entryOf(e.scenarios[0].model.policies, 'prevention').rampDays).toBe(0);
  });

  it('rejects a policy the scenario does not have, a bad path, and values the policy does not allow', () => {
    const e = withPolicies();
    expect(() => sweepExperiment(e, [parseVariation('policy.discharge-to-assess.share=0.5')])).toThrow(
      '--vary policy.discharge-to-assess.share: scenario "base" has no policy "discharge-to-assess" to vary (it has seven-day-services); add it to the scenario\'s policies first',
    );
    expect(() => sweepExperiment(e, [parseVariation('policy.seven-day-services=0.5')])).toThrow(/expected policy.<policy>.<field>/);
    expect(() => sweepExperiment(e, [parseVariation('policy.seven-day-services.weekendShare=1.5')])).toThrow(/weekendShare=1.5: .*1/);
    expect(() => sweepExperiment(e, [parseVariation('policy.seven-day-services.weekendShar=0.5')])).toThrow(
      /--vary policy.seven-day-services.weekendShar: unknown field "weekendShar" of seven-day-services \(did you mean "weekendShare"\?\); expected start, rampDays, runningCostPerYear, /,
    );
    expect(() => sweepExperiment(e, [parseVariation('policy.seven-day-servics.weekendShare=0.5')])).toThrow(/unknown policy "seven-day-servics" \(did you mean "seven-day-services"\?\)/);
    expect(() => sweepExperiment(e, [parseVariation('policy.seven-day-services.payers=nhs')])).toThrow(/payers is a split between payers and cannot be varied/);
  });

  it('rejects list parameters, which have no one-value form on the command line', () => {
    const e = withConfig(smallExperiment(), {
      scenarios: [{ ...smallExperiment().config.scenarios[0], policies: [{ policy: 'prevention', start: 0, rampDays: 0, parameters: {} }] }],
    });
    expect(() => sweepExperiment(e, [parseVariation('policy.prevention.groups=older')])).toThrow(/groups is a list of groups and cannot be varied on the command line/);
  });
});

describe('sweep grids that would repeat a scenario', () => {
  it('rejects two values that run the same model: a start as a day and as the same date', () => {
    const e = smallExperiment();
    const scenario = { ...e.config.scenarios[0], policies: [{ policy: 'seven-day-services', start: 20, rampDays: 0, parameters: {} }] };
    const withPolicy = withConfig(e, { scenarios: [scenario, ...e.config.scenarios.slice(1)] });
    const day30 = new Date(Date.parse(`${e.model.startDate}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
    expect(() => sweepExperiment(withPolicy, [parseVariation(`policy.seven-day-services.start=30,${day30}`)])).toThrow(
      `--vary policy.seven-day-services.start=${day30}: runs the same model as policy.seven-day-services.start=30; give each value once`,
    );
  });

  it('rejects a value given twice (also as another spelling of one number) and a path given twice', () => {
    expect(() => sweepExperiment(smallExperiment(), [parseVariation('settings.acute.capacity=110,110.0')])).toThrow('--vary settings.acute.capacity: the value 110 is given twice');
    expect(() => sweepExperiment(smallExperiment(), [parseVariation('settings.acute.capacity=110'), parseVariation('settings.acute.capacity=130')])).toThrow(
      '--vary settings.acute.capacity: given twice; give all its values in one --vary',
    );
  });
});

describe('values on the command line (parseVariation)', () => {
  it('reads numbers, booleans, null, text, and YAML flow lists and mappings whose commas are their own', () => {
    expect(parseVariation('a.b=1,2.5,-3e2,true,null,fifo').values).toEqual([1, 2.5, -300, true, null, 'fifo']);
    expect(parseVariation('assessment.window.days=[0, 1, 2],[5,6]', '--set').values).toEqual([
      [0, 1, 2],
      [5, 6],
    ]);
    expect(parseVariation('x={type: fixed, value: 20},{type: exponential, mean: 3}').values).toEqual([
      { type: 'fixed', value: 20 },
      { type: 'exponential', mean: 3 },
    ]);
  });

  it('refuses a list or mapping that does not close, naming the flag and path', () => {
    expect(() => parseVariation('assessment.window.days=[0,1', '--set')).toThrow(/^--set assessment.window.days: "\[0,1" is not a valid YAML list or mapping/);
  });
});
