/**
 * Trusted assessor: one assessment accepted by every provider, so a provider's own
 * pre-admission assessment (a care home visiting the ward, say) is no longer waited for.
 *
 * @module
 */
import { ModelProblem } from '../model-problem.js';
import type { PolicyDefinition } from './definition.js';

/** The trusted-assessor policy. */
export const trustedAssessor: PolicyDefinition = {
  name: 'trusted-assessor',
  summary: "one assessment accepted by every provider: removes the provider's own pre-admission assessment delay",
  mechanism:
    "Shortens the setting's providerAssessment delay (the wait for the provider's own assessment before it accepts a person, " +
    'spent in the current bed as "awaiting<Setting>") by the given reduction, for every move into that setting.',
  parameters: {
    setting: { kind: 'setting', default: null, description: 'the provider whose assessment is replaced (default: the first care-home setting)' },
    reduction: { kind: 'number', default: 0.75, neutral: 0, unit: 'share of the delay', min: 0, max: 1, description: "share of the provider's assessment delay removed" },
  },
  runningCost: { perYear: 90_000, payers: { nhs: 0.5, council: 0.5, selfFunder: 0 }, source: 'assumption: two trusted assessor posts at about GBP 45,000 a year with on-costs' },
  evidence: [
    'Trusted assessors are change 6 of the High Impact Change Model for managing transfers of care (LGA, ADASS, NHS England, 2015).',
    'Providers re-assessing people already assessed by hospital staff before accepting them delays discharge (CQC, Beyond barriers, 2018).',
    'Default reduction 0.75: assumption (the assessor still has to be available and the home to agree); no controlled estimate was found.',
  ],
  moves: ['delayedBedDaysByReason.awaiting<CareHome>: down', 'delayedBedDays: down', 'costByPayer.nhs: down'],
  apply(ctx) {
    const setting = ctx.settingOr('setting', (s) => s.careHome);
    const reduction = ctx.number('reduction');
    if (reduction === 0) return;
    if (!ctx.config.settings[setting].providerAssessment) {
      throw new ModelProblem(['parameters', 'setting'], `setting "${setting}" has no providerAssessment delay for a trusted assessor to remove`);
    }
    ctx.factor(`providerAssessment.${setting}`, 1 - reduction);
  },
};
