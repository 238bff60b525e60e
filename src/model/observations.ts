/**
 * What a replication measures: counts, time-weighted levels, midnight counts and daily series,
 * over the results window that starts at the end of the warm-up.
 *
 * Memory is bounded: nothing is kept per person; delay lengths go into a fixed histogram, and
 * the daily series has one row per day and setting.
 *
 * @module
 */
import type { DivisibleResource } from '../engine/divisible-resource.js';
import type { Resource } from '../engine/resource.js';
import { TimeWeighted } from '../engine/monitors/time-weighted.js';
import { Tally } from '../engine/monitors/tally.js';
import type { SettingCapacity } from './capacity/setting-capacity.js';
import type { CompiledModel } from './compile.js';
import { delayReasonNames, isExternalReason, REASON_AWAITING_OFFSET } from './delay-reasons.js';
import { DischargeReadyDelays } from './discharge-ready-delays.js';
import { DELAY_LENGTH_BANDS } from './metrics/delay-bands.js';
import { PATHWAYS } from './pathways.js';
import { PAYERS } from './payers.js';
import { ROUTE_DEATH, ROUTE_HOME } from './routes.js';
import { SaturationMonitor } from './saturation-monitor.js';
import type { PatientTable } from './patients.js';
import { PolicyCosts } from './policy-costs.js';
import type { RunWindow } from './run-window.js';
import { WAIT_DEATH, WAIT_OUTCOME_METRICS } from './waiting-hazard.js';

const HISTOGRAM_BIN_DAYS = 0.25;
const HISTOGRAM_BINS = 480; // 120 days; longer delays fall in the last bin

/**
 * Columns of the daily series, per setting. On the acute row, `dischargeProcess` counts the
 * patients delayed by the ward's own work (every internal reason) and `assessment` those
 * delayed by external reasons before a place is sought (referral and assessment, equipment,
 * housing); each other setting's row counts, in `awaitedFromHospital`, the patients in acute
 * beds waiting for it. The reasons one by one are in `delayedBedDaysByReason`.
 */
export const DAILY_COLUMNS = ['occupancy', 'delayed', 'queue', 'capacity', 'dischargeProcess', 'assessment', 'awaitedFromHospital'] as const;

/**
 * Daily series of one replication: value[(day * settings + s) * DAILY_COLUMNS.length + column],
 * and the acute patients delayed at each midnight by reason: reasonValues[day * reasons + k].
 */
export interface DailySeries {
  days: number;
  settings: string[];
  values: Float64Array;
  /** The delay reasons, in the order of the `delayedBedDaysByReason.<reason>` metrics. */
  reasons: string[];
  reasonValues: Float64Array;
}

/** Counters and monitors of one replication. */
export class Observations {
  private readonly model: CompiledModel;
  private readonly resources: Resource[];
  private readonly capacities: readonly SettingCapacity[];
  private readonly reasonNames: string[];
  /** By reason code: whether the NHS counts it as external to the hospital. */
  private readonly external: boolean[];
  /** Reason codes summed into the daily dischargeProcess column (internal) and assessment column (external, before a place). */
  private readonly internalReasons: number[];
  private readonly externalBeforePlace: number[];
  private inWindow: boolean;
  private windowStart: number;
  private windowEnd = 0;

  private admissions = 0;
  private readonly admissionWaits = new Tally({ keepValues: false });
  private diversions = 0;
  private communityReferrals = 0;
  private inHospitalDeaths = 0;
  private fit = 0;
  private assessments = 0;
  private readmissions = 0;
  private acuteDischarges = 0;
  private sameDay = 0;
  private readonly fitToDischarge = new Tally({ keepValues: false });
  private readonly delayHistogram = new Float64Array(HISTOGRAM_BINS);
  private toIntermediate = 0;
  private toCareHomeFromAcute = 0;
  private readonly placements: Float64Array;
  private readonly exitsHome: Float64Array;
  private readonly exitsAll: Float64Array;
  private readonly deathsInSettings: Float64Array;
  /** People who wait change (run/waiting-hazards.ts): by setting waited for * 3 + outcome. */
  private readonly whileWaiting: Float64Array;
  /** Deaths while waiting in the community (holding no place, so counted in no setting). */
  private deathsWaitingAtHome = 0;

