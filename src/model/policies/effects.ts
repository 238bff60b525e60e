/**
 * What policies do to a run, in a few mechanisms the simulation implements once: time-varying
 * factors on durations, rates and probabilities; redirections of people to other services;
 * discharge to assess; seven-day working; shifts of routes, capacities and payers; running
 * costs; and two capacity controllers (a pooled budget and flexible beds). Policies (one module
 * each) are written in terms of these, so each mechanism is tested once and every policy
 * composes with every other.
 *
 * @module
 */
import type { Payer, PayerShares } from '../payers.js';
import type { Profile } from './profile.js';

/**
 * What a factor multiplies:
 * - `dischargeProcess`, `referralDelay`, `assessmentDuration`: the sampled durations;
 * - `repeatReferral`: the probability that a referral is lost or repeated;
 * - `emergencyArrivals`, `community.<stream>`: arrival rates;
 * - `demand.<group>`: emergency arrivals of one case-mix group (a factor at most 1);
 * - `lengthOfStay.<setting>`, `providerAssessment.<setting>`: durations in a setting.
 */
export type FactorTarget = string;

/** A share of the people asking for `from` who ask for `to` instead. */
export interface Redirect {
  from: string;
  to: string;
  /** Share of people redirected, over time. */
  share: Profile;
  /** Redirect only when `to` has a free place at that moment (otherwise they go to `from`). */
  onlyIfRoom: boolean;
  /** Case-mix groups it applies to; empty for all. */
  groups: string[];
  /** Only people whose planned acute stay is at most this (days; Infinity for everyone). */
  maxPlannedStay: number;
}

/** A share of the other routes out of `setting` moved to `to`. */
export interface RouteShift {
  setting: string;
  /** A setting name or home. */
  to: string;
  /** The route targets it takes people from (settings, home, death, readmission). */
  from: string[];
  share: Profile;
}

/** Capacity added to (or taken from) a setting, in places, over time. */
export interface CapacityDelta {
  setting: string;
  delta: Profile;
}

/** A policy's running cost: perDay at full level, times the level over time. */
export interface RunningCost {
  policy: string;
  perDay: number;
  payers: PayerShares;
  level: Profile;
}

/** A share of one payer's part of a setting's costs moved to another payer, over time. */
export interface PayerShift {
  setting: string;
  from: Payer;
  to: Payer;
  share: Profile;
}

/** Discharge to assess: medically optimised people leave for interim support and are assessed there. */
export interface DischargeToAssess {
  /** The interim setting (a D2A bed or support at home). */
  interim: string;
  /** Pathways it applies to (1..3). */
  pathways: number[];
  share: Profile;
}

/** Seven-day working for a share of people: these windows instead of the model's. */
export interface SevenDayWorking {
  share: Profile;
  days: number[];
}

/** One budget for the listed settings that moves capacity to where queues are longest. */
export interface PooledBudget {
  settings: string[];
  /** Sets of settings between which money may move (one set when pooled, one per payer when separate). */
  groups: string[][];
  /** Whether the pot's payers pay for all its services in proportion (pooled) or each its own (separate). */
  pooled: boolean;
  intervalDays: number;
  leadTimeDays: number;
  /** Largest share of a setting's places moved at one review. */
  maxShiftShare: number;
  start: number;
  /** Change in the council's money for the services (-0.05: a 5% cut), spot budget included. */
  councilBudgetChange: number;
}

/** Beds that switch between acute and a bedded step-down setting as queues need. */
export interface FlexibleBeds {
  stepDown: string;
  beds: number;
  /** Of the pool, how many start (and are taken from) the acute setting. */
  fromAcute: number;
  intervalDays: number;
  start: number;
}

/** Everything the policies of one model do. */
export interface PolicyEffects {
  factors: Record<FactorTarget, Profile[]>;
  redirects: Redirect[];
  routeShifts: RouteShift[];
  capacityDeltas: CapacityDelta[];
  runningCosts: RunningCost[];
  payerShifts: PayerShift[];
  dischargeToAssess: DischargeToAssess[];
  sevenDay: SevenDayWorking[];
  pooledBudget: PooledBudget | null;
  flexibleBeds: FlexibleBeds[];
}

/** No effects: the model as written. */
export function noEffects(): PolicyEffects {
  return {
    factors: {},
    redirects: [],
    routeShifts: [],
    capacityDeltas: [],
    runningCosts: [],
    payerShifts: [],
    dischargeToAssess: [],
    sevenDay: [],
    pooledBudget: null,
    flexibleBeds: [],
  };
}
