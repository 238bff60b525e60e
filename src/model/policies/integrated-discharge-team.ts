/**
 * Integrated discharge team: one health and social care team that takes referrals, so
 * referrals are handed off faster and fewer are lost or repeated.
 *
 * @module
 */
import type { PolicyDefinition } from './definition.js';

/** The integrated-discharge-team policy. */
export const integratedDischargeTeam: PolicyDefinition = {
  name: 'integrated-discharge-team',
  summary: 'one discharge team: shorter referral and hand-off times, fewer lost or repeated referrals',
  mechanism:
    'Multiplies every referral delay (assessment.referralDelay) by 1 - referralReduction and the chance that a referral is lost ' +
    'or repeated (assessment.repeatProbability) by 1 - repeatReduction, for people who become medically optimised once it is in force.',
  parameters: {
    referralReduction: { kind: 'number', default: 0.3, neutral: 0, unit: 'share of the delay', min: 0, max: 1, description: 'share of the referral delay removed' },
    repeatReduction: { kind: 'number', default: 0.5, neutral: 0, unit: 'share of repeats', min: 0, max: 1, description: 'share of lost or repeated referrals avoided' },
  },
  runningCost: { perYear: 450_000, payers: { nhs: 0.5, council: 0.5, selfFunder: 0 }, source: 'assumption: about ten staff at GBP 45,000 a year with on-costs, jointly funded' },
  evidence: [
    'Multi-disciplinary, multi-agency discharge teams are change 3 of the High Impact Change Model for managing transfers of care (LGA, ADASS, NHS England, 2015).',
    'Hand-offs between separate health and social care teams, and referrals passed between them, are a main cause of delay (NAO, Discharging older patients from hospital, 2016).',
    'Default reductions (30% of the referral delay, half of the repeats): assumptions; no controlled estimate was found.',
  ],
  moves: ['delayedBedDaysByReason.assessment: down', 'meanFitToDischargeDays: down', 'assessments: down (fewer repeats)'],
  apply(ctx) {
    ctx.factor('referralDelay', 1 - ctx.number('referralReduction'));
    ctx.factor('repeatReferral', 1 - ctx.number('repeatReduction'));
  },
};
