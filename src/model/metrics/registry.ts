/**
 * The metric registry: every metric a replication reports, declared once, with its meaning,
 * its unit, how it is aggregated over replications and where the report and the terminal table
 * show it. `careflow list metrics`, `isKnownMetric`, the terminal table, the report's metric
 * lists and the README's metric table are all made from {@link METRICS}; a test runs a
 * replication and fails when the observations produce a name not declared here, or leave out one
 * that is.
 *
 * A family (`occupancy.<setting>`) is one declaration whose members come from the model: its
 * settings, delay reasons, the pathways, the payers, the policies or the delay-length bands
 * (see `members.ts`).
 *
 * Every count, day total and cost is over the results window (after the warm-up).
 *
 * @module
 */

/**
 * The unit of a metric's values as a replication reports them (the report may rescale them for
 * display: shares as percentages, GBP in millions).
 */
export type MetricUnit = 'count' | 'perDay' | 'people' | 'places' | 'placeDays' | 'days' | 'share' | 'ratio' | 'GBP' | 'GBPPerDay' | 'peoplePerYear';

/** Each unit in words, for `careflow list metrics` and the README. */
export const UNIT_WORDS: Readonly<Record<MetricUnit, string>> = {
  count: 'count',
  perDay: 'per day',
  people: 'people',
  places: 'places',
  placeDays: 'place days',
  days: 'days',
  share: 'share (0-1)',
  ratio: 'ratio',
  GBP: 'GBP',
  GBPPerDay: 'GBP per day',
  peoplePerYear: 'people per year',
};

/**
 * How a metric is aggregated over replications. Both are what `summarise` and
 * `pairedDifference` (src/experiment/statistics.ts) do: mean, standard deviation, 95% Student-t
 * interval, 5th/50th/95th percentiles, and the paired difference from the baseline with its
 * interval. `meanWhereDefined` marks a ratio that a replication leaves undefined (NaN) when its
 * denominator is zero; those replications are left out, so `n` can be below the replications.
 */
export type Aggregation = 'mean' | 'meanWhereDefined';

/** Each aggregation in words. */
export const AGGREGATION_WORDS: Readonly<Record<Aggregation, string>> = {
  mean: 'mean',
  meanWhereDefined: 'mean where defined',
};

/**
 * Where a family's members come from: `setting` every setting of the model, `downstreamSetting`
 * every setting but the acute one, `visitsSetting` the settings counted in visits per day,
 * `reason` the delay reasons of `delay-reasons.ts` (no one waits in an acute bed for an acute
 * bed), `pathway` P0..P3, `payer` nhs/council/selfFunder, `publicPayer` nhs/council, `policy`
 * the policies in force with a running cost, `band` the delay-length bands, `readyBand` the
 * discharge-ready-date bands, `marketSetting` the settings run as provider markets and
 * `marketPayer` the payers when the model has a market (none otherwise), `waitingSetting` the
 * settings with `whileWaiting` hazards.
 */
export type MemberDomain =
  'setting' | 'downstreamSetting' | 'visitsSetting' | 'marketSetting' | 'waitingSetting' | 'reason' | 'pathway' | 'payer' | 'publicPayer' | 'marketPayer' | 'policy' | 'band' | 'readyBand';

/** Report charts that show metrics of the summary (the charts over time read daily.csv instead). */
export type ReportChart = 'bedDays' | 'delayLengths' | 'costs';

/** A metric's label, or for a family a label per member. */
export type MetricLabel = string | ((member: string) => string);

/** Where the report and the terminal show a metric; a position orders a list (1 first). */
export interface MetricPlacement {
  /** Position in the report's headline tables. */
  headline?: number;
  /** Position in the report's forest plot of differences from the baseline. */
  forest?: number;
  /** Position in the report's capacity-planning curve of a sweep. */
  sweep?: number;
  /** Report charts that draw it. */
  charts?: readonly ReportChart[];
  /** Position in the table `careflow run` and `careflow compare` print. */
  terminal?: number;
}

