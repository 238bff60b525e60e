/**
 * What each metric of a replication means. `<setting>`, `<reason>`, `<pathway>` and `<payer>`
 * stand for the model's setting names, delay reasons, P0..P3 and nhs/council/selfFunder.
 * Every count, day total and cost is over the results window (after the warm-up).
 *
 * @module
 */
import { DISCHARGE_READY_BANDS } from './discharge-ready-delays.js';
import { DELAY_LENGTH_BANDS } from './observations.js';
import { POLICY_NAMES } from './policies/registry.js';

/** Metric name patterns and their one-line descriptions. */
export const METRIC_DESCRIPTIONS: Record<string, string> = {
  windowDays: 'length of the results window (days)',
  admissions: 'emergency admissions and readmissions that got an acute bed',
  admissionsPerDay: 'admissions per day',
  meanAdmissionWaitDays: 'mean wait from arrival to an acute bed (trolley/corridor wait), days',
  diversions: 'arrivals who waited longer than admission.maxWaitDays and were diverted',
  communityReferrals: 'referrals from the community straight to a service (step-up)',
  acuteBeds: 'mean number of acute beds (capacity)',
  acuteOccupancyRate: 'mean occupied acute beds / acute beds',
  medicallyOptimised: 'patients who became medically optimised (no longer meet the criteria to reside)',
  delayedPatientsPerDay: 'medically optimised patients still in an acute bed, counted at midnight, mean per day',
  delayedShareOfAcuteBeds: 'delayedPatientsPerDay / acute beds',
  acuteBedDays: 'acute bed days occupied in the window (needed and delayed)',
  delayedBedDays: 'acute bed days occupied by medically optimised patients',
  delayedBedDaysPerDay: 'delayedBedDays per day of the window',
  'delayedBedDaysByReason.<reason>': 'delayed bed days by reason: dischargeProcess, assessment, awaiting<Setting>',
  'delayedBedDaysByPathway.<pathway>': 'delayed bed days by discharge pathway P0..P3',
  meanFitToDischargeDays: 'mean days from medically optimised to leaving the acute bed, over all who left alive',
  sameDayDischargeShare: 'share of medically optimised patients who left on the calendar day they became fit',
  delayLengthMedianDays: 'median fit-to-discharge time (from a 0.25-day histogram), days',
  delayLengthP90Days: '90th percentile of fit-to-discharge time, days',
  'delayLengthShare.<band>': 'share of acute discharges whose fit-to-discharge time fell in a band: under1Day, days1to2, days2to4, days4to7, days7to14, days14to21, days21plus',
  'dischargeReadyDelayShare.<drdBand>':
    'share of acute discharges (alive) by whole calendar days from the day they became medically optimised to the day they left, as the NHS discharge ready date publication counts them: sameDay, day1, days2to3, days4to6, days7to13, days14to20, days21plus',
  'dischargeReadyDelayBedDaysShare.<drdBand>': 'share of the whole-day delays (days from the ready day to the discharge day, summed) that fall in each discharge-ready band',
  meanDelayOfDelayedDays: 'mean whole days from the ready day to the discharge day, over the discharges not made on the ready day',
  externalDelayShare:
    "share of delayed bed days whose reason lies outside the hospital (referral and assessment, a provider's assessment, waiting for a place); the rest is the ward's discharge process",
  sitrepDischargedShare:
    'of the patients medically optimised and still in an acute bed at each midnight, the share discharged before the next (the daily situation report ratio, a stock ratio)',
  dischargesToIntermediateCare: 'hospital discharges into settings marked intermediate (under discharge to assess: moves on from the interim setting into them)',
  newCareHomePlacementsFromHospital: 'hospital discharges into settings marked careHome (under discharge to assess: moves on from the interim setting into them)',
  intermediateToCareHomeRatio: 'dischargesToIntermediateCare / newCareHomePlacementsFromHospital',
  assessments: 'discharge assessments started',
  readmissions: 'readmissions to hospital',
  inHospitalDeaths: 'deaths in an acute bed (at the end of the clinical stay, or while waiting in it for a place: diedWhileWaiting)',
  deaths: 'all deaths (in hospital, in services, and while waiting at home for a place)',
  careHomePlacements: 'placements into care-home settings from anywhere (hospital, services, community)',
  independenceAfterReablement: 'share of people leaving home-based intermediate care who go home without further services',
  'occupancy.<setting>': 'mean places occupied (time-weighted); for a setting counted in visits, visits per day in use',
  'clients.<setting>': 'for a setting counted in visits per day: mean clients (time-weighted)',
  'capacity.<setting>': 'mean capacity (places) over the window, as run: schedules and policies change it',
  'occupancyRate.<setting>': 'mean places occupied / capacity',
  'bedDays.<setting>': 'place days used (occupancy integrated over the window)',
  'neededBedDays.<setting>': 'place days used by people who still needed the service',
  'delayedDays.<setting>': 'place days used by people waiting for their next service (blocking)',
  'meanWaitDays.<setting>': 'mean wait for a place in the setting, days',
  'meanQueue.<setting>': 'mean number waiting for a place (time-weighted)',
  'placements.<setting>': 'people placed in the setting',
  // People who wait change (settings.<s>.whileWaiting, run/waiting-hazards.ts); only for settings with it.
  'reassessedWhileWaiting.<setting>': 'people waiting for a place in the setting who were re-assessed to another setting instead (whileWaiting.reassess)',
  'diedWhileWaiting.<setting>': 'people who died while waiting for a place in the setting (in an acute bed, in another setting or at home)',
  'readmittedWhileWaiting.<setting>': 'people waiting outside hospital for a place in the setting who were readmitted instead',
  'costBySetting.<setting>': "place-days paid for (occupied, or all capacity: the setting's costBasis) x cost per day, GBP",
  'costByPayer.<payer>': 'cost paid by nhs, council or selfFunder, GBP',
  costAssessments: 'assessments x cost per assessment, GBP',
  costPolicies: 'running costs of the policies in force (staff, systems), in the window',
  'costByPolicy.<policy>': 'running cost of one policy in the window (only for policies with a running cost)',
  'costShift.<payer>': 'under a pooled budget: cost a payer (nhs, council) pays through the pot beyond the cost of its own services (0 without one)',
  costTotal: 'total cost, GBP',
  costPerDay: 'costTotal per day of the window, GBP',
};

/** Whether `name` is a metric a run reports, for a model with these setting names. */
export function isKnownMetric(name: string, settings: string[]): boolean {
  if (name in METRIC_DESCRIPTIONS) return true;
  const dot = name.indexOf('.');
  if (dot < 0) return false;
  const family = name.slice(0, dot);
  const member = name.slice(dot + 1);
  const placeholder = Object.keys(METRIC_DESCRIPTIONS).find((k) => k.startsWith(`${family}.<`));
  switch (placeholder?.slice(family.length + 1)) {
    case '<setting>':
      return settings.includes(member);
    case '<pathway>':
      return /^P[0-3]$/.test(member);
    case '<payer>':
      return ['nhs', 'council', 'selfFunder'].includes(member);
    case '<policy>':
      return POLICY_NAMES.includes(member);
    case '<band>':
      return DELAY_LENGTH_BANDS.some((b) => b.name === member);
    case '<drdBand>':
      return DISCHARGE_READY_BANDS.some((b) => b.name === member);
    case '<reason>':
      return member === 'dischargeProcess' || member === 'assessment' || settings.some((s) => member === `awaiting${s.charAt(0).toUpperCase()}${s.slice(1)}`);
    default:
      return false;
  }
}
