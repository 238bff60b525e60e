/**
 * Helpers for the model mechanism tests: small models written as YAML text, patched per test,
 * run through the real loader; one-replication runners; and the statistical bounds the tests
 * compare against.
 *
 * Every number in the models built here is a test value chosen to make a mechanism visible;
 * none is an estimate of any real system.
 */
import { expect } from 'vitest';
import { ConfigError } from '../../src/model/config-file.js';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { compileModel } from '../../src/model/compile.js';
import { parseModel } from '../../src/model/load-model.js';
import { DAILY_COLUMNS } from '../../src/model/observations.js';
import { runReplication, type ReplicationResult } from '../../src/model/run-replication.js';
import type { ResolvedModel } from '../../src/model/resolve/resolve-model.js';
import { CareSystemModel } from '../../src/model/run/care-system.js';
import type { RunWindow } from '../../src/model/run-window.js';

/**
 * A small system: one acute setting and one downstream setting per pathway, every capacity
 * effectively unlimited and every process instant, so that a test switches on only the mechanism
 * it is about. 2024-01-01 is a Monday, so day d is weekday d mod 7 (0 = Monday).
 */
export const BASE_MODEL = `
name: mechanics
description: Small test system; every capacity unlimited and every process instant unless a test says otherwise.
startDate: "2024-01-01"
arrivals:
  emergency:
    perDay: 20
caseMix:
  - name: everyone
    share: 1
    acuteLengthOfStay: { type: fixed, value: 4 }
    pathways: { P0: 0.4, P1: 0.3, P2: 0.2, P3: 0.1 }
pathways:
  P0: { assessment: false }
  P1: { to: reablement, assessment: false }
  P2: { to: stepDown, assessment: false }
  P3: { to: careHome, assessment: false }
settings:
  acute:
    kind: acute
    capacity: 1000000
  reablement:
    kind: home
    intermediate: true
    capacity: 1000000
    lengthOfStay: { type: fixed, value: 10 }
    next: [{ to: home, probability: 1 }]
  stepDown:
    kind: bed
    intermediate: true
    capacity: 1000000
    lengthOfStay: { type: fixed, value: 15 }
    next: [{ to: home, probability: 1 }]
  careHome:
    kind: bed
    careHome: true
    capacity: 1000000
    lengthOfStay: { type: fixed, value: 60 }
    next: [{ to: death, probability: 1 }]
`;

/**
 * A plain object patch: objects merge key by key; anything else (arrays included) and any
 * distribution spec (an object with a `type`) replaces what was there.
 */
export type Patch = { [key: string]: unknown };

function isObject(x: unknown): x is Patch {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function merge(base: unknown, patch: unknown): unknown {
  if (!isObject(base) || !isObject(patch) || 'type' in patch) return patch;
  const out: Patch = { ...base };
  for (const [k, v] of Object.entries(patch)) out[k] = v === undefined ? undefined : merge(base[k], v);
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

/** The YAML text of `base` with the patches applied in turn (a key patched to undefined is removed). */
export function modelText(base: string, ...patches: Patch[]): string {
  return stringifyYaml(patches.reduce<unknown>((m, p) => merge(m, p), parseYaml(base)));
}

/** Loads `base` with the patches applied, through the real model loader (schema and defaults). */
export function model(base: string, ...patches: Patch[]): ResolvedModel {
  return parseModel(modelText(base, ...patches), 'test-model.yaml');
}

/** The base model with the patches applied. */
export function baseModel(...patches: Patch[]): ResolvedModel {
  return model(BASE_MODEL, ...patches);
}

/** One replication. */
export function run(config: ResolvedModel, window: RunWindow): ReplicationResult {
  return runReplication(config, window);
}

/** One replication, returning the model itself so that a test can read its resources' monitors. */
export function runSystem(config: ResolvedModel, window: RunWindow): CareSystemModel {
  const system = new CareSystemModel(compileModel(config), window);
  system.run();
  return system;
}

/** A value of the daily series (taken at midnight at the start of `day`). */
export function dailyValue(result: ReplicationResult, setting: string, column: (typeof DAILY_COLUMNS)[number], day: number): number {
  const { settings, values, days } = result.daily;
  const s = settings.indexOf(setting);
  if (s < 0) throw new Error(`no setting ${setting}`);
  if (!(day >= 0 && day < days)) throw new Error(`day ${day} outside the series (0..${days - 1})`);
  return values[(day * settings.length + s) * DAILY_COLUMNS.length + DAILY_COLUMNS.indexOf(column)];
}

/** The whole daily column of one setting. */
export function dailyColumn(result: ReplicationResult, setting: string, column: (typeof DAILY_COLUMNS)[number]): number[] {
  return Array.from({ length: result.daily.days }, (_, d) => dailyValue(result, setting, column, d));
}

/** Metric by name, failing loudly if the run does not report it. */
export function metric(result: ReplicationResult, name: string): number {
  const v = result.metrics[name];
  if (v === undefined) throw new Error(`no metric ${name}; have ${Object.keys(result.metrics).join(', ')}`);
  return v;
}

/** Number of standard errors the statistical checks allow (two-sided about 1 in 16,000 by chance). */
export const Z = 4;

/** Half-width of a Z-sigma band for a binomial proportion p observed over n trials. */
export function binomialHalfWidth(p: number, n: number): number {
  return Z * Math.sqrt((p * (1 - p)) / n);
}

/** Half-width of a Z-sigma band for a Poisson count with the given mean. */
export function poissonHalfWidth(mean: number): number {
  return Z * Math.sqrt(mean);
}

/** Sum of an array. */
export function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

/** Sample mean and variance (n - 1 denominator). */
export function meanVar(xs: readonly number[]): { mean: number; variance: number } {
  const mean = sum(xs) / xs.length;
  const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1);
  return { mean, variance };
}

/** Runs `fn`, which must throw a ConfigError, and returns it. */
export function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('expected a ConfigError');
}
