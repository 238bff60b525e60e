/**
 * The *compile* stage: a {@link ResolvedModel} turned into the run model a replication needs:
 * settings by index, distributions built once, cumulative probability tables, capacity plans
 * with the behaviour that runs each, and policy effects by index. Nothing in it refers back to
 * the model file: the run reads only what is compiled here.
 *
 * @module
 */
import { Calendar, type WorkingWindow } from '../engine/calendar.js';
import { createDistribution, type Distribution, type DistributionSpec } from '../engine/random/distributions.js';
import type { CapacityPlan } from './capacity/plan.js';
import { capacityFactory } from './capacity/registry.js';
import './capacity/shipped.js';
import type { CreateCapacity } from './capacity/setting-capacity.js';
import type { VisitRates } from './capacity/visits-per-day.js';
import { DISCHARGE_STEP_REASONS, stepReasonCode } from './delay-reasons.js';
import { PAYERS, payerShareArray } from './payers.js';
import type { SpotBudgets } from './capacity/spot-ledger.js';
import type { PooledBudget } from './policies/effects.js';
import { PATHWAYS } from './pathways.js';
import { compileEffects, type CompiledPolicies } from './policies/compile-effects.js';
import { cumulative, type RouteTable } from './probability-table.js';
import type { ResolvedModel } from './resolve/resolve-model.js';
import { routeCode } from './routes.js';
import type { SettingConfig } from './schema.js';
import { compileWhileWaiting, type CompiledWhileWaiting } from './waiting-hazard.js';

/** A setting ready to run. */
export interface CompiledSetting {
  index: number;
  name: string;
  kind: 'acute' | 'bed' | 'home';
  /** Its capacity as resolved (initial, dated changes, behaviour parameters). */
  capacity: CapacityPlan;
  /** Builds the setting's capacity for a replication (the plan's behaviour). */
  createCapacity: CreateCapacity;
  intermediate: boolean;
  careHome: boolean;
  lengthOfStay: Distribution | null;
  costPerDay: number;
  /** Whether costPerDay is paid per occupied place-day or per place-day of capacity. */
  costBasis: 'occupied' | 'capacity';
  /** Cost per place-day of capacity, used or not, on top of costPerDay. */
  placeCostPerDay: number;
  /** Shares of cost by payer, in PAYERS order. */
  payerShares: Float64Array;
  routes: RouteTable | null;
  /** Visits per day per client, tapering from initial to final over the stay; null when capacity counts clients. */
  visits: VisitRates | null;
  /** The provider's own assessment before it takes someone; null for none. */
  providerAssessment: Distribution | null;
  /** What may happen to people while they wait for a place here; null for nothing. */
  whileWaiting: CompiledWhileWaiting | null;
}

