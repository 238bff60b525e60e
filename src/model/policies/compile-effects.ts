/**
 * Turns policy effects (by names) into the arrays a run looks up by index: factors per setting
 * and group, redirects and route shifts per setting, payer shifts, and the controllers' settings
 * by index. (Capacity deltas are merged into each setting's plan at resolve time: capacity/deltas.ts.)
 *
 * @module
 */
import { PAYER_INDEX } from '../payers.js';
import type { ResolvedModel } from '../resolve/resolve-model.js';
import type { DischargeToAssess, FlexibleBeds, PooledBudget, PolicyEffects, RunningCost } from './effects.js';
import type { Profile } from './profile.js';

/** Factors that change over time; null where no policy touches the target. */
export type Factors = readonly Profile[] | null;

/** A redirect from one setting (by index) to another. */
export interface CompiledRedirect {
  to: number;
  share: Profile;
  onlyIfRoom: boolean;
  /** By case-mix group index: whether it applies. */
  groups: boolean[];
  maxPlannedStay: number;
}

/** A route shift out of a setting, with route targets as codes (setting index or ROUTE_*). */
export interface CompiledRouteShift {
  to: number;
  from: number[];
  share: Profile;
}

/** A payer shift of a setting's costs, with payers by index. */
export interface CompiledPayerShift {
  from: number;
  to: number;
  share: Profile;
}

/** Policy effects ready to run. */
export interface CompiledPolicies {
  dischargeProcess: Factors;
  referralDelay: Factors;
  assessmentDuration: Factors;
  repeatReferral: Factors;
  emergencyArrivals: Factors;
  /** By community stream. */
  community: Factors[];
  /** By case-mix group. */
  demand: Factors[];
  /** By setting. */
  lengthOfStay: Factors[];
  /** By setting. */
  providerAssessment: Factors[];
  /** By setting asked for. */
  redirects: CompiledRedirect[][];
  /** By setting left. */
  routeShifts: CompiledRouteShift[][];
  /** By setting. */
  payerShifts: CompiledPayerShift[][];
  dischargeToAssess: (Omit<DischargeToAssess, 'interim'> & { interim: number }) | null;
  /** Shares of people on seven-day working (combined as independent chances). */
  sevenDay: Profile[];
  runningCosts: RunningCost[];
  pooledBudget: (Omit<PooledBudget, 'settings' | 'groups'> & { settings: number[]; groups: number[][] }) | null;
  flexibleBeds: (Omit<FlexibleBeds, 'stepDown'> & { stepDown: number })[];
  /** Whether any policy is in force (the run skips all policy work when not). */
  any: boolean;
}

/** Compiles a resolved model's effects, with settings by index in the model's order. */
export function compileEffects(resolved: ResolvedModel, routeCode: (to: string) => number): CompiledPolicies {
  const { config, effects } = resolved;
  const names = resolved.settings;
  const groups = config.caseMix.map((g) => g.name);
  const f = (target: string): Factors => effects.factors[target] ?? null;
  const d2a = effects.dischargeToAssess[0];
  return {
    dischargeProcess: f('dischargeProcess'),
    referralDelay: f('referralDelay'),
    assessmentDuration: f('assessmentDuration'),
    repeatReferral: f('repeatReferral'),
    emergencyArrivals: f('emergencyArrivals'),
    community: config.arrivals.community.map((c) => f(`community.${c.name}`)),
    demand: groups.map((g) => f(`demand.${g}`)),
    lengthOfStay: names.map((s) => f(`lengthOfStay.${s}`)),
    providerAssessment: names.map((s) => f(`providerAssessment.${s}`)),
    redirects: names.map((s) =>
      effects.redirects
        .filter((r) => r.from === s)
        .map((r) => ({
          to: names.indexOf(r.to),
          share: r.share,
          onlyIfRoom: r.onlyIfRoom,
          groups: groups.map((g) => r.groups.length === 0 || r.groups.includes(g)),
          maxPlannedStay: r.maxPlannedStay,
        })),
    ),
    routeShifts: names.map((s) => effects.routeShifts.filter((r) => r.setting === s).map((r) => ({ to: routeCode(r.to), from: r.from.map(routeCode), share: r.share }))),
    payerShifts: names.map((s) => effects.payerShifts.filter((p) => p.setting === s).map((p) => ({ from: PAYER_INDEX[p.from], to: PAYER_INDEX[p.to], share: p.share }))),
    dischargeToAssess: d2a ? { ...d2a, interim: names.indexOf(d2a.interim) } : null,
    sevenDay: effects.sevenDay.map((s) => s.share),
    runningCosts: effects.runningCosts,
    pooledBudget: effects.pooledBudget
      ? {
          ...effects.pooledBudget,
          settings: effects.pooledBudget.settings.map((s) => names.indexOf(s)),
          groups: effects.pooledBudget.groups.map((g) => g.map((s) => names.indexOf(s))),
        }
      : null,
    flexibleBeds: effects.flexibleBeds.map((b) => ({ ...b, stepDown: names.indexOf(b.stepDown) })),
    any: hasAny(effects),
  };
}

function hasAny(e: PolicyEffects): boolean {
  return (
    Object.keys(e.factors).length > 0 ||
    e.redirects.length + e.routeShifts.length + e.capacityDeltas.length + e.runningCosts.length + e.payerShifts.length > 0 ||
    e.dischargeToAssess.length + e.sevenDay.length + e.flexibleBeds.length > 0 ||
    e.pooledBudget !== null
  );
}