  private readonly delayedByReason: TimeWeighted[];
  /** Reason codes reported (all but waiting for an acute bed, which no acute patient does). */
  private readonly reportedReasons: number[];
  private readonly delayedByPathway: TimeWeighted[];
  private readonly acuteDelayed = new TimeWeighted();
  private readonly blockedIn: TimeWeighted[];
  private readonly midnightDelayed = new Tally({ keepValues: false });
  private readonly capacitySamples: Tally[];
  private readonly saturation: SaturationMonitor;
  private readonly daily: DailySeries;
  private readonly horizon: number;
  /** Delays as the discharge ready date publication and the situation report count them. */
  private readonly dischargeReady: DischargeReadyDelays;
  /** Costs that policies add or move between payers. */
  readonly policyCosts: PolicyCosts;

  constructor(model: CompiledModel, capacities: readonly SettingCapacity[], window: RunWindow) {
    this.model = model;
    this.capacities = capacities;
    this.resources = capacities.map((c) => c.resource);
    this.policyCosts = new PolicyCosts(model, this.resources, window.warmupDays);
    const n = model.settings.length;
    this.reasonNames = delayReasonNames(
      model.settings.map((s) => s.name),
      model.stepReasons,
    );
    const awaiting = (r: number): boolean => r >= REASON_AWAITING_OFFSET && r < REASON_AWAITING_OFFSET + n;
    this.external = this.reasonNames.map(isExternalReason);
    this.internalReasons = this.reasonNames.flatMap((name, r) => (isExternalReason(name) ? [] : [r]));
    this.externalBeforePlace = this.reasonNames.flatMap((name, r) => (isExternalReason(name) && !awaiting(r) ? [r] : []));
    this.delayedByReason = this.reasonNames.map(() => new TimeWeighted());
    this.reportedReasons = this.reasonNames.flatMap((_, r) => (r - REASON_AWAITING_OFFSET === model.acute ? [] : [r]));
    this.delayedByPathway = PATHWAYS.map(() => new TimeWeighted());
    this.blockedIn = model.settings.map(() => new TimeWeighted());
    this.capacitySamples = model.settings.map(() => new Tally({ keepValues: false }));
    this.saturation = new SaturationMonitor(this.resources);
    this.placements = new Float64Array(n);
    this.exitsHome = new Float64Array(n);
    this.exitsAll = new Float64Array(n);
    this.deathsInSettings = new Float64Array(n);
    this.whileWaiting = new Float64Array(n * WAIT_OUTCOME_METRICS.length);
    this.windowStart = window.warmupDays;
    this.inWindow = window.warmupDays <= 0;
    this.horizon = window.horizonDays;
    this.dischargeReady = new DischargeReadyDelays(window.warmupDays);
    const days = Math.ceil(window.horizonDays);
    this.daily = {
      days,
      settings: model.settings.map((s) => s.name),
      values: new Float64Array(days * n * DAILY_COLUMNS.length),
      reasons: this.reportedReasons.map((r) => this.reasonNames[r]),
      reasonValues: new Float64Array(days * this.reportedReasons.length),
    };
  }

  /** Starts the results window (end of warm-up): forgets everything counted so far. */
  startWindow(now: number): void {
    this.inWindow = true;
    this.windowStart = now;
    this.admissions = this.diversions = this.communityReferrals = this.inHospitalDeaths = 0;
    this.fit = this.assessments = this.readmissions = this.acuteDischarges = this.sameDay = 0;
    this.toIntermediate = this.toCareHomeFromAcute = this.deathsWaitingAtHome = 0;
    this.admissionWaits.reset();
    this.fitToDischarge.reset();
    this.midnightDelayed.reset();
    for (const a of [this.delayHistogram, this.placements, this.exitsHome, this.exitsAll, this.deathsInSettings, this.whileWaiting]) a.fill(0);
    for (const m of [...this.delayedByReason, ...this.delayedByPathway, this.acuteDelayed, ...this.blockedIn]) m.reset(now);
    for (const t of this.capacitySamples) t.reset();
    this.saturation.reset();
    for (const r of this.resources) r.resetStatistics();
    this.policyCosts.startWindow(now);
    this.dischargeReady.startWindow(now);
    for (const c of this.capacities) c.startWindow?.(now);
  }

