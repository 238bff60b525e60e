/**
 * Reablement expansion: more reablement capacity, and more of those reabled regaining
 * independence, so fewer go on to long-term care.
 *
 * @module
 */
import { ModelProblem } from '../model-problem.js';
import { initialCapacity } from './context.js';
import type { PolicyDefinition } from './definition.js';

/** The reablement-expansion policy. */
export const reablementExpansion: PolicyDefinition = {
  name: 'reablement-expansion',
  summary: 'more reablement capacity and a higher share who regain independence',
  mechanism:
    "Adds extraCapacityShare of the reablement setting's places (phased in, in whole places), and moves independenceGain of the " +
    'people who would leave reablement for long-term services (any setting) to going home independent instead.',
  parameters: {
    setting: { kind: 'setting', default: null, description: 'the reablement service (default: the first home-based intermediate setting)' },
    extraCapacityShare: { kind: 'number', default: 0.2, neutral: 0, unit: 'share of places', min: 0, description: 'places added, as a share of the current capacity' },
    independenceGain: {
      kind: 'number',
      default: 0.15,
      neutral: 0,
      unit: 'share',
      min: 0,
      max: 1,
      description: 'share of those who would go on to long-term services who leave independent instead',
    },
  },
  runningCost: { perYear: 0, payers: { nhs: 0, council: 1, selfFunder: 0 }, source: 'none: reablement is costed per occupied place-day in the model' },
  evidence: [
    'Reablement was followed by lower use of home care in the following year than conventional home care (Glendinning et al., Home care re-ablement services, SPRU York, 2010).',
    'About 75-80% of older people offered reablement need no further support (NHS Digital, ASCOF measure 2D, 2021): room for gains is limited, so the default gain is 15% of the rest (assumption).',
    'Reablement money as a lever of integration (PA Consulting and NLGN round table, Health and social care: making integration work).',
  ],
  moves: ['placements.<reablement>: up', 'independenceAfterReablement: up', 'placements.homeCare: down', 'delayedBedDaysByReason.awaitingReablement: down'],
  apply(ctx) {
    const setting = ctx.settingOr('setting', (s) => s.intermediate && s.kind === 'home', ['home', 'bed']);
    const config = ctx.config.settings[setting];
    if (!config.intermediate) throw new ModelProblem(['parameters', 'setting'], `setting "${setting}" is not intermediate care (intermediate: true); reablement is`);
    const capacity = initialCapacity(config, ctx.calendar);
    ctx.addCapacity(setting, Math.round(capacity * ctx.number('extraCapacityShare')));
    const gain = ctx.number('independenceGain');
    const longTerm = (config.next ?? []).map((r) => r.to).filter((to) => ctx.config.settings[to] !== undefined);
    if (gain > 0 && longTerm.length > 0) ctx.effects.routeShifts.push({ setting, to: 'home', from: longTerm, share: ctx.ramp(0, gain) });
  },
};
