/**
 * Free personal care: social care free at the point of delivery, as in Scotland since 2002.
 * Self-funders' costs move to the council, and demand may rise.
 *
 * @module
 */
import type { PolicyDefinition } from './definition.js';

/** The free-personal-care policy. */
export const freePersonalCare: PolicyDefinition = {
  name: 'free-personal-care',
  summary: "social care free at the point of delivery: self-funders' costs move to the council, demand may rise",
  mechanism:
    "Moves homeShare of the self-funders' part of home-based social care costs, and careHomeShare of their part of care-home " +
    'costs (the personal-care part of the fee), to the council. Community referrals for social care rise by demandIncrease.',
  parameters: {
    homeShare: { kind: 'number', default: 1, neutral: 0, unit: 'share', min: 0, max: 1, description: "share of self-funders' home-care costs the council takes on" },
    careHomeShare: {
      kind: 'number',
      default: 0.25,
      neutral: 0,
      unit: 'share',
      min: 0,
      max: 1,
      description: "share of self-funders' care-home costs the council takes on (personal care, not accommodation)",
    },
    demandIncrease: { kind: 'number', default: 0.05, neutral: 0, unit: 'share', min: 0, description: 'rise in community referrals for social care' },
  },
  runningCost: { perYear: 0, payers: { nhs: 0, council: 1, selfFunder: 0 }, source: 'none beyond the costs moved' },
  evidence: [
    'Social care free at the point of delivery is one of the options named by Glasby (If integration is the answer, what was the question?, International Journal of Integrated Care, 2016).',
    'Scotland made personal care free in 2002; use of home care rose, and the flat payment covers only part of a care-home fee (Bell and Bowes, Financial care models in Scotland and the UK, Joseph Rowntree Foundation, 2006). Default care-home share 0.25 and demand rise 5%: assumptions in line with that.',
  ],
  moves: ['costByPayer.council: up', 'costByPayer.selfFunder: down', 'communityReferrals: up'],
  apply(ctx) {
    for (const [name, s] of Object.entries(ctx.config.settings)) {
      if (s.kind === 'acute' || s.payers.selfFunder === 0) continue;
      ctx.shiftPayer(name, 'selfFunder', 'council', s.careHome ? ctx.number('careHomeShare') : ctx.number('homeShare'));
    }
    const increase = ctx.number('demandIncrease');
    for (const c of ctx.config.arrivals.community) {
      const target = ctx.config.settings[c.to];
      if (target && !target.intermediate) ctx.factor(`community.${c.name}`, 1 + increase);
    }
  },
};