  /** An emergency admission took an acute bed after waiting `wait` days. */
  admission(wait: number): void {
    if (!this.inWindow) return;
    this.admissions++;
    this.admissionWaits.add(wait);
  }

  /** An arrival gave up waiting for a bed and was diverted. */
  diversion(_wait: number): void {
    if (this.inWindow) this.diversions++;
  }

  /** A referral from the community to a setting. */
  communityReferral(_target: number): void {
    if (this.inWindow) this.communityReferrals++;
  }

  /** A death in hospital. */
  inHospitalDeath(): void {
    if (this.inWindow) this.inHospitalDeaths++;
  }

  /** A patient became medically optimised. */
  medicallyOptimised(): void {
    if (this.inWindow) this.fit++;
  }

  /** An assessment started. */
  assessment(): void {
    if (this.inWindow) this.assessments++;
  }

  /** A readmission to hospital. */
  readmission(): void {
    if (this.inWindow) this.readmissions++;
  }

  /** A medically optimised patient left the acute bed for `destination` (-1 = home). */
  acuteDischarge(now: number, fitAt: number, _pathway: number, destination: number): void {
    if (!this.inWindow) return;
    const wait = now - fitAt;
    this.acuteDischarges++;
    this.fitToDischarge.add(wait);
    if (Math.floor(now) === Math.floor(fitAt)) this.sameDay++;
    this.dischargeReady.discharged(now, fitAt);
    this.delayHistogram[Math.min(HISTOGRAM_BINS - 1, Math.floor(wait / HISTOGRAM_BIN_DAYS))]++;
    if (destination >= 0) {
      const s = this.model.settings[destination];
      if (s.intermediate) this.toIntermediate++;
      if (s.careHome) this.toCareHomeFromAcute++;
    }
  }

  /** Someone took a place in setting s, coming from setting `from` (-1 = the community). */
  placement(s: number, from: number): void {
    if (!this.inWindow) return;
    this.placements[s]++;
    // Discharge to assess: the move on from the interim setting is the hospital discharge's
    // destination, so it counts as one (or D2A would seem to empty intermediate care).
    const d2a = this.model.policies.dischargeToAssess;
    if (d2a === null || from !== d2a.interim) return;
    const setting = this.model.settings[s];
    if (setting.intermediate) this.toIntermediate++;
    if (setting.careHome) this.toCareHomeFromAcute++;
  }

  /** A person finished their stay in s but waits, holding the place, for the next service. */
  blocked(s: number, now: number): void {
    this.blockedIn[s].add(now, 1);
  }

  /** The person blocking a place in s moved on. */
  unblocked(s: number, now: number): void {
    this.blockedIn[s].add(now, -1);
  }

  /** A person left setting s for home, death or readmission. */
  exit(s: number, how: number): void {
    if (!this.inWindow) return;
    this.exitsAll[s]++;
    if (how === ROUTE_HOME) this.exitsHome[s]++;
    if (how === ROUTE_DEATH) this.deathsInSettings[s]++;
  }

  /**
   * A person waiting for a place in s was re-assessed, died or was readmitted (a WAIT_* outcome);
   * `atHome`: they were waiting in the community, holding no place.
   */
  changedWhileWaiting(s: number, outcome: number, atHome: boolean): void {
    if (!this.inWindow) return;
    this.whileWaiting[s * WAIT_OUTCOME_METRICS.length + outcome]++;
    if (atHome && outcome === WAIT_DEATH) this.deathsWaitingAtHome++;
  }

  /** A person left setting s for another setting (they did not leave services). */
  movedOn(s: number): void {
    if (this.inWindow) this.exitsAll[s]++;
  }

  /** An acute delay for `reason` began. */
  delayStarts(reason: number, pathway: number, now: number): void {
    this.delayedByReason[reason].add(now, 1);
    this.delayedByPathway[pathway].add(now, 1);
    this.acuteDelayed.add(now, 1);
  }

