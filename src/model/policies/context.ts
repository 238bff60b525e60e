/**
 * The toolkit a policy module applies itself with: its parameters (defaults filled in and
 * checked against the model), its timetable as profiles, and operations that add effects or
 * change the model's configuration. Problems are thrown as {@link ModelProblem}s with the path
 * of the offending parameter, which the loader turns into "file:line: field: reason".
 *
 * @module
 */
import { Calendar } from '../../engine/calendar.js';
import { planCapacity } from '../capacity/registry.js';
import { ModelProblem } from '../model-problem.js';
import type { Payer } from '../payers.js';
import type { ModelConfig, SettingConfig } from '../schema.js';
import type { PolicyEffects } from './effects.js';
import type { ParameterValues } from './parameters.js';
import { rampProfile, type Profile } from './profile.js';

/** A setting's capacity at the start, as its plan will have it (before any policy changes it). */
export function initialCapacity(setting: SettingConfig, calendar: Calendar): number {
  return planCapacity(setting.capacity, setting.visitsPerDay, calendar).initial;
}

/** One policy being applied to one model. */
export class PolicyContext {
  /** How the running cost is incurred over time (default: following the phase-in). */
  runningCostLevel: Profile | null = null;

  constructor(
    /** The model being changed (a private copy: a policy may edit it). */
    readonly config: ModelConfig,
    /** The effects collected so far (from this and earlier policies). */
    readonly effects: PolicyEffects,
    /** The policy's name. */
    readonly policy: string,
    /** Day the policy starts. */
    readonly start: number,
    /** Days over which it phases in. */
    readonly rampDays: number,
    private readonly params: ParameterValues,
  ) {}

  /** The model's calendar (dates to day numbers). */
  get calendar(): Calendar {
    return new Calendar(this.config.startDate);
  }

  /** A number parameter. */
  number(name: string): number {
    return this.params[name] as number;
  }

  /** A choice parameter. */
  choice(name: string): string {
    return this.params[name] as string;
  }

  /** A setting parameter, checked to exist (and, if given, to be of one of `kinds`). */
  setting(name: string, kinds?: SettingConfig['kind'][]): string {
    const value = this.params[name] as string | null;
    if (value === null) throw new ModelProblem(['parameters', name], 'no default setting in this model: name one');
    // Own settings only: a parameter naming `valueOf` must not find the object's method.
    const setting = Object.hasOwn(this.config.settings, value) ? this.config.settings[value] : undefined;
    if (!setting) throw new ModelProblem(['parameters', name], `unknown setting "${value}"; expected one of ${Object.keys(this.config.settings).join(', ')}`);
    if (kinds && !kinds.includes(setting.kind)) throw new ModelProblem(['parameters', name], `setting "${value}" is kind ${setting.kind}; expected kind ${kinds.join(' or ')}`);
    return value;
  }

  /** A setting parameter that may be absent (null): then the first setting matching `find`. */
  settingOr(name: string, find: (s: SettingConfig, n: string) => boolean, kinds?: SettingConfig['kind'][]): string {
    if (this.params[name] !== null) return this.setting(name, kinds);
    const found = Object.keys(this.config.settings).find((n) => find(this.config.settings[n], n));
    if (found === undefined) throw new ModelProblem(['parameters', name], 'this model has no setting this policy can use by default: name one');
    return found;
  }

  /** A groups parameter, checked against the case mix; an empty list means every group. */
  groups(name: string): string[] {
    const value = this.params[name] as string[];
    const known = this.config.caseMix.map((g) => g.name);
    value.forEach((g, i) => {
      if (!known.includes(g)) throw new ModelProblem(['parameters', name, i], `unknown case-mix group "${g}"; expected one of ${known.join(', ')}`);
    });
    return value.length === 0 ? known : value;
  }

  /** `neutral` before the start, `active` once phased in. */
  ramp(neutral: number, active: number): Profile {
    return rampProfile(this.start, this.rampDays, neutral, active);
  }

  /** Multiplies a duration, rate or probability by `factor` once phased in (nothing if 1). */
  factor(target: string, factor: number): void {
    if (factor === 1) return;
    (this.effects.factors[target] ??= []).push(this.ramp(1, factor));
  }

  /** Adds places to a setting once phased in, in whole places (nothing if 0). */
  addCapacity(setting: string, places: number): void {
    if (places !== 0) this.effects.capacityDeltas.push({ setting, delta: this.ramp(0, places) });
  }

  /** Moves a share of one payer's part of a setting's cost to another, once phased in. */
  shiftPayer(setting: string, from: Payer, to: Payer, share: number): void {
    if (share !== 0) this.effects.payerShifts.push({ setting, from, to, share: this.ramp(0, share) });
  }

  /** Adds a new setting to the model (a service the policy creates), checking its name is free. */
  addSetting(name: string, setting: SettingConfig): void {
    if (this.config.settings[name]) throw new ModelProblem(['policy'], `the model already has a setting "${name}"; use this policy once per scenario`);
    this.config.settings[name] = setting;
  }
}