/** A discharge step ready to run. */
export interface CompiledDischargeStep {
  /** Its delay-reason code. */
  reason: number;
  /** Share of the patients on its pathways who need it. */
  share: number;
  duration: Distribution;
  /** By pathway index: whether patients on it need the step. */
  pathways: boolean[];
  /** Its working hours; null for around the clock. */
  window: WorkingWindow | null;
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

/** Emergency arrivals: a base rate with day-of-week and month-of-year profiles and a trend. */
export interface EmergencyArrivals {
  perDay: number;
  /** Factors by day of the week (0 = Monday), or null for none. */
  dayOfWeek: readonly number[] | null;
  /** Factors by month (0 = January), or null for none. */
  monthOfYear: readonly number[] | null;
  /** Growth per year (0.02 for 2%). */
  trendPerYear: number;
}

/** People already in the system at time 0, by setting index. */
export interface WarmStart {
  occupied: number[];
  /** People fit and waiting in acute beds for a place in the setting. */
  waiting: number[];
}

/** A whole model ready to run. */
export interface CompiledModel {
  calendar: Calendar;
  settings: CompiledSetting[];
  acute: number;
  groups: CompiledGroup[];
  groupCumulative: Float64Array;
  emergencyArrivals: EmergencyArrivals;
  community: { name: string; perDay: number; target: number; group: number }[];
  /** Days an arrival waits for an acute bed before being diverted; null to wait as long as it takes. */
  maxAdmissionWaitDays: number | null;
  /** Cost of a day waiting for an acute bed, and of a diversion (both paid as the acute setting is). */
  admissionWaitCostPerDay: number;
  diversionCost: number;
  /** Setting index each pathway discharges into (-1 for P0). */
  pathwayTarget: Int32Array;
  pathwayNeedsAssessment: boolean[];
  dischargeProcess: Distribution;
  /** Hours the discharge process works; null for around the clock. */
  dischargeWindow: WorkingWindow | null;
  /** Hours in which a review can declare a patient medically optimised; null for any time. */
  reviewWindow: WorkingWindow | null;
  /** The ward's discharge work as steps with their own reasons; null: one process for P0 (`dischargeProcess`). */
  dischargeSteps: CompiledDischargeStep[] | null;
  /** The reasons of the discharge steps, in delay-reason code order after the awaiting reasons. */
  stepReasons: string[];
  /** By pathway: assessment work and referral delay (the pathway's own, else the model's). */
  assessmentDuration: Distribution[];
  referralDelay: Distribution[];
  /** By pathway: hours referral and assessment work; null for around the clock. */
  pathwayAssessmentWindow: (WorkingWindow | null)[];
  /** Hours providers' own assessments work (the model's assessment window); null for around the clock. */
  assessmentWindow: WorkingWindow | null;
  /** Chance that a referral is lost or repeated. */
  repeatReferralProbability: number;
  assessmentCostPerAssessment: number;
  assessmentPayerShares: Float64Array;
  /** Risk of readmission after a discharge home from hospital, and its rise per delayed day. */
  readmissionRisk: { afterDischarge: number; perDelayedDay: number };
  readmissionDelay: Distribution;
  /** Spot budgets shared by the provider markets (a pooled budget may join the NHS's and the council's). */
  spotBudgets: SpotBudgets;
  /** People in the system at time 0; null for an empty start. */
  warmStart: WarmStart | null;
  /** What the model's policies do (see src/model/policies). */
  policies: CompiledPolicies;
}

/** Builds the run model of a resolved model. Distributions are constructed here, once per run. */
export function compileModel(resolved: ResolvedModel): CompiledModel {
  const config = resolved.config;
  const calendar = new Calendar(config.startDate);
  const names = resolved.settings;
  const indexOf = (name: string): number => names.indexOf(name);
  const settings = names.map((name, index) => compileSetting(name, index, config.settings[name], resolved.capacity[name], indexOf));
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
  const emergency = config.arrivals.emergency;
  const warm = config.warmStart;
  const listed = config.discharge.steps;
  const stepReasons = DISCHARGE_STEP_REASONS.filter((r) => listed?.some((step) => step.reason === r));
  const steps =
    listed?.map((step) => ({
      reason: stepReasonCode(step.reason, stepReasons, names.length),
      share: step.share,
      duration: createDistribution(step.duration as DistributionSpec),
      pathways: PATHWAYS.map((p) => step.pathways.includes(p)),
      window: step.window === undefined ? config.discharge.window : step.window,
    })) ?? null;
  return {
    calendar,
    settings,
    acute: indexOf(resolved.acute),
    groups,
    groupCumulative: cumulative(config.caseMix.map((g) => g.share)),
    emergencyArrivals: { perDay: emergency.perDay, dayOfWeek: emergency.dayOfWeek ?? null, monthOfYear: emergency.monthOfYear ?? null, trendPerYear: emergency.trendPerYear },
    community: config.arrivals.community.map((c) => ({
      name: c.name,
      perDay: c.perDay,
      target: indexOf(c.to),
      group: c.group === undefined ? -1 : config.caseMix.findIndex((g) => g.name === c.group),
    })),
    maxAdmissionWaitDays: config.admission.maxWaitDays,
    admissionWaitCostPerDay: config.admission.waitingCostPerDay,
    diversionCost: config.admission.diversionCost,
    pathwayTarget: Int32Array.from(PATHWAYS.map((p) => (config.pathways[p].to ? indexOf(config.pathways[p].to as string) : -1))),
    pathwayNeedsAssessment: PATHWAYS.map((p) => p !== 'P0' && config.pathways[p].assessment),
    dischargeProcess: createDistribution((config.discharge.process ?? NO_TIME) as DistributionSpec),
    dischargeWindow: config.discharge.window,
    reviewWindow: config.discharge.reviewWindow,
    dischargeSteps: steps,
    stepReasons,
    ...pathwayAssessments(config),
    assessmentWindow: config.assessment.window,
    repeatReferralProbability: config.assessment.repeatProbability,
    assessmentCostPerAssessment: config.assessment.costPerAssessment,
    assessmentPayerShares: payerShareArray(config.assessment.payers),
    readmissionRisk: { afterDischarge: config.readmission.riskAfterDischarge, perDelayedDay: config.readmission.extraRiskPerDelayedDay },
    readmissionDelay: createDistribution(config.readmission.withinDays as DistributionSpec),
    spotBudgets: spotBudgetsOf(config, resolved.effects.pooledBudget),
    warmStart: warm ? { occupied: names.map((n) => warm[n]?.occupied ?? 0), waiting: names.map((n) => warm[n]?.waiting ?? 0) } : null,
    policies: compileEffects(resolved, (to) => routeCode(to, indexOf)),
  };
}

const NO_TIME = { type: 'fixed', value: 0 };

/**
 * The spot budgets: the model's, with a pooled budget's council change applied to the
 * council's (its money for the services, block and spot alike) and, in pooled mode, the NHS's
 * and council's budgets one pot from the policy's start.
 */
function spotBudgetsOf(config: ResolvedModel['config'], pooled: PooledBudget | null): SpotBudgets {
  const listed = config.spotBudgetPerYear as Partial<Record<(typeof PAYERS)[number], number>>;
  const perYear = PAYERS.map((payer) => listed[payer] ?? Infinity);
  const councilChange = pooled !== null && pooled.councilBudgetChange !== 0 ? { from: pooled.start, factor: 1 + pooled.councilBudgetChange } : null;
  return { perYear, poolFrom: pooled !== null && pooled.pooled ? pooled.start : null, councilChange };
}

/**
 * Referral delay, assessment work and working hours by pathway. A pathway without its own uses
 * the model's, as the same distribution object, so that a model with none draws as before.
 */
function pathwayAssessments(config: ResolvedModel['config']): Pick<CompiledModel, 'referralDelay' | 'assessmentDuration' | 'pathwayAssessmentWindow'> {
  const referral = createDistribution(config.assessment.referralDelay as DistributionSpec);
  const work = createDistribution(config.assessment.duration as DistributionSpec);
  const own = PATHWAYS.map((p) => config.pathways[p]);
  return {
    referralDelay: own.map((p) => (p.referralDelay ? createDistribution(p.referralDelay as DistributionSpec) : referral)),
    assessmentDuration: own.map((p) => (p.assessmentDuration ? createDistribution(p.assessmentDuration as DistributionSpec) : work)),
    pathwayAssessmentWindow: own.map((p) => (p.assessmentWindow === undefined ? config.assessment.window : p.assessmentWindow)),
  };
}

function compileSetting(name: string, index: number, s: SettingConfig, capacity: CapacityPlan, indexOf: (n: string) => number): CompiledSetting {
  return {
    index,
    name,
    kind: s.kind,
    capacity,
    createCapacity: capacityFactory(capacity.behaviour),
    intermediate: s.intermediate,
    careHome: s.careHome,
    lengthOfStay: s.lengthOfStay ? createDistribution(s.lengthOfStay as DistributionSpec) : null,
    costPerDay: s.costPerDay,
    costBasis: s.costBasis,
    placeCostPerDay: s.placeCostPerDay,
    payerShares: payerShareArray(s.payers),
    routes: s.next
      ? {
          cumulative: cumulative(s.next.map((r) => r.probability)),
          targets: Int32Array.from(s.next.map((r) => routeCode(r.to, indexOf))),
        }
      : null,
    visits: capacity.behaviour === 'visitsPerDay' ? (capacity.parameters as unknown as VisitRates) : null,
    providerAssessment: s.providerAssessment ? createDistribution(s.providerAssessment as DistributionSpec) : null,
    whileWaiting: s.whileWaiting ? compileWhileWaiting(s.whileWaiting, indexOf) : null,
  };
}