  /** An acute delay for `reason` ended (another may follow). */
  delayEnds(reason: number, pathway: number, now: number): void {
    this.delayedByReason[reason].add(now, -1);
    this.delayedByPathway[pathway].add(now, -1);
    this.acuteDelayed.add(now, -1);
  }

  /** Midnight: the NHS counts delayed patients now; the daily series takes a row. */
  midnight(now: number): void {
    const day = Math.floor(now + 1e-9);
    const n = this.model.settings.length;
    if (this.inWindow) this.policyCosts.accrue(now);
    const columns = DAILY_COLUMNS.length;
    if (day < this.daily.days) {
      for (let s = 0; s < n; s++) {
        const base = (day * n + s) * columns;
        const r = this.resources[s];
        this.daily.values[base] = r.inUse;
        this.daily.values[base + 1] = s === this.model.acute ? this.acuteDelayed.value : this.blockedIn[s].value;
        this.daily.values[base + 2] = r.waiting;
        // Before any change due at this instant: the capacity of the day just ended.
        this.daily.values[base + 3] = r.capacity;
        // The acute delays by reason: process and assessment on the acute row, and on each other
        // setting's row the patients in acute beds waiting for it.
        const isAcute = s === this.model.acute;
        this.daily.values[base + 4] = isAcute ? this.levelOf(this.internalReasons) : 0;
        this.daily.values[base + 5] = isAcute ? this.levelOf(this.externalBeforePlace) : 0;
        this.daily.values[base + 6] = isAcute ? 0 : this.delayedByReason[2 + s].value;
      }
      const reasons = this.reportedReasons;
      for (let k = 0; k < reasons.length; k++) this.daily.reasonValues[day * reasons.length + k] = this.delayedByReason[reasons[k]].value;
    }
    // The NHS count at midnight, and the capacity, belong to the day that ends now: the window's
    // first midnight ends no day of it, and its last (at the horizon) ends its last day.
    if (!this.inWindow) return;
    this.dischargeReady.snapshot(now, this.acuteDelayed.value, this.horizon);
    if (!(now > this.windowStart)) return;
    this.midnightDelayed.add(this.acuteDelayed.value);
    // Capacity is sampled for the day that ends now: midnight runs before the capacity changes
    // due at the same instant, so it still sees the day just ended. The window's first midnight
    // ends no day of it, and its last (at the horizon) ends its last day.
    for (let s = 0; s < n; s++) this.capacitySamples[s].add(this.resources[s].capacity);
    this.saturation.sample(now - this.windowStart);
  }

  /** Closes the window at the horizon. */
  finish(now: number, _patients: PatientTable): void {
    this.windowEnd = now;
  }

  /** The daily series (whole run, warm-up included, so that the warm-up can be read off it). */
  dailySeries(): DailySeries {
    return this.daily;
  }

