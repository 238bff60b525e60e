/**
 * Each policy's modelled effect on the shipped england-typical system beside its published
 * evaluations (over the preset experiments' two-year results window: costs are two-year totals,
 * delayed patients a day are means over it): the one home of the table that `careflow explain` prints and that
 * `npm run docs:policies` writes into README.md. The modelled figures are paired differences from
 * the baseline (95% t intervals) over the results year of the named preset experiment, at its
 * seed and replications; test/model/policies/evaluations.test.ts re-runs some of them and fails
 * when the model has moved away from what is written here.
 *
 * @module
 */

/** A paired difference from the baseline: mean and 95% interval. */
export interface PairedEffect {
  mean: number;
  ciLow: number;
  ciHigh: number;
}

/** One row: a scenario of a preset experiment, what it did, what the evaluations found. */
export interface PolicyEvaluation {
  /** The preset experiment (under experiments/) and its scenario. */
  experiment: 'integration-policies' | 'seed-systems';
  scenario: string;
  /** The row's label in the table. */
  label: string;
  /** Policies the row is about (explain prints the row for each). */
  policies: string[];
  /** Paired difference in `delayedPatientsPerDay`. */
  delayed: PairedEffect;
  /** Other modelled effects, in words with their numbers. */
  other: string;
  /** What the evaluations found (publication, year). */
  published: string;
  /** Whether the model agrees, and why not where it does not. */
  agrees: string;
}

/** Replications of the recorded runs (each experiment's own seed and horizon). */
export const EVALUATION_REPLICATIONS = 10;

/** The table, in the order the README shows it. */
export const POLICY_EVALUATIONS: readonly PolicyEvaluation[] = [
  {
    experiment: 'integration-policies',
    scenario: 'trustedAssessor',
    label: '`trusted-assessor`',
    policies: ['trusted-assessor'],
    delayed: { mean: -4.76, ciLow: -5.51, ciHigh: -4.01 },
    other: '4.76 bed days a day over about 2.5 care-home discharges from hospital a day: about 1.9 days a care-home discharge; cost -GBP 1.44m over the two years',
    published:
      "about 1-2.4 bed days saved a discharge (the range careflow's issue tracker cites for trusted-assessor schemes; about 2.4 reported for Lincolnshire's, not checked at source here)",
    agrees: 'yes',
  },
  {
    experiment: 'integration-policies',
    scenario: 'sevenDayServices',
    label: '`seven-day-services`',
    policies: ['seven-day-services'],
    delayed: { mean: -0.33, ciLow: -0.78, ciHigh: 0.11 },
    other: "mean fit-to-discharge -0.01 days; assessments already run on all seven days, so only therapy and care homes' own assessments move",
    published: 'no measurable change in length of stay',
    agrees: 'yes (not distinguishable from zero)',
  },
  {
    experiment: 'integration-policies',
    scenario: 'pooledBudget',
    label: '`pooled-budget`',
    policies: ['pooled-budget'],
    delayed: { mean: -0.59, ciLow: -1.17, ciHigh: -0.02 },
    other: 'cost -GBP 0.16m [-0.39, 0.08] and GBP 0.21m moved from the NHS to the council, over the two years',
    published: 'pooled funds and the Better Care Fund: no sustained fall in hospital use (Mason et al. 2015; NAO 2017)',
    agrees: 'yes: with no cut the spot budgets are rarely spent, so there is little for the pot to move',
  },
  {
    experiment: 'integration-policies',
    scenario: 'dischargeToAssess',
    label: '`discharge-to-assess`',
    policies: ['discharge-to-assess'],
    delayed: { mean: -52.1, ciLow: -53.72, ciHigh: -50.48 },
    other: 'about 4.0 days saved a P1-P3 discharge (about 13 a day); NHS cost -GBP 14.9m over the two years',
    published: 'Sheffield: 5.5 to 1.2 days from ready to discharge (4.3 days)',
    agrees: 'yes (same size)',
  },
  {
    experiment: 'integration-policies',
    scenario: 'reablementExpansion',
    label: '`reablement-expansion`',
    policies: ['reablement-expansion'],
    delayed: { mean: -6.78, ciLow: -7.56, ciHigh: -6.0 },
    other: 'cost -GBP 8.79m [-9.29, -8.29], council -GBP 3.26m, over the two years',
    published: 'reablement lowers later social-care costs (about 60% lower the next year, Glendinning et al. 2010)',
    agrees: 'direction yes',
  },
  {
    experiment: 'integration-policies',
    scenario: 'personalBudgets',
    label: '`personal-budgets`',
    policies: ['personal-budgets'],
    delayed: { mean: 3.24, ciLow: 2.38, ciHigh: 4.1 },
    other:
      'no hospital pathway of england-typical leads to home care (P1 goes to reablement), so the 7-day start delay is spent in reablement places, blocking them (awaitingPersonalBudget stays 0); council cost -GBP 0.65m over the two years',
    published: 'direct payments take weeks to set up (about 8-9 weeks after the care plan, City of Edinburgh Council); no evaluation of their effect on discharge found',
    agrees: 'direction yes: arranging a budget takes time, spent in the service the person is leaving; no evaluation of its effect on discharge was found',
  },
  {
    experiment: 'integration-policies',
    scenario: 'structuralMerger',
    label: '`structural-merger`',
    policies: ['structural-merger'],
    delayed: { mean: 3.06, ciLow: 2.4, ciHigh: 3.72 },
    other: 'the 18-24 month dip of the evidence, in the results window; cost +GBP 3.26m over the two years',
    published: 'mergers slow services for 18-24 months',
    agrees: 'yes',
  },
  {
    experiment: 'integration-policies',
    scenario: 'councilCutSeparate',
    label: 'council cut 5%, separate budgets',
    policies: ['pooled-budget'],
    delayed: { mean: 3.39, ciLow: 2.36, ciHigh: 4.42 },
    other: 'council spot budget spent on 12.8 days of the two years; NHS cost +GBP 1.52m over them',
    published: 'a pooled budget lets NHS money buy what a council cut leaves short',
    agrees: 'separate budgets cannot move money: see the pooled row',
  },
  {
    experiment: 'integration-policies',
    scenario: 'councilCutPooled',
    label: 'council cut 5%, pooled budget',
    policies: ['pooled-budget'],
    delayed: { mean: 2.29, ciLow: 1.32, ciHigh: 3.25 },
    other: 'council spot budget spent on 8.4 days of the two years; GBP 0.33m moved from the NHS to the council and NHS cost +GBP 0.77m over them',
    published: 'a pooled budget lets NHS money buy what a council cut leaves short',
    agrees: 'direction yes: pooling cuts the days without money for spot places by a third and the added delays by about a third',
  },
  {
    experiment: 'seed-systems',
    scenario: 'torbayLike',
    label: 'Torbay-like bundle',
    policies: [],
    delayed: { mean: -40.3, ciLow: -41.9, ciHigh: -38.7 },
    other: '',
    published: "the seed articles present Torbay's joined-up care as the good example; no measured effect on delays is given there",
    agrees: 'not checked against figures',
  },
  {
    experiment: 'seed-systems',
    scenario: 'canterburyLike',
    label: 'Canterbury-like bundle',
    policies: [],
    delayed: { mean: -15.9, ciLow: -17.4, ciHigh: -14.4 },
    other: '',
    published: "the seed articles present Canterbury's joined-up care as the good example; no measured effect on delays is given there",
    agrees: 'not checked against figures',
  },
  {
    experiment: 'seed-systems',
    scenario: 'greaterManchesterLike',
    label: 'Greater Manchester-like bundle',
    policies: [],
    delayed: { mean: -2.5, ciLow: -3.3, ciHigh: -1.7 },
    other: '',
    published: 'no measured effect on delays is given in the seed articles',
    agrees: 'not checked against figures',
  },
];

