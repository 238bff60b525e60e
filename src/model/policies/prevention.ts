/**
 * Prevention ("predict and prevent"): emergency demand from the chosen groups (frail older
 * people) falls along a ramp over years.
 *
 * @module
 */
import type { PolicyDefinition } from './definition.js';

/** The prevention policy. */
export const prevention: PolicyDefinition = {
  name: 'prevention',
  summary: 'emergency demand from frail older people falls along a ramp over years',
  mechanism:
    'Each emergency arrival in the chosen case-mix groups is prevented with probability reduction x (phase-in level): the same ' +
    'people arrive in every scenario and a fixed share of them stay well, so the comparison keeps common random numbers. ' +
    'Use rampDays of a few years: prevention works slowly.',
  parameters: {
    reduction: {
      kind: 'number',
      default: 0.05,
      neutral: 0,
      unit: 'share of arrivals',
      min: 0,
      max: 1,
      description: "share of the groups' emergency arrivals prevented once fully in effect",
    },
    groups: { kind: 'groups', default: [], description: 'case-mix groups whose demand falls (empty: all; for example the oldest group)' },
  },
  runningCost: {
    perYear: 500_000,
    payers: { nhs: 0.5, council: 0.5, selfFunder: 0 },
    source: 'assumption: case finding, falls prevention and community support for a system of 500,000 people',
  },
  evidence: [
    'Predict-and-prevent schemes (case management of people at high risk) have rarely reduced emergency admissions measurably (Roland and Abel, Reducing emergency admissions: are we on the right track?, BMJ 2012): the default reduction is small.',
    'Prevention as a lever of integration (NLGN and PA Consulting, Integration or bust?, 2013; Patel, Breaking barriers, 2016).',
  ],
  moves: ['admissions: down', 'acuteOccupancyRate: down', 'delayedBedDays: down'],
  apply(ctx) {
    const reduction = ctx.number('reduction');
    for (const group of ctx.groups('groups')) ctx.factor(`demand.${group}`, 1 - reduction);
  },
};
