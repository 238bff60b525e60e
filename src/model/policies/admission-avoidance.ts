/**
 * Admission avoidance, care closer to home: community rapid response and step-up care take a
 * share of would-be emergency admissions when they have room (the Canterbury model).
 *
 * @module
 */
import { ModelProblem } from '../model-problem.js';
import type { PolicyDefinition } from './definition.js';

/** The admission-avoidance policy. */
export const admissionAvoidance: PolicyDefinition = {
  name: 'admission-avoidance',
  summary: 'community rapid response takes a share of would-be admissions when it has room',
  mechanism:
    'Adds a community rapid-response setting ("rapidResponse", at home, with its own capacity, paid per place). A share of the ' +
    'emergency arrivals in the chosen case-mix groups whose hospital stay would have been short (at most maxAcuteStayDays: ' +
    'the lower-acuity people rapid response suits) go there instead of to an acute bed, if it has a free place at that ' +
    'moment; otherwise they are admitted as before. After their stay most go home; some are admitted after all (a ' +
    'readmission) and some die (deathShare): the model does not assume that care at home avoids deaths.',
  parameters: {
    share: { kind: 'number', default: 0.1, neutral: 0, unit: 'share of arrivals', min: 0, max: 1, description: 'share of emergency arrivals in the groups that could be cared for at home' },
    groups: { kind: 'groups', default: [], description: 'case-mix groups it applies to (empty: all)' },
    capacity: { kind: 'number', default: 40, neutral: 40, unit: 'people at once', min: 0, integer: true, description: 'people the rapid-response service can support at once' },
    meanStayDays: { kind: 'number', default: 4, neutral: 4, unit: 'days', min: 0, description: 'mean length of rapid-response support (lognormal, sd equal to the mean)' },
    maxAcuteStayDays: { kind: 'number', default: 3, neutral: 3, unit: 'days', min: 0, description: 'only people whose hospital stay would have been at most this long are eligible' },
    admittedAfterAll: { kind: 'number', default: 0.15, neutral: 0.15, unit: 'share', min: 0, max: 1, description: 'share who are admitted to hospital at the end of their support' },
    deathShare: { kind: 'number', default: 0.02, neutral: 0.02, unit: 'share', min: 0, max: 1, description: 'share who die during or at the end of their support' },
    costPerDay: {
      kind: 'number',
      default: 180,
      neutral: 180,
      unit: 'GBP per place-day',
      min: 0,
      description: 'cost of a day of one place of the rapid-response team (NHS), paid whether used or not',
    },
  },
  runningCost: { perYear: 0, payers: { nhs: 1, council: 0, selfFunder: 0 }, source: 'none: the service is costed per person-day' },
  evidence: [
    "Canterbury (New Zealand) kept acute medical admissions and lengths of stay below national trends by caring for people at home and in the community (Timmins and Ham, The quest for integrated health and social care: Canterbury, King's Fund, 2013).",
    'Urgent community response teams see people at home within two hours to avoid admission (NHS England, Urgent community response guidance, 2022).',
    'Default share 0.1 of arrivals with stays of up to 3 days, 40 places, 4-day stays, 15% admitted after all, 2% dying and GBP 180 a place-day: assumptions.',
  ],
  moves: ['admissions: down', 'acuteOccupancyRate: down', 'meanAdmissionWaitDays: down', 'occupancy.rapidResponse: up'],
  apply(ctx) {
    const share = ctx.number('share');
    if (share === 0) return;
    const groups = ctx.groups('groups');
    const acute = Object.keys(ctx.config.settings).find((s) => ctx.config.settings[s].kind === 'acute') as string;
    const mean = ctx.number('meanStayDays');
    const admitted = ctx.number('admittedAfterAll');
    const died = ctx.number('deathShare');
    if (admitted + died > 1) throw new ModelProblem(['parameters', 'deathShare'], `admittedAfterAll + deathShare must be at most 1, got ${admitted + died}`);
    ctx.addSetting('rapidResponse', {
      description: 'community rapid response at home, added by the admission-avoidance policy',
      kind: 'home',
      capacity: ctx.number('capacity'),
      intermediate: false,
      careHome: false,
      lengthOfStay: mean > 0 ? { type: 'lognormal', mean, sd: mean } : { type: 'fixed', value: 0 },
      costPerDay: ctx.number('costPerDay'),
      // A staffed team: paid for its capacity whether or not it is in use.
      costBasis: 'capacity',
      placeCostPerDay: 0,
      payers: { nhs: 1, council: 0, selfFunder: 0 },
      next: [
        { to: 'home', probability: 1 - admitted - died },
        { to: 'readmission', probability: admitted },
        { to: 'death', probability: died },
      ].filter((r) => r.probability > 0),
    });
    ctx.effects.redirects.push({ from: acute, to: 'rapidResponse', share: ctx.ramp(0, share), onlyIfRoom: true, groups, maxPlannedStay: ctx.number('maxAcuteStayDays') });
  },
};
