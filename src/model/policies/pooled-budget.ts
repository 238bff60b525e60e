/**
 * Pooled budget: NHS and council money for the listed services in one pot that buys capacity
 * where queues are longest, instead of separate budgets that each fund only their own services.
 *
 * @module
 */
import { ModelProblem } from '../model-problem.js';
import { initialCapacity } from './context.js';
import type { PolicyDefinition } from './definition.js';

/** The pooled-budget policy. */
export const pooledBudget: PolicyDefinition = {
  name: 'pooled-budget',
  summary: 'NHS and council money in one pot that buys capacity where queues are longest',
  mechanism:
    'Without it (the baseline) each service keeps the capacity its own payer funds. With it (mode pooled), the daily cost of the pooled ' +
    "services' places is one pot: the services paid for by capacity (costBasis: capacity), whose empty places are money. Every " +
    'intervalDays the pot moves up to maxShiftShare of the places of the service with the most ' +
    "spare capacity to the service with the longest queue for its places (at each service's unit cost, so the pot stays the " +
    'same); the change takes effect after leadTimeDays (commissioning). The pot is paid by NHS and council in the shares they ' +
    'funded before, so moving places between their services shifts cost between them: costShift.nhs and costShift.council ' +
    'report it (positive: that payer pays more than for its own services). Mode separate moves money only between the services each ' +
    "payer mainly funds (no cost moves between payers). councilBudgetChange cuts or adds the council's part of every service's places " +
    "(both modes), and the council's spot budget (spotBudgetPerYear) from the start. In pooled mode the NHS's and the council's spot " +
    'budgets are also one pot from the start, so NHS money buys the spot places of provider markets that a council cut leaves short; ' +
    'in separate mode NHS money cannot follow a council cut.',
  parameters: {
    maxShiftShare: { kind: 'number', default: 0.05, neutral: 0, unit: 'share of places', min: 0, max: 1, description: "largest share of a service's places moved at one review" },
    intervalDays: { kind: 'number', default: 28, neutral: 28, unit: 'days', min: 1, description: 'days between reviews of where the money goes' },
    leadTimeDays: { kind: 'number', default: 28, neutral: 28, unit: 'days', min: 0, description: 'days from a decision to the capacity change' },
    mode: {
      kind: 'choice',
      options: ['pooled', 'separate'],
      default: 'pooled',
      description: 'pooled: one pot for all the services; separate: each payer moves money only between the services it mainly funds (NHS or council)',
    },
    councilBudgetChange: {
      kind: 'number',
      default: 0,
      neutral: 0,
      unit: 'share',
      min: -1,
      description:
        "change in the council's money for these services (-0.05: a 5% cut); the council's share of each service's places changes with it, since a council must balance its budget",
    },
  },
  runningCost: { perYear: 100_000, payers: { nhs: 0.5, council: 0.5, selfFunder: 0 }, source: 'assumption: joint commissioning and pooled-fund management' },
  evidence: [
    "Pooled and integrated funds showed little measurable effect on hospital use (Mason et al., Integrating funds for health and social care: an evaluative review, Journal of Health Services Research and Policy, 2015): the default moves at most 5% of a service's places a month.",
    'The Better Care Fund had not reduced emergency admissions or delayed transfers as planned (NAO, Health and social care integration, 2017).',
    "Councils must balance their budgets while the NHS need not, so money follows payers, not queues (What's stopping genuine health and social care integration in England?, one of the articles careflow grew from); Greater Manchester pooled about GBP 6bn (Patel, Breaking barriers, 2016).",
  ],
  moves: [
    'costShift.nhs / costShift.council: cost moves between payers',
    'meanWaitDays.<setting>: evened out',
    'delayedBedDays: down (little)',
    'spotBudgetExhaustedDays.<setting>: fewer under a council cut (pooled mode)',
  ],
  apply(ctx) {
    const settings = Object.keys(ctx.config.settings).filter((s) => ctx.config.settings[s].kind !== 'acute' && ctx.config.settings[s].costPerDay > 0);
    const change = ctx.number('councilBudgetChange');
    for (const name of settings) {
      const s = ctx.config.settings[name];
      const capacity = initialCapacity(s, ctx.calendar);
      // Capacity capped by money: the council's part of the places follows its budget.
      ctx.addCapacity(name, Math.round(capacity * s.payers.council * change));
    }
    const share = ctx.number('maxShiftShare');
    if (share === 0) return;
    // Only places paid for whether used or not are money that can move: a spot-purchased
    // service's empty places cost nothing, so selling them would free nothing.
    const paid = settings.filter((s) => ctx.config.settings[s].costBasis === 'capacity');
    if (paid.length < 2) {
      throw new ModelProblem(
        ['parameters', 'maxShiftShare'],
        `needs at least two non-acute settings paid by capacity (costBasis: capacity) to move money between; this model has ${paid.length === 0 ? 'none' : paid.join(', ')}`,
      );
    }
    const mainPayer = (name: string): string => (ctx.config.settings[name].payers.nhs >= ctx.config.settings[name].payers.council ? 'nhs' : 'council');
    const groups = ctx.choice('mode') === 'pooled' ? [paid] : ['nhs', 'council'].map((payer) => paid.filter((s) => mainPayer(s) === payer));
    ctx.effects.pooledBudget = {
      settings: paid,
      groups: groups.filter((g) => g.length > 1),
      pooled: ctx.choice('mode') === 'pooled',
      intervalDays: ctx.number('intervalDays'),
      leadTimeDays: ctx.number('leadTimeDays'),
      maxShiftShare: share,
      start: ctx.start,
      councilBudgetChange: change,
    };
  },
};
