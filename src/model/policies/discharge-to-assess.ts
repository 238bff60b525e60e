/**
 * Discharge to assess: people on pathways 1 to 3 leave hospital once medically optimised into
 * interim support, are assessed there, and wait there (not in an acute bed) for their service.
 *
 * @module
 */
import type { PolicyDefinition } from './definition.js';

const PATHWAY_SETS: Record<string, number[]> = { 'P1-P3': [1, 2, 3], 'P2-P3': [2, 3], P3: [3] };

/** The discharge-to-assess policy. */
export const dischargeToAssess: PolicyDefinition = {
  name: 'discharge-to-assess',
  summary: 'assess people after discharge, in interim support, instead of in the acute bed',
  mechanism:
    'A share of people on the chosen pathways, once medically optimised, go through the short discharge process and then into a new ' +
    'interim setting ("dischargeToAssess": D2A beds or support at home, with its own capacity and cost). Their referral and ' +
    'assessment happen there, and any wait for the long-term service is spent there, blocking an interim place instead of an ' +
    'acute bed. When the interim service is full they wait in hospital (delay reason awaitingDischargeToAssess).',
  parameters: {
    share: { kind: 'number', default: 0.8, neutral: 0, unit: 'share', min: 0, max: 1, description: 'share of people on the chosen pathways discharged to assess once phased in' },
    pathways: { kind: 'choice', options: Object.keys(PATHWAY_SETS), default: 'P1-P3', description: 'which pathways are discharged to assess' },
    interimKind: {
      kind: 'choice',
      options: ['bed', 'home'],
      default: 'home',
      description:
        'interim support in D2A beds or at home; a label for the added setting (its kind and description): beds and home support differ in the simulation only through the interimCapacity and interimCostPerDay given',
    },
    interimCapacity: { kind: 'number', default: 80, neutral: 80, unit: 'places', min: 0, integer: true, description: 'interim places (beds, or people supported at home at once)' },
    interimCostPerDay: {
      kind: 'number',
      default: 120,
      neutral: 120,
      unit: 'GBP per place-day',
      min: 0,
      description: 'cost of a day of an interim place, paid for every place (block-booked) whether used or not',
    },
    interimNhsShare: { kind: 'number', default: 1, neutral: 1, unit: 'share', min: 0, max: 1, description: 'share of the interim cost paid by the NHS (the rest by the council)' },
  },
  runningCost: { perYear: 0, payers: { nhs: 1, council: 0, selfFunder: 0 }, source: 'none beyond the interim places, which are costed per day' },
  evidence: [
    'Discharge to assess is the default model of NHS discharge: "discharge to assess where possible" (DHSC, Hospital discharge and community support guidance, 2022).',
    'Older people waiting in hospital for assessment lose mobility; assessing at home gives a truer picture of need (NAO, Discharging older patients from hospital, 2016).',
    'Default share 0.8 and 80 interim places at GBP 120 a day: assumptions (about a month of P1-P3 flow through interim support at a home-care-like cost); the NHS funded interim care in 2020-22 (Hospital discharge service: policy and operating model, DHSC 2020).',
  ],
  moves: [
    'delayedBedDays: down',
    'delayedBedDaysByReason.assessment: down',
    'acuteOccupancyRate: down',
    'occupancy.dischargeToAssess: up',
    'costByPayer.nhs: interim costs up, acute costs down',
  ],
  apply(ctx) {
    const share = ctx.number('share');
    if (share === 0) return;
    const kind = ctx.choice('interimKind') as 'bed' | 'home';
    const nhs = ctx.number('interimNhsShare');
    ctx.addSetting('dischargeToAssess', {
      description: `discharge-to-assess interim support (${kind === 'bed' ? 'D2A beds' : 'at home'}), added by the discharge-to-assess policy`,
      kind,
      capacity: ctx.number('interimCapacity'),
      intermediate: false,
      careHome: false,
      // The stay is set by the assessment (see the model); this is only the schema's placeholder.
      lengthOfStay: { type: 'fixed', value: 0 },
      costPerDay: ctx.number('interimCostPerDay'),
      // Interim places are block-booked: paid for whether used or not.
      costBasis: 'capacity',
      placeCostPerDay: 0,
      payers: { nhs, council: 1 - nhs, selfFunder: 0 },
      next: [{ to: 'home', probability: 1 }],
    });
    ctx.effects.dischargeToAssess.push({ interim: 'dischargeToAssess', pathways: PATHWAY_SETS[ctx.choice('pathways')], share: ctx.ramp(0, share) });
  },
};
