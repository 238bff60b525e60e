/**
 * Personal budgets and direct payments: a share of people arrange their own support instead of
 * waiting for a commissioned package.
 *
 * @module
 */
import type { PolicyDefinition } from './definition.js';

/** The personal-budgets policy. */
export const personalBudgets: PolicyDefinition = {
  name: 'personal-budgets',
  summary: 'a share of people arrange their own support, with its own start delay and cost',
  mechanism:
    'Adds a setting "personalBudget" (support arranged by the person, not limited by commissioned capacity) with the same stays ' +
    'and routes as the home-care setting. A share of the people who would ask for a home-care package ask for it instead; ' +
    'arranging it takes a start delay (exponential, spent where they are: in hospital as "awaitingPersonalBudget", in reablement ' +
    'as blocking), and it costs costRatio times the home-care day, shared between payers as home care is.',
  parameters: {
    share: { kind: 'number', default: 0.2, neutral: 0, unit: 'share', min: 0, max: 1, description: 'share of people needing home care who take a personal budget' },
    setting: { kind: 'setting', default: null, description: 'the commissioned home-care setting (default: the first home-based setting that is not intermediate care)' },
    startDelayDays: { kind: 'number', default: 7, neutral: 7, unit: 'days', min: 0, description: "mean time to arrange one's own support (recruiting a personal assistant)" },
    costRatio: { kind: 'number', default: 0.9, neutral: 0.9, unit: 'ratio', min: 0, description: 'cost of a day of self-arranged support relative to a commissioned day' },
  },
  runningCost: { perYear: 100_000, payers: { nhs: 0, council: 1, selfFunder: 0 }, source: 'assumption: a direct-payments support service' },
  evidence: [
    'Personal budgets and direct payments let people join up their own care across agency boundaries (Glasby, If integration is the answer, what was the question?, International Journal of Integrated Care, 2016).',
    'Direct payments were about a quarter of long-term community support in England (NHS Digital, Adult social care activity and finance report, 2022/23): the default share 0.2 is below that (assumption).',
    'Setting up a direct payment takes weeks: about 8 to 9 weeks after the care plan is agreed (City of Edinburgh Council, How to get a direct payment, web page, undated; a Scottish council, where the figure was found), with a personal assistant to advertise for, interview and check; so a budget arranged from a hospital bed lengthens the wait unless commissioned care bridges it.',
    'Default start delay 7 days (far below those weeks, standing for budgets mostly set up before the person is ready) and cost ratio 0.9: assumptions.',
  ],
  moves: [
    'meanWaitDays.<home care>: down where home care is short (people on budgets leave its queue)',
    'delayedDays.<service before home care>, and so acute delays: up by the start delay where home care is not short, since it is spent in the service the person is leaving (reablement, say)',
    'costBySetting.<home care>: down, costBySetting.personalBudget: up (costRatio of it)',
  ],
  apply(ctx) {
    const share = ctx.number('share');
    if (share === 0) return;
    const setting = ctx.settingOr('setting', (s) => s.kind === 'home' && !s.intermediate, ['home']);
    const home = ctx.config.settings[setting];
    const delay = ctx.number('startDelayDays');
    ctx.addSetting('personalBudget', {
      ...structuredClone(home),
      description: `support arranged with a personal budget instead of ${setting}, added by the personal-budgets policy`,
      // Not limited by commissioned places: people find their own carers, and pay per day used
      // (the home-care setting's own capacity form, a market's block places say, does not apply).
      capacity: 1_000_000,
      costBasis: 'occupied',
      placeCostPerDay: 0,
      costPerDay: home.costPerDay * ctx.number('costRatio'),
      // Direct payments are means-tested like commissioned care: the same payers.
      payers: { ...home.payers },
      providerAssessment: delay > 0 ? { type: 'exponential', mean: delay } : undefined,
    });
    ctx.effects.redirects.push({ from: setting, to: 'personalBudget', share: ctx.ramp(0, share), onlyIfRoom: false, groups: [], maxPlannedStay: Infinity });
  },
};
