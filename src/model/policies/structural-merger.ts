/**
 * Structural merger: health and social care organisations become one. The evidence says
 * productivity dips for 18 to 24 months before any gain; this policy models that dip.
 *
 * @module
 */
import type { PolicyDefinition } from './definition.js';
import type { Profile } from './profile.js';

/** Average days in a month, for parameters given in months. */
const DAYS_PER_MONTH = 30.44;

/** The structural-merger policy. */
export const structuralMerger: PolicyDefinition = {
  name: 'structural-merger',
  summary: 'one organisation: a productivity dip (longer processes) for 18 to 24 months before any gain',
  mechanism:
    'From the start, referral delays, assessments and discharge processes take up to dipFactor times as long (reached over ' +
    'rampDays), for dipMonths counted from the start; then they move over 6 months to gainFactor times their old length. The ' +
    'running cost (the cost of the reorganisation) is incurred in full from the start to the end of the dip, whatever the ramp.',
  parameters: {
    dipFactor: { kind: 'number', default: 1.15, neutral: 1, unit: 'factor', min: 0, description: 'how much longer processes take during the dip' },
    dipMonths: { kind: 'number', default: 21, neutral: 21, unit: 'months', min: 0, description: 'length of the dip from the start (18 to 24 months in the evidence)' },
    gainFactor: { kind: 'number', default: 1, neutral: 1, unit: 'factor', min: 0, description: 'process lengths after the dip relative to before (1: no gain)' },
  },
  runningCost: { perYear: 1_000_000, payers: { nhs: 0.5, council: 0.5, selfFunder: 0 }, source: 'assumption: transition costs (restructuring, systems, redundancy) spread over the dip' },
  evidence: [
    'Mergers rarely achieve their stated objectives and tend to reduce morale, productivity and service development for some 18 months to two years (Glasby, If integration is the answer, what was the question?, International Journal of Integrated Care, 2016).',
    'NHS trust mergers delayed service development by at least 18 months and produced no measurable savings (Fulop et al., Process and impact of mergers of NHS trusts, BMJ 2002).',
    'Default dip of 15% longer processes and no later gain: assumptions consistent with that evidence.',
  ],
  moves: ['delayedBedDays: up during the dip', 'meanFitToDischargeDays: up', 'costTotal: up'],
  apply(ctx) {
    const dip = ctx.number('dipFactor');
    const gain = ctx.number('gainFactor');
    const start = ctx.start;
    // The dip lasts dipMonths from the start; the ramp is the way into it.
    const dipEnd = start + Math.max(ctx.rampDays, ctx.number('dipMonths') * DAYS_PER_MONTH);
    const profile: Profile = { times: [start, start + ctx.rampDays, dipEnd, dipEnd + 6 * DAYS_PER_MONTH], values: [1, dip, dip, gain] };
    if (dip !== 1 || gain !== 1) {
      for (const target of ['referralDelay', 'assessmentDuration', 'dischargeProcess']) (ctx.effects.factors[target] ??= []).push(profile);
    }
    // Nothing before the start, everything during the dip, nothing after it.
    ctx.runningCostLevel = { times: [start, start, dipEnd, dipEnd], values: [0, 1, 1, 0] };
  },
};