  /**
   * Every metric of the replication, by name. Each name is declared in the metric registry
   * (`metrics/registry.ts`); test/model/metric-registry.test.ts fails when they drift apart.
   */
  metrics(): Record<string, number> {
    const now = this.windowEnd;
    const span = now - this.windowStart;
    const m: Record<string, number> = {};
    const acute = this.model.acute;
    const acuteResource = this.resources[acute];
    const acuteCapacity = this.meanCapacity(acute);
    m.windowDays = span;
    m.admissions = this.admissions;
    m.admissionsPerDay = this.admissions / span;
    m.meanAdmissionWaitDays = nanToZero(this.admissionWaits.mean());
    m.diversions = this.diversions;
    m.diversionShare = this.admissions + this.diversions > 0 ? this.diversions / (this.admissions + this.diversions) : 0;
    m.communityReferrals = this.communityReferrals;
    m.acuteBeds = acuteCapacity;
    m.acuteOccupancyRate = acuteResource.occupancy.mean(now) / acuteCapacity;
    m.medicallyOptimised = this.fit;
    m.delayedPatientsPerDay = nanToZero(this.midnightDelayed.mean());
    m.delayedShareOfAcuteBeds = m.delayedPatientsPerDay / acuteCapacity;
    m.acuteBedDays = acuteResource.occupancy.integral(now);
    m.delayedBedDays = this.acuteDelayed.integral(now);
    m.delayedBedDaysPerDay = m.delayedBedDays / span;
    this.reasonNames.forEach((name, r) => {
      if (r - REASON_AWAITING_OFFSET !== acute) m[`delayedBedDaysByReason.${name}`] = this.delayedByReason[r].integral(now);
    });
    PATHWAYS.forEach((p, i) => (m[`delayedBedDaysByPathway.${p}`] = this.delayedByPathway[i].integral(now)));
    m.meanFitToDischargeDays = nanToZero(this.fitToDischarge.mean());
    m.sameDayDischargeShare = this.acuteDischarges > 0 ? this.sameDay / this.acuteDischarges : 0;
    m.delayLengthMedianDays = this.delayQuantile(0.5);
    m.delayLengthP90Days = this.delayQuantile(0.9);
    this.delayBandShares(m);
    this.dischargeReady.addMetrics(m);
    m.externalDelayShare = this.externalDelayShare(now, m.delayedBedDays);
    m.dischargesToIntermediateCare = this.toIntermediate;
    m.newCareHomePlacementsFromHospital = this.toCareHomeFromAcute;
    m.intermediateToCareHomeRatio = this.toCareHomeFromAcute > 0 ? this.toIntermediate / this.toCareHomeFromAcute : NaN;
    m.assessments = this.assessments;
    m.readmissions = this.readmissions;
    m.inHospitalDeaths = this.inHospitalDeaths;
    m.deaths = this.inHospitalDeaths + this.deathsInSettings.reduce((a, b) => a + b, 0) + this.deathsWaitingAtHome;
    this.settingMetrics(m, now);
    this.costMetrics(m, now);
    return m;
  }

  private settingMetrics(m: Record<string, number>, now: number): void {
    let careHomePlacements = 0;
    let intermediateHomeExits = 0;
    let intermediateHomeExitsHome = 0;
    this.model.settings.forEach((s, i) => {
      const r = this.resources[i];
      const bedDays = r.occupancy.integral(now);
      const delayed = i === this.model.acute ? this.acuteDelayed.integral(now) : this.blockedIn[i].integral(now);
      m[`occupancy.${s.name}`] = r.occupancy.mean(now);
      m[`capacity.${s.name}`] = this.meanCapacity(i);
      m[`occupancyRate.${s.name}`] = r.occupancy.mean(now) / this.meanCapacity(i);
      m[`bedDays.${s.name}`] = bedDays;
      m[`neededBedDays.${s.name}`] = bedDays - delayed;
      m[`delayedDays.${s.name}`] = delayed;
      m[`meanWaitDays.${s.name}`] = nanToZero(r.waits.mean());
      m[`waitedShare.${s.name}`] = r.waits.count > 0 ? r.waitedGrants / r.waits.count : 0;
      m[`meanWaitOfWaitedDays.${s.name}`] = r.waitedGrants > 0 ? r.waitedTotal / r.waitedGrants : 0;
      m[`meanQueue.${s.name}`] = r.queueLength.mean(now);
      m[`fullShare.${s.name}`] = this.saturation.fullShare(i);
      m[`queueTrendPerYear.${s.name}`] = this.saturation.queueTrendPerYear(i);
      if (i !== this.model.acute) m[`placements.${s.name}`] = this.placements[i];
      if (s.visits !== null) m[`clients.${s.name}`] = (r as DivisibleResource).holderCount.mean(now);
      this.capacities[i].addMetrics?.(m, now, s.name);
      if (s.whileWaiting !== null) WAIT_OUTCOME_METRICS.forEach((family, k) => (m[`${family}.${s.name}`] = this.whileWaiting[i * WAIT_OUTCOME_METRICS.length + k]));
      if (s.careHome) careHomePlacements += this.placements[i];
      if (s.intermediate && s.kind === 'home') {
        intermediateHomeExits += this.exitsAll[i];
        intermediateHomeExitsHome += this.exitsHome[i];
      }
    });
    m.careHomePlacements = careHomePlacements;
    m.independenceAfterReablement = intermediateHomeExits > 0 ? intermediateHomeExitsHome / intermediateHomeExits : NaN;
  }

