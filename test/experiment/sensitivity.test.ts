/** One-way sensitivity: the experiment it builds from absolute and relative ranges, and what it refuses. */
import { describe, expect, it } from 'vitest';
import { parseRange, sensitivityExperiment } from '../../src/experiment/sensitivity.js';
import { smallExperiment } from './helpers.js';

describe('sensitivityExperiment', () => {
  it('runs the base and each input at its ends, relative ends from the model value, capacities rounded to whole places', () => {
    const e = sensitivityExperiment(smallExperiment(), [parseRange('settings.acute.capacity=-10%,+10%'), parseRange('arrivals.emergency.perDay=-5%,+5%')]);
    expect(e.scenarios.map((s) => s.name)).toEqual([
      'base',
      'settings.acute.capacity=108',
      'settings.acute.capacity=132',
      'arrivals.emergency.perDay=14.25',
      'arrivals.emergency.perDay=15.75',
    ]);
    expect(e.sensitivity?.inputs.map((i) => [i.path, i.baseValue, i.low, i.high])).toEqual([
      ['settings.acute.capacity', 120, 108, 132],
      ['arrivals.emergency.perDay', 15, 14.25, 15.75],
    ]);
    expect(e.config.baseline).toBe('base');
    expect(e.sweep).toBeUndefined();
  });

  it('refuses one value, an input given twice, and a relative range on a value that is not a number', () => {
    expect(() => parseRange('settings.acute.capacity=100')).toThrow('--input settings.acute.capacity: expected two values, low and high (e.g. settings.acute.capacity=-10%,+10%), got 1');
    const twice = [parseRange('settings.acute.capacity=100,140'), parseRange('settings.acute.capacity=90,150')];
    expect(() => sensitivityExperiment(smallExperiment(), twice)).toThrow('--input settings.acute.capacity: given twice; give each input once');
    expect(() => sensitivityExperiment(smallExperiment(), [parseRange('settings.stepDown.lengthOfStay=-10%,+10%')])).toThrow(/is relative, but the model's value there is not a number/);
    expect(() => sensitivityExperiment(smallExperiment(), [parseRange('settings.acute.capacty=-10%,+10%')])).toThrow(
      '--input settings.acute.capacty: unknown model path "settings.acute.capacty": "settings.acute.capacty" does not exist',
    );
  });
});
