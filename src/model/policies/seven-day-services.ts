/**
 * Seven-day services: assessments, discharges and service starts at weekends too.
 *
 * @module
 */
import type { PolicyDefinition } from './definition.js';

/** The seven-day-services policy. */
export const sevenDayServices: PolicyDefinition = {
  name: 'seven-day-services',
  summary: 'assessments, discharges and service starts at weekends, at a staff cost',
  mechanism:
    "For a share of medically optimised people (the weekend capacity as a share of the weekday's), the discharge process, the " +
    "assessment and the provider's own assessment work on all seven days, in the model's working hours, instead of on the " +
    "model's working days only. The share stands for weekend staffing below weekday levels.",
  parameters: {
    weekendShare: {
      kind: 'number',
      default: 0.3,
      neutral: 0,
      unit: 'share',
      min: 0,
      max: 1,
      description: 'share of people whose discharge work goes on at weekends (weekend staffing relative to weekdays)',
    },
  },
  runningCost: { perYear: 400_000, payers: { nhs: 0.7, council: 0.3, selfFunder: 0 }, source: 'assumption: weekend shifts for discharge, therapy and social work staff at enhanced rates' },
  evidence: [
    'Seven-day consultant and service standards did not measurably change weekend mortality or length of stay (Bion et al., HiSLAC, NIHR Health Services and Delivery Research, 2021): the default share is kept low so as not to claim more.',
    'Seven-day services are change 5 of the High Impact Change Model for managing transfers of care (LGA, ADASS, NHS England, 2015).',
    'Default weekend share 0.3: assumption, standing for weekend staffing well below weekday levels; no national figure was found.',
  ],
  moves: [
    'delayedBedDaysByReason.assessment: down (assessments at weekends)',
    "sameDayDischargeShare: up where the model's discharge window leaves out weekends (england-typical's already covers all seven days)",
    'meanFitToDischargeDays: down',
  ],
  apply(ctx) {
    const share = ctx.number('weekendShare');
    if (share > 0) ctx.effects.sevenDay.push({ share: ctx.ramp(0, share), days: [0, 1, 2, 3, 4, 5, 6] });
  },
};