/** One metric, or one family of metrics, declared once. */
export interface MetricDeclaration {
  /** The metric's name, or for a family the part before the dot (`occupancy` for `occupancy.<setting>`). */
  name: string;
  /** For a family: where its members come from. */
  members?: MemberDomain;
  /** What it means, in one line (the members are listed from `members`). */
  description: string;
  unit: MetricUnit;
  aggregation: Aggregation;
  /** Where the report and the terminal table show it; nowhere when absent. */
  shown?: MetricPlacement;
  /** Label in the report (the unit is added from `unit`); required when shown in the report's lists. */
  label?: MetricLabel;
  /** Label in the terminal table (the unit is added from `unit`); required when shown there. */
  terminalLabel?: MetricLabel;
}

/** Payers as a sentence names them ("paid by the NHS"). */
const PAYER_PHRASE: Readonly<Record<string, string>> = { nhs: 'the NHS', council: 'the council', selfFunder: 'self-funders' };
/** Payers as the terminal table names them. */
const PAYER_SHORT: Readonly<Record<string, string>> = { nhs: 'NHS', council: 'council', selfFunder: 'self-funders' };

/** Every metric, in the order `careflow list metrics` and the README show them. */
export const METRICS: readonly MetricDeclaration[] = [
  { name: 'windowDays', description: 'length of the results window', unit: 'days', aggregation: 'mean' },
  { name: 'admissions', description: 'emergency admissions and readmissions that got an acute bed', unit: 'count', aggregation: 'mean' },
  { name: 'admissionsPerDay', description: 'admissions per day', unit: 'perDay', aggregation: 'mean' },
  {
    name: 'meanAdmissionWaitDays',
    description: 'mean wait from arrival to an acute bed (trolley/corridor wait)',
    unit: 'days',
    aggregation: 'mean',
    shown: { headline: 4, forest: 4, terminal: 5 },
    label: 'Mean admission wait',
    terminalLabel: 'admission wait',
  },
  { name: 'diversions', description: 'arrivals who waited longer than admission.maxWaitDays and were diverted', unit: 'count', aggregation: 'mean' },
  {
    name: 'diversionShare',
    description: 'diversions / (admissions + diversions): the share of arrivals turned away (with `maxWaitDays: 0`, the Erlang loss measure); 0 with no arrivals',
    unit: 'share',
    aggregation: 'mean',
  },
  { name: 'communityReferrals', description: 'referrals from the community straight to a service (step-up)', unit: 'count', aggregation: 'mean' },
  { name: 'acuteBeds', description: 'mean number of acute beds (capacity)', unit: 'places', aggregation: 'mean' },
  {
    name: 'acuteOccupancyRate',
    description: 'mean occupied acute beds / acute beds',
    unit: 'share',
    aggregation: 'mean',
    shown: { headline: 3, forest: 3, sweep: 4, terminal: 4 },
    label: 'Acute occupancy',
    terminalLabel: 'acute occupancy',
  },
  { name: 'medicallyOptimised', description: 'patients who became medically optimised (no longer meet the criteria to reside)', unit: 'count', aggregation: 'mean' },
  {
    name: 'delayedPatientsPerDay',
    description: 'medically optimised patients still in an acute bed, counted at midnight, mean per day',
    unit: 'people',
    aggregation: 'mean',
    shown: { headline: 1, forest: 1, sweep: 2, terminal: 1 },
    label: 'Delayed patients per day',
    terminalLabel: 'delayed patients/day',
  },
  { name: 'delayedShareOfAcuteBeds', description: 'delayedPatientsPerDay / acute beds', unit: 'share', aggregation: 'mean' },
  {
    name: 'acuteBedDays',
    description: 'acute bed days occupied in the window (needed and delayed)',
    unit: 'placeDays',
    aggregation: 'mean',
    shown: { terminal: 3 },
    terminalLabel: 'acute bed days',
  },
  {
    name: 'delayedBedDays',
    description: 'acute bed days occupied by medically optimised patients',
    unit: 'placeDays',
    aggregation: 'mean',
    shown: { headline: 2, forest: 2, sweep: 3, terminal: 2 },
    label: 'Delayed bed days',
    terminalLabel: 'delayed bed days',
  },
  { name: 'delayedBedDaysPerDay', description: 'delayedBedDays per day of the window', unit: 'perDay', aggregation: 'mean' },
  {
    name: 'delayedBedDaysByReason',
    members: 'reason',
    description: 'delayed bed days by the reason the patient waits for',
    unit: 'placeDays',
    aggregation: 'mean',
    shown: { charts: ['bedDays'] },
  },
  { name: 'delayedBedDaysByPathway', members: 'pathway', description: 'delayed bed days by discharge pathway', unit: 'placeDays', aggregation: 'mean', shown: { charts: ['bedDays'] } },
  {
    name: 'meanFitToDischargeDays',
    description: 'mean days from medically optimised to leaving the acute bed, over all who left alive',
    unit: 'days',
    aggregation: 'mean',
    shown: { forest: 5, terminal: 6 },
    label: 'Mean fit-to-discharge wait',
    terminalLabel: 'fit-to-discharge',
  },
  { name: 'sameDayDischargeShare', description: 'share of medically optimised patients who left on the calendar day they became fit', unit: 'share', aggregation: 'mean' },
  { name: 'delayLengthMedianDays', description: 'median fit-to-discharge time (from a 0.25-day histogram)', unit: 'days', aggregation: 'mean' },
  { name: 'delayLengthP90Days', description: '90th percentile of fit-to-discharge time (from the same histogram)', unit: 'days', aggregation: 'mean' },
  {
    name: 'delayLengthShare',
    members: 'band',
    description: 'share of acute discharges whose fit-to-discharge time fell in a band (NHS situation report bands)',
    unit: 'share',
    aggregation: 'mean',
    shown: { charts: ['delayLengths'] },
  },
  {
    name: 'dischargeReadyDelayShare',
    members: 'readyBand',
    description:
      'share of acute discharges (alive) by whole calendar days from the day they became medically optimised to the day they left, as the NHS discharge ready date publication counts them',
    unit: 'share',
    aggregation: 'mean',
  },
  {
    name: 'dischargeReadyDelayBedDaysShare',
    members: 'readyBand',
    description: 'share of the whole-day delays (days from the ready day to the discharge day, summed over discharges) in each discharge-ready band',
    unit: 'share',
    aggregation: 'mean',
  },
  {
    name: 'meanDelayOfDelayedDays',
    description: 'mean whole days from the ready day to the discharge day, over the discharges not made on the ready day',
    unit: 'days',
    aggregation: 'mean',
  },
  {
    name: 'externalDelayShare',
    description: "share of delayed bed days with a reason outside the hospital (assessment, equipment, housing, a provider's assessment, a place); the rest are the ward's own tasks",
    unit: 'share',
    aggregation: 'mean',
  },
  {
    name: 'sitrepDischargedShare',
    description: 'of the patients medically optimised and still in an acute bed at each midnight, the share discharged before the next (the daily situation report ratio: a stock ratio)',
    unit: 'share',
    aggregation: 'mean',
  },
  {
    name: 'dischargesToIntermediateCare',
    description: 'hospital discharges into settings marked intermediate (under discharge to assess: moves on from the interim setting into them)',
    unit: 'count',
    aggregation: 'mean',
  },
  {
    name: 'newCareHomePlacementsFromHospital',
    description: 'hospital discharges into settings marked careHome (under discharge to assess: moves on from the interim setting into them)',
    unit: 'count',
    aggregation: 'mean',
  },
  {
    name: 'intermediateToCareHomeRatio',
    description: 'dischargesToIntermediateCare / newCareHomePlacementsFromHospital (undefined with no care-home placement)',
    unit: 'ratio',
    aggregation: 'meanWhereDefined',
  },
  { name: 'assessments', description: 'discharge assessments started', unit: 'count', aggregation: 'mean' },
  { name: 'readmissions', description: 'readmissions to hospital', unit: 'count', aggregation: 'mean' },
  {
    name: 'inHospitalDeaths',
    description: 'deaths in an acute bed (at the end of the clinical stay, or while waiting in it for a place: diedWhileWaiting)',
    unit: 'count',
    aggregation: 'mean',
  },
  { name: 'deaths', description: 'all deaths (in hospital and in services)', unit: 'count', aggregation: 'mean' },
  { name: 'careHomePlacements', description: 'placements into care-home settings from anywhere (hospital, services, community)', unit: 'count', aggregation: 'mean' },
  {
    name: 'independenceAfterReablement',
    description: 'share of people leaving home-based intermediate care who go home without further services (undefined when no one left)',
    unit: 'share',
    aggregation: 'meanWhereDefined',
  },
  { name: 'occupancy', members: 'setting', description: 'mean places occupied (time-weighted); for a setting counted in visits, visits per day in use', unit: 'places', aggregation: 'mean' },
  { name: 'clients', members: 'visitsSetting', description: 'mean clients (time-weighted)', unit: 'people', aggregation: 'mean' },
  {
    name: 'reassessedWhileWaiting',
    members: 'waitingSetting',
    description: 'people waiting for a place in the setting who were re-assessed to another setting instead (whileWaiting.reassess)',
    unit: 'count',
    aggregation: 'mean',
  },
  {
    name: 'diedWhileWaiting',
    members: 'waitingSetting',
    description: 'people who died while waiting for a place in the setting (in an acute bed, in another setting or at home)',
    unit: 'count',
    aggregation: 'mean',
  },
  {
    name: 'readmittedWhileWaiting',
    members: 'waitingSetting',
    description: 'people waiting outside hospital for a place in the setting who were readmitted instead',
    unit: 'count',
    aggregation: 'mean',
  },
  { name: 'spotPlacesInUse', members: 'marketSetting', description: 'mean spot places in use beyond the block places (time-weighted)', unit: 'places', aggregation: 'mean' },
  { name: 'spotPurchases', members: 'marketSetting', description: 'spot places bought', unit: 'count', aggregation: 'mean' },
  {
    name: 'meanSourcingWaitDays',
    members: 'marketSetting',
    description: 'mean wait from asking for a place to getting a spot place, over the spot places bought',
    unit: 'days',
    aggregation: 'mean',
  },
  { name: 'spotSpendByPayer', members: 'marketPayer', description: 'spot places paid for by each payer, over every market (in costByPayer too)', unit: 'GBP', aggregation: 'mean' },
  { name: 'spotSpend', members: 'marketSetting', description: 'spot place days x the spot price (in costBySetting too)', unit: 'GBP', aggregation: 'mean' },
  {
    name: 'spotBudgetExhaustedDays',
    members: 'marketSetting',
    description: "days on which some payer's spot budget for the financial year was spent (counted at midnight)",
    unit: 'days',
    aggregation: 'mean',
  },
  { name: 'capacity', members: 'setting', description: 'mean capacity (places) over the window, as run: schedules and policies change it', unit: 'places', aggregation: 'mean' },
  { name: 'occupancyRate', members: 'setting', description: 'mean places occupied / capacity', unit: 'share', aggregation: 'mean' },
  { name: 'bedDays', members: 'setting', description: 'place days used (occupancy integrated over the window)', unit: 'placeDays', aggregation: 'mean' },
  { name: 'neededBedDays', members: 'setting', description: 'place days used by people who still needed the service', unit: 'placeDays', aggregation: 'mean' },
  { name: 'delayedDays', members: 'setting', description: 'place days used by people waiting for their next service (blocking)', unit: 'placeDays', aggregation: 'mean' },
  { name: 'meanWaitDays', members: 'setting', description: 'mean wait for a place in the setting', unit: 'days', aggregation: 'mean' },
  {
    name: 'waitedShare',
    members: 'setting',
    description: 'share of the people given a place in the setting who had to wait for it (wait > 0); 0 when nobody was placed',
    unit: 'share',
    aggregation: 'mean',
  },
  {
    name: 'meanWaitOfWaitedDays',
    members: 'setting',
    description: 'mean wait for a place of those who had to wait (waitedShare); 0 when nobody waited',
    unit: 'days',
    aggregation: 'mean',
  },
  { name: 'meanQueue', members: 'setting', description: 'mean number waiting for a place (time-weighted)', unit: 'people', aggregation: 'mean' },
  {
    name: 'fullShare',
    members: 'setting',
    description: "share of the results window's midnights at which the setting was full: every place in use, or someone waiting for one",
    unit: 'share',
    aggregation: 'mean',
  },
  {
    name: 'queueTrendPerYear',
    members: 'setting',
    description:
      'least-squares slope of the number waiting for a place at each midnight of the results window, in people per year: well above 0, the queue is still growing (the setting cannot keep up, or the warm-up is too short)',
    unit: 'peoplePerYear',
    aggregation: 'mean',
  },
  { name: 'placements', members: 'downstreamSetting', description: 'people placed in the setting', unit: 'count', aggregation: 'mean' },
  {
    name: 'costBySetting',
    members: 'setting',
    description:
      'place days paid for x cost per day (occupied place days, or every place day of capacity for a setting with `costBasis: capacity`), plus every place day of capacity x `placeCostPerDay`, plus spot places bought in a provider market',
    unit: 'GBP',
    aggregation: 'mean',
    shown: { charts: ['costs'] },
  },
  {
    name: 'costByPayer',
    members: 'payer',
    description: 'cost paid by each payer (under a pooled budget, what it pays through the pot)',
    unit: 'GBP',
    aggregation: 'mean',
    shown: { headline: 6, forest: 7, charts: ['costs'], terminal: 8 },
    label: (payer) => `Paid by ${PAYER_PHRASE[payer] ?? payer}`,
    terminalLabel: (payer) => `cost ${PAYER_SHORT[payer] ?? payer}`,
  },
  { name: 'costAssessments', description: 'assessments x cost per assessment', unit: 'GBP', aggregation: 'mean', shown: { charts: ['costs'] } },
  {
    name: 'costAdmissionWaits',
    description: 'days people waited for an acute bed (in the emergency department or a corridor) x `admission.waitingCostPerDay`, paid as the acute setting is',
    unit: 'GBP',
    aggregation: 'mean',
    shown: { charts: ['costs'] },
  },
  {
    name: 'costDiversions',
    description: 'people diverted after `admission.maxWaitDays` x `admission.diversionCost` (their admission elsewhere), paid as the acute setting is',
    unit: 'GBP',
    aggregation: 'mean',
    shown: { charts: ['costs'] },
  },
  {
    name: 'costPolicies',
    description: 'running costs of the policies in force (staff, systems) in the window',
    unit: 'GBP',
    aggregation: 'mean',
    shown: { terminal: 9 },
    terminalLabel: 'cost of policies',
  },
  { name: 'costByPolicy', members: 'policy', description: 'running cost of one policy in the window', unit: 'GBP', aggregation: 'mean' },
  {
    name: 'costShift',
    members: 'publicPayer',
    description: 'under a pooled budget: what a payer pays through the pot beyond the cost of its own services (0 without one; the two sum to 0). It is already inside `costByPayer.<payer>`',
    unit: 'GBP',
    aggregation: 'mean',
  },
  {
    name: 'costTotal',
    description: "total cost (settings, assessments and policies' running costs)",
    unit: 'GBP',
    aggregation: 'mean',
    shown: { headline: 5, forest: 6, sweep: 1, terminal: 7 },
    label: 'Total cost',
    terminalLabel: 'cost total',
  },
  { name: 'costPerDay', description: 'costTotal per day of the window', unit: 'GBPPerDay', aggregation: 'mean' },
];