  private costMetrics(m: Record<string, number>, now: number): void {
    const byPayer = new Float64Array(PAYERS.length);
    const setting = new Float64Array(PAYERS.length);
    const shifted = new Float64Array(PAYERS.length);
    const moved = new Float64Array(PAYERS.length);
    this.model.settings.forEach((s, i) => {
      this.policyCosts.settingCostByPayer(i, now, setting, moved);
      this.capacities[i].addCosts?.(setting, now);
      m[`costBySetting.${s.name}`] = setting[0] + setting[1] + setting[2];
      for (let k = 0; k < PAYERS.length; k++) {
        byPayer[k] += setting[k];
        shifted[k] += moved[k];
      }
    });
    // Waiting for a bed and diversions are the acute setting's costs, paid as it is.
    const acuteShares = this.model.settings[this.model.acute].payerShares;
    m.costAdmissionWaits = this.resources[this.model.acute].queueLength.integral(now) * this.model.admissionWaitCostPerDay;
    m.costDiversions = this.diversions * this.model.diversionCost;
    for (let k = 0; k < PAYERS.length; k++) byPayer[k] += (m.costAdmissionWaits + m.costDiversions) * acuteShares[k];
    const assessmentCost = this.assessments * this.model.assessmentCostPerAssessment;
    m.costAssessments = assessmentCost;
    for (let k = 0; k < PAYERS.length; k++) byPayer[k] += assessmentCost * this.model.assessmentPayerShares[k];
    m.costPolicies = this.policyCosts.runningCosts(now, byPayer, m);
    PAYERS.forEach((payer, k) => (m[`costByPayer.${payer}`] = byPayer[k]));
    m['costShift.nhs'] = shifted[0];
    m['costShift.council'] = shifted[1];
    m.costTotal = byPayer.reduce((a, b) => a + b, 0);
    m.costPerDay = m.costTotal / (now - this.windowStart);
  }

  /** Share of delayed bed days whose reason lies outside the hospital (see delay-reasons.ts). */
  private externalDelayShare(now: number, delayedBedDays: number): number {
    let external = 0;
    this.delayedByReason.forEach((monitor, r) => {
      if (this.external[r]) external += monitor.integral(now);
    });
    return delayedBedDays > 0 ? external / delayedBedDays : 0;
  }

  /** Patients delayed now for any of these reasons. */
  private levelOf(reasons: readonly number[]): number {
    let n = 0;
    for (const r of reasons) n += this.delayedByReason[r].value;
    return n;
  }

  private meanCapacity(s: number): number {
    const sampled = this.capacitySamples[s].mean();
    return Number.isNaN(sampled) ? this.resources[s].capacity : sampled;
  }

  /** Shares of acute discharges in each delay band (bin edges fall on whole days, so exact). */
  private delayBandShares(m: Record<string, number>): void {
    const total = this.delayHistogram.reduce((a, b) => a + b, 0);
    for (const band of DELAY_LENGTH_BANDS) {
      const from = band.from / HISTOGRAM_BIN_DAYS;
      const to = Math.min(HISTOGRAM_BINS, band.to / HISTOGRAM_BIN_DAYS);
      let n = 0;
      for (let i = from; i < to; i++) n += this.delayHistogram[i];
      m[`delayLengthShare.${band.name}`] = total > 0 ? n / total : 0;
    }
  }

  private delayQuantile(p: number): number {
    const total = this.delayHistogram.reduce((a, b) => a + b, 0);
    if (total === 0) return 0;
    let seen = 0;
    for (let i = 0; i < HISTOGRAM_BINS; i++) {
      const next = seen + this.delayHistogram[i];
      if (next >= p * total) return (i + (p * total - seen) / this.delayHistogram[i]) * HISTOGRAM_BIN_DAYS;
      seen = next;
    }
    return HISTOGRAM_BINS * HISTOGRAM_BIN_DAYS;
  }
}

function nanToZero(x: number): number {
  return Number.isNaN(x) ? 0 : x;
}
