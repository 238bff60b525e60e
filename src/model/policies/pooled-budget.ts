/**
 * Pooled budget: NHS and council money for the listed services in one pot that buys capacity
 * where queues are longest, instead of separate budgets that each fund only their own services.
 *
 * @module
 */
import type { PolicyDefinition } from './definition.js';

/** The pooled-budget policy. */
export const pooledBudget: PolicyDefinition = {
  name: 'pooled-budget',
  summary: 'NHS and council money in one pot that buys capacity where queues are longest',
  mechanism:
    'Without it (the baseline) each service keeps the capacity its own payer funds. With it, the daily cost of the pooled ' +
    "services' places is one pot. Every intervalDays the pot moves up to maxShiftShare of the places of the service with the most " +
    'spare capacity to the service with the longest queue for its places (at each service\'s unit cost, so the pot stays the ' +
    'same); the change takes effect after leadTimeDays (commissioning). The pot is paid by NHS and council in the shares they ' +
    'funded before, so moving places between their services shifts cost between them: costShift.nhs and costShift.council ' +
    'report it (positive: that payer pays more than for its own services).',
  parameters: {
    maxShiftShare: { kind: 'number', default: 0.05, neutral: 0, unit: 'share of places', min: 0, max: 1, description: "largest share of a service's places moved at one review" },
    intervalDays: { kind: 'number', default: 28, neutral: 28, unit: 'days', min: 1, description: 'days between reviews of where the money goes' },
    leadTimeDays: { kind: 'number', default: 28, neutral: 28, unit: 'days', min: 0, description: 'days from a decision to the capacity change' },
  },
  runningCost: { perYear: 100_000, payers: { nhs: 0.5, council: 0.5, selfFunder: 0 }, source: 'assumption: joint commissioning and pooled-fund management' },
  evidence: [
    'Pooled and integrated funds showed little measurable effect on hospital use (Mason et al., Integrating funds for health and social care: an evaluative review, Journal of Health Services Research and Policy, 2015): the default moves at most 5% of a service\'s places a month.',
    'The Better Care Fund had not reduced emergency admissions or delayed transfers as planned (NAO, Health and social care integration, 2017).',
    "Councils must balance their budgets while the NHS need not, so money follows payers, not queues (What's stopping genuine integration, in ../shared/seeds); Greater Manchester pooled about GBP 6bn (Patel, Breaking barriers, 2016).",
  ],
  moves: ['costShift.nhs / costShift.council: cost moves between payers', 'meanWaitDays.<setting>: evened out', 'delayedBedDays: down (little)'],
  apply(ctx) {
    const share = ctx.number('maxShiftShare');
    if (share === 0) return;
    const settings = Object.keys(ctx.config.settings).filter((s) => ctx.config.settings[s].kind !== 'acute' && ctx.config.settings[s].costPerDay > 0);
    ctx.effects.pooledBudget = {
      settings,
      intervalDays: ctx.number('intervalDays'),
      leadTimeDays: ctx.number('leadTimeDays'),
      maxShiftShare: share,
      start: ctx.start,
    };
  },
};
