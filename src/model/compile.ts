/**
 * Turns a validated model file into the numbers a run needs: settings by index, distributions
 * built once, cumulative probability tables, and capacity schedules in simulation days.
 *
 * @module
 */
import { Calendar } from '../engine/calendar.js';
import { createDistribution, type Distribution, type DistributionSpec } from '../engine/random/distributions.js';
import type { CapacityChange } from '../engine/resource.js';
import { applyPolicies } from './policies/apply.js';
import { compileEffects, withCapacityDeltas, type CompiledPolicies } from './policies/compile-effects.js';
import type { Profile } from './policies/profile.js';
import { PATHWAYS, type ModelConfig, type SettingConfig } from './schema.js';

/** Route target codes below zero: where a route leaves the system. */
export const ROUTE_HOME = -1;
/** Route target: death. */
export const ROUTE_DEATH = -2;
/** Route target: back to hospital as an emergency readmission. */
export const ROUTE_READMISSION = -3;

/** Payer indices used in every cost array. */
export const PAYERS = ['nhs', 'council', 'selfFunder'] as const;
/** A payer name. */
export type Payer = (typeof PAYERS)[number];

/** A cumulative probability table over targets. */
export interface RouteTable {
  /** Cumulative probabilities, the last one 1. */
  cumulative: Float64Array;
  /** Setting index, or ROUTE_HOME / ROUTE_DEATH / ROUTE_READMISSION. */
  targets: Int32Array;
}

/** A setting ready to run. */
export interface CompiledSetting {
  index: number;
  name: string;
  kind: 'acute' | 'bed' | 'home';
  initialCapacity: number;
  capacityChanges: CapacityChange[];
  intermediate: boolean;
  careHome: boolean;
  lengthOfStay: Distribution | null;
  costPerDay: number;
  /** Whether costPerDay is paid per occupied place-day or per place-day of capacity. */
  costBasis: 'occupied' | 'capacity';
  /** Shares of cost by payer, in PAYERS order. */
  payerShares: Float64Array;
  routes: RouteTable | null;
  /** Visits per day per client, tapering from initial to final over the stay; null when capacity counts clients. */
  visits: { initial: number; final: number } | null;
  /** The provider's own assessment before it takes someone; null for none. */
  providerAssessment: Distribution | null;
}

/** A case-mix group ready to run. */
export interface CompiledGroup {
  name: string;
  acuteLengthOfStay: Distribution;
  /** Cumulative probabilities of P0..P3. */
  pathwayCumulative: Float64Array;
  inHospitalMortality: number;
  /** Length of stay by setting index (the group's override or the setting's own). */
  lengthOfStay: (Distribution | null)[];
}

/** A whole model ready to run. */
export interface CompiledModel {
  config: ModelConfig;
  calendar: Calendar;
  settings: CompiledSetting[];
  acute: number;
  groups: CompiledGroup[];
  groupCumulative: Float64Array;
  /** Setting index each pathway discharges into (-1 for P0). */
  pathwayTarget: Int32Array;
  pathwayNeedsAssessment: boolean[];
  dischargeProcess: Distribution;
  assessmentDuration: Distribution;
  referralDelay: Distribution;
  readmissionDelay: Distribution;
  assessmentPayerShares: Float64Array;
  community: { name: string; perDay: number; target: number; group: number }[];
  /** What the model's policies do (see src/model/policies). */
  policies: CompiledPolicies;
}

/**
 * Builds the runtime form of a model, its policies applied (they may add settings).
 * Distributions are constructed here, once per run.
 */
