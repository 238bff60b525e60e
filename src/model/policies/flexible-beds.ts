/**
 * Flexible beds on a shared estate: a pool of beds that serves acute or step-down use as the
 * queues need.
 *
 * @module
 */
import { ModelProblem } from '../model-problem.js';
import { initialCapacity } from './context.js';
import type { PolicyDefinition } from './definition.js';

/** The flexible-beds policy. */
export const flexibleBeds: PolicyDefinition = {
  name: 'flexible-beds',
  summary: 'a pool of shared beds that switches between acute and step-down use as demand needs',
  mechanism:
    'Takes fromAcute beds from the acute setting and (beds - fromAcute) from the step-down setting into a shared pool. At every ' +
    'review (each intervalDays, at midnight) free pooled beds move to whichever of the two has the longer queue: people waiting ' +
    'for an acute bed, or medically optimised people waiting for step-down. Nobody is moved out of an occupied bed.',
  parameters: {
    beds: { kind: 'number', default: 20, neutral: 0, unit: 'beds', min: 0, integer: true, description: 'beds in the shared pool' },
    fromAcute: {
      kind: 'number',
      default: 10,
      neutral: 10,
      unit: 'beds',
      min: 0,
      integer: true,
      description: 'of the pool, beds that start as acute beds (the rest start as step-down beds); at most beds',
    },
    stepDown: { kind: 'setting', default: null, description: 'the bedded step-down setting that shares the pool (default: the first bed-based intermediate setting)' },
    intervalDays: { kind: 'number', default: 1, neutral: 1, unit: 'days', min: 1, integer: true, description: 'days between reviews of where the pooled beds are (1: daily)' },
  },
  runningCost: { perYear: 50_000, payers: { nhs: 1, council: 0, selfFunder: 0 }, source: 'assumption: bed management and the extra cleaning and set-up of switching beds' },
  evidence: [
    'Shared NHS and council estates are one of the barriers and levers named in Breaking barriers (Patel, 2016).',
    'Default pool of 20 beds, half from acute: assumption; no published evaluation of switchable beds was found.',
  ],
  moves: ['meanAdmissionWaitDays: down', 'delayedBedDaysByReason.awaitingIntermediateCareBeds: down'],
  apply(ctx) {
    const beds = ctx.number('beds');
    if (beds === 0) return;
    const stepDown = ctx.settingOr('stepDown', (s) => s.intermediate && s.kind === 'bed', ['bed']);
    const fromAcute = ctx.number('fromAcute');
    if (fromAcute > beds) throw new ModelProblem(['parameters', 'fromAcute'], `must be at most beds (${beds}), got ${fromAcute}`);
    const acute = Object.values(ctx.config.settings).find((s) => s.kind === 'acute');
    if (acute && initialCapacity(acute, ctx.calendar) < fromAcute)
      throw new ModelProblem(['parameters', 'fromAcute'], `the acute setting has only ${initialCapacity(acute, ctx.calendar)} beds`);
    const stepDownBeds = initialCapacity(ctx.config.settings[stepDown], ctx.calendar);
    if (stepDownBeds < beds - fromAcute) throw new ModelProblem(['parameters', 'beds'], `beds - fromAcute (${beds - fromAcute}) must come from ${stepDown}, which has only ${stepDownBeds}`);
    ctx.effects.flexibleBeds.push({ stepDown, beds, fromAcute, intervalDays: ctx.number('intervalDays'), start: ctx.start });
  },
};