/** The rows about a policy. */
export function evaluationsOf(policy: string): PolicyEvaluation[] {
  return POLICY_EVALUATIONS.filter((e) => e.policies.includes(policy));
}

/** `-4.76 [-5.51, -4.01]`, signed, two decimals. */
export function formatEffect(e: PairedEffect): string {
  const f = (x: number): string => x.toFixed(2);
  return `${e.mean > 0 ? '+' : ''}${f(e.mean)} [${f(e.ciLow)}, ${f(e.ciHigh)}]`;
}

/** The README table (markdown). */
export function evaluationTable(): string {
  const rows = POLICY_EVALUATIONS.map((e) => `| ${e.label} | ${formatEffect(e.delayed)} | ${e.other} | ${e.published} | ${e.agrees} |`);
  return ['| scenario | modelled: delayed patients a day | modelled: other | published evaluation | agrees? |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** The README's marker comments around the table. */
export const EVALUATION_TABLE_START = '<!-- policy evaluation table: made by `npm run docs:policies` from src/model/policies/evaluations.ts; edit that file, not this table -->';
/** The end marker. */
export const EVALUATION_TABLE_END = '<!-- end of policy evaluation table -->';

/** `readme` with the text between the marker comments replaced by the table. Throws without the markers. */
export function withEvaluationTable(readme: string): string {
  const start = readme.indexOf(EVALUATION_TABLE_START);
  const end = readme.indexOf(EVALUATION_TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md has no policy evaluation table markers (${EVALUATION_TABLE_START} ... ${EVALUATION_TABLE_END})`);
  return `${readme.slice(0, start + EVALUATION_TABLE_START.length)}\n\n${evaluationTable()}\n\n${readme.slice(end)}`;
}