export function compileModel(model: ModelConfig): CompiledModel {
  const { config, effects } = applyPolicies(model);
  const calendar = new Calendar(config.startDate);
  const names = Object.keys(config.settings);
  const indexOf = (name: string): number => names.indexOf(name);
  const deltas = (name: string): Profile[] => effects.capacityDeltas.filter((d) => d.setting === name).map((d) => d.delta);
  const settings = names.map((name, index) => compileSetting(name, index, config.settings[name], calendar, indexOf, deltas(name)));
  const groups = config.caseMix.map((g) => ({
    name: g.name,
    acuteLengthOfStay: createDistribution(g.acuteLengthOfStay as DistributionSpec),
    pathwayCumulative: cumulative(PATHWAYS.map((p) => g.pathways[p])),
    inHospitalMortality: g.inHospitalMortality,
    lengthOfStay: settings.map((s) => {
      const override = g.lengthOfStay[s.name];
      return override ? createDistribution(override as DistributionSpec) : s.lengthOfStay;
    }),
  }));
  return {
    config,
    calendar,
    settings,
    acute: settings.findIndex((s) => s.kind === 'acute'),
    groups,
    groupCumulative: cumulative(config.caseMix.map((g) => g.share)),
    pathwayTarget: Int32Array.from(PATHWAYS.map((p) => (config.pathways[p].to ? indexOf(config.pathways[p].to as string) : -1))),
    pathwayNeedsAssessment: PATHWAYS.map((p) => p !== 'P0' && config.pathways[p].assessment),
    dischargeProcess: createDistribution(config.discharge.process as DistributionSpec),
    assessmentDuration: createDistribution(config.assessment.duration as DistributionSpec),
    referralDelay: createDistribution(config.assessment.referralDelay as DistributionSpec),
    readmissionDelay: createDistribution(config.readmission.withinDays as DistributionSpec),
    assessmentPayerShares: payerShares(config.assessment.payers),
    community: config.arrivals.community.map((c) => ({
      name: c.name,
      perDay: c.perDay,
      target: indexOf(c.to),
      group: c.group === undefined ? -1 : config.caseMix.findIndex((g) => g.name === c.group),
    })),
    policies: compileEffects(config, effects, (to) => routeTarget(to, indexOf)),
  };
}

function compileSetting(name: string, index: number, s: SettingConfig, calendar: Calendar, indexOf: (n: string) => number, deltas: Profile[]): CompiledSetting {
  const schedule = typeof s.capacity === 'number' ? null : s.capacity;
  const changes = (schedule?.changes ?? []).map((c) => ({ time: c.date !== undefined ? calendar.timeOf(c.date) : (c.day as number), capacity: c.capacity }));
  // A change dated at or before the start is already in force at time 0: the latest one sets the
  // initial capacity (a stable sort keeps the listed order of changes at the same time).
  const inForce = changes.filter((c) => c.time <= 0).sort((a, b) => a.time - b.time);
  const initial = inForce.length > 0 ? inForce[inForce.length - 1].capacity : schedule === null ? (s.capacity as number) : schedule.initial;
  const capacity = withCapacityDeltas(initial, changes.filter((c) => c.time > 0), deltas);
  return {
    index,
    name,
    kind: s.kind,
    initialCapacity: capacity.initial,
    capacityChanges: capacity.changes,
    intermediate: s.intermediate,
    careHome: s.careHome,
    lengthOfStay: s.lengthOfStay ? createDistribution(s.lengthOfStay as DistributionSpec) : null,
    costPerDay: s.costPerDay,
    costBasis: s.costBasis,
    payerShares: payerShares(s.payers),
    routes: s.next
      ? {
          cumulative: cumulative(s.next.map((r) => r.probability)),
          targets: Int32Array.from(s.next.map((r) => routeTarget(r.to, indexOf))),
        }
      : null,
    visits: s.visitsPerDay ?? null,
    providerAssessment: s.providerAssessment ? createDistribution(s.providerAssessment as DistributionSpec) : null,
  };
}

function routeTarget(to: string, indexOf: (n: string) => number): number {
  if (to === 'home') return ROUTE_HOME;
  if (to === 'death') return ROUTE_DEATH;
  if (to === 'readmission') return ROUTE_READMISSION;
  return indexOf(to);
}

function payerShares(p: { nhs: number; council: number; selfFunder: number }): Float64Array {
  return Float64Array.from([p.nhs, p.council, p.selfFunder]);
}

/** Cumulative sums with the last entry forced to exactly 1, so a draw u < 1 always finds a slot. */
export function cumulative(probabilities: number[]): Float64Array {
  const out = new Float64Array(probabilities.length);
  let sum = 0;
  probabilities.forEach((p, i) => (out[i] = sum += p));
  out[out.length - 1] = 1;
  return out;
}

/** Index of the first cumulative entry above u (u in (0, 1)). */
export function pick(cumulativeTable: Float64Array, u: number): number {
  let i = 0;
  while (u >= cumulativeTable[i]) i++;
  return i;
}
