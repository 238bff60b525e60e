/**
 * Shared data: one record that health and social care both read, so assessments are quicker
 * and fewer are duplicated.
 *
 * @module
 */
import type { PolicyDefinition } from './definition.js';

/** The shared-data policy. */
export const sharedData: PolicyDefinition = {
  name: 'shared-data',
  summary: 'a shared care record: shorter assessments and fewer duplicated ones',
  mechanism:
    'Multiplies assessment durations (assessment.duration) by 1 - assessmentReduction and the chance that a referral is lost or ' +
    'repeated (assessment.repeatProbability) by 1 - repeatReduction.',
  parameters: {
    assessmentReduction: { kind: 'number', default: 0.2, neutral: 0, unit: 'share of the duration', min: 0, max: 1, description: 'share of assessment time saved by having the record' },
    repeatReduction: { kind: 'number', default: 0.3, neutral: 0, unit: 'share of repeats', min: 0, max: 1, description: 'share of lost or duplicated referrals avoided' },
  },
  runningCost: { perYear: 150_000, payers: { nhs: 0.5, council: 0.5, selfFunder: 0 }, source: 'assumption: a shared care record licence and support for a system of 500,000 people' },
  evidence: [
    'Data sharing between partners is one of the levers named in the debate the project grew from (NLGN and PA Consulting, Integration or bust?, 2013).',
    'Default reductions (20% of assessment time, 30% of repeats): assumptions; no controlled estimate was found.',
  ],
  moves: ['delayedBedDaysByReason.assessment: down', 'assessments: down'],
  apply(ctx) {
    ctx.factor('assessmentDuration', 1 - ctx.number('assessmentReduction'));
    ctx.factor('repeatReferral', 1 - ctx.number('repeatReduction'));
  },
};
