/**
 * The members of the registry's metric families, from the model and the one-home modules
 * (payers, pathways, delay reasons, delay-length bands, policies): which names a model's
 * replications report ({@link expectedMetricNames}), whether a name is a metric at all
 * ({@link isKnownMetric}), and the ordered lists the report and the terminal table show
 * ({@link metricsShownIn}).
 *
 * @module
 */
import type { CompiledModel } from '../compile.js';
import { awaitingReason, delayReasonNames, DISCHARGE_STEP_REASONS } from '../delay-reasons.js';
import { PATHWAYS } from '../pathways.js';
import { PAYERS } from '../payers.js';
import { POLICY_NAMES } from '../policies/registry.js';
import { DELAY_LENGTH_BANDS, DISCHARGE_READY_BANDS } from './delay-bands.js';
import { METRICS, type MemberDomain, type MetricDeclaration, type MetricLabel, type ReportChart } from './registry.js';

/** What a model's metric families expand over: what a compiled model tells. */
export interface MetricFacts {
  /** Setting names, in model order. */
  settings: readonly string[];
  /** The acute setting's name. */
  acute: string;
  /** Settings counted in visits per day. */
  visitsSettings: readonly string[];
  /** Policies in force with a running cost. */
  runningCostPolicies: readonly string[];
  /** Settings run as provider markets. */
  marketSettings: readonly string[];
  /** Settings with whileWaiting hazards. */
  waitingSettings: readonly string[];
  /** The reasons of the model's discharge steps. */
  stepReasons: readonly string[];
}

/** The facts of a compiled model (the one a replication runs). */
export function metricFactsOf(model: CompiledModel): MetricFacts {
  return {
    settings: model.settings.map((s) => s.name),
    acute: model.settings[model.acute].name,
    visitsSettings: model.settings.filter((s) => s.visits !== null).map((s) => s.name),
    runningCostPolicies: [...new Set(model.policies.runningCosts.map((c) => c.policy))],
    marketSettings: model.settings.filter((s) => s.capacity.behaviour === 'market').map((s) => s.name),
    waitingSettings: model.settings.filter((s) => s.whileWaiting !== null).map((s) => s.name),
    stepReasons: model.stepReasons,
  };
}

/** The members of a domain that do not depend on the model, or null for one that does. */
function fixedMembers(domain: MemberDomain): readonly string[] | null {
  switch (domain) {
    case 'pathway':
      return PATHWAYS;
    case 'payer':
      return PAYERS;
    case 'publicPayer':
      // Self-funders pay no pot: only the NHS and the council share a pooled budget.
      return PAYERS.filter((p) => p !== 'selfFunder');
    case 'band':
      return DELAY_LENGTH_BANDS.map((b) => b.name);
    case 'readyBand':
      return DISCHARGE_READY_BANDS.map((b) => b.name);
    default:
      return null;
  }
}

/** The members of a domain for a model with these facts. */
export function domainMembers(domain: MemberDomain, facts: MetricFacts): readonly string[] {
  const downstream = facts.settings.filter((s) => s !== facts.acute);
  switch (domain) {
    case 'setting':
      return facts.settings;
    case 'downstreamSetting':
      return downstream;
    case 'visitsSetting':
      return facts.visitsSettings;
    case 'marketSetting':
      return facts.marketSettings;
    case 'waitingSetting':
      return facts.waitingSettings;
    case 'marketPayer':
      return facts.marketSettings.length > 0 ? PAYERS : [];
    case 'reason':
      // No one waits in an acute bed for an acute bed.
      return delayReasonNames(facts.settings, facts.stepReasons).filter((r) => r !== awaitingReason(facts.acute));
    case 'policy':
      return facts.runningCostPolicies;
    default:
      return fixedMembers(domain) as readonly string[];
  }
}

/** The placeholder that stands for a domain's members in a family's pattern. */
export const PLACEHOLDERS: Readonly<Record<MemberDomain, string>> = {
  setting: '<setting>',
  downstreamSetting: '<setting>',
  visitsSetting: '<setting>',
  marketSetting: '<setting>',
  waitingSetting: '<setting>',
  marketPayer: '<payer>',
  readyBand: '<band>',
  reason: '<reason>',
  pathway: '<pathway>',
  payer: '<payer>',
  publicPayer: '<payer>',
  policy: '<policy>',
  band: '<band>',
};

/** A metric's name, or a family's pattern (`occupancy.<setting>`). */
export function metricPattern(d: MetricDeclaration): string {
  return d.members === undefined ? d.name : `${d.name}.${PLACEHOLDERS[d.members]}`;
}

/** Every metric name a replication of a model with these facts reports (registry order). */
export function expectedMetricNames(facts: MetricFacts): string[] {
  return METRICS.flatMap((d) => (d.members === undefined ? [d.name] : domainMembers(d.members, facts).map((m) => `${d.name}.${m}`)));
}

/** The declaration of a metric name (a family's for a member), or undefined. */
export function declarationOf(name: string): MetricDeclaration | undefined {
  const dot = name.indexOf('.');
  const head = dot < 0 ? name : name.slice(0, dot);
  return METRICS.find((d) => d.name === head && (d.members === undefined) === dot < 0);
}

/**
 * Whether `name` is a metric a model with these settings can report: a declared metric, or a
 * family's name and a member its domain allows. Settings counted in visits and policies with a
 * running cost are only known once the model is compiled, so any setting or registered policy
 * is allowed there.
 */
export function isKnownMetric(name: string, model: { settings: readonly string[]; acute: string }): boolean {
  const d = declarationOf(name);
  if (d === undefined) return false;
  if (d.members === undefined) return true;
  const member = name.slice(d.name.length + 1);
  const facts: MetricFacts = {
    settings: model.settings,
    acute: model.acute,
    visitsSettings: model.settings,
    runningCostPolicies: POLICY_NAMES,
    marketSettings: model.settings,
    waitingSettings: model.settings,
    stepReasons: DISCHARGE_STEP_REASONS,
  };
  return domainMembers(d.members, facts).includes(member);
}

/** The lists a metric can be placed in, in a position. */
export type MetricView = 'headline' | 'forest' | 'sweep' | 'terminal';

/** A metric (a family member spelled out) as a list shows it. */
export interface ShownMetric {
  metric: string;
  declaration: MetricDeclaration;
  /** Its label, for the list's audience (without the unit). */
  label: string;
}

function labelOf(label: MetricLabel | undefined, d: MetricDeclaration, member: string | undefined): string {
  if (label === undefined) throw new Error(`metric registry: ${metricPattern(d)} is placed in a list but has no label for it`);
  return typeof label === 'string' ? label : label(member ?? '');
}

/**
 * The metrics a list shows, in their positions; a family placed in a list shows all its members
 * (which must not depend on the model: the report and the terminal table list them before
 * reading any results).
 */
export function metricsShownIn(view: MetricView): ShownMetric[] {
  const position = (d: MetricDeclaration): number => d.shown?.[view] ?? NaN;
  const placed = METRICS.filter((d) => !Number.isNaN(position(d))).sort((a, b) => position(a) - position(b));
  return placed.flatMap((d) => {
    const label = view === 'terminal' ? d.terminalLabel : d.label;
    if (d.members === undefined) return [{ metric: d.name, declaration: d, label: labelOf(label, d, undefined) }];
    const members = fixedMembers(d.members);
    if (members === null) throw new Error(`metric registry: ${metricPattern(d)} has members that depend on the model and cannot be placed in the ${view} list`);
    return members.map((m) => ({ metric: `${d.name}.${m}`, declaration: d, label: labelOf(label, d, m) }));
  });
}

/** The members of a domain in words, for `careflow list metrics` and the README (`code` wraps a name). */
export function membersInWords(domain: MemberDomain, code: (name: string) => string = (n) => n): string {
  const fixed = fixedMembers(domain);
  if (fixed !== null) return fixed.map(code).join(', ');
  switch (domain) {
    case 'setting':
      return 'each setting of the model';
    case 'downstreamSetting':
      return 'each setting but the acute one';
    case 'visitsSetting':
      return 'each setting counted in visits per day';
    case 'marketSetting':
      return 'each setting run as a provider market';
    case 'waitingSetting':
      return 'each setting with whileWaiting hazards';
    case 'marketPayer':
      return `${PAYERS.map(code).join(', ')}, when the model has a provider market`;
    case 'reason':
      return `${code('dischargeProcess')}, ${code('assessment')}, ${code('awaiting<Setting>')} for each setting but the acute one, and the reasons of the model's discharge steps (${DISCHARGE_STEP_REASONS.map(code).join(', ')})`;
    default:
      return 'each policy in force with a running cost';
  }
}

/** A declaration's meaning with its family's members, as one line. */
export function meaningOf(d: MetricDeclaration, code: (name: string) => string = (n) => n): string {
  return d.members === undefined ? d.description : `${d.description}; ${code(PLACEHOLDERS[d.members])}: ${membersInWords(d.members, code)}`;
}

/**
 * A metric (or family) name a report chart reads, checked against the registry: the registry
 * must place it in that chart, so that the chart and the registry cannot drift apart.
 */
export function chartMetric(chart: ReportChart, name: string): string {
  const d = METRICS.find((m) => m.name === name);
  if (d === undefined || !(d.shown?.charts ?? []).includes(chart)) throw new Error(`metric registry: the ${chart} chart reads ${name}, which the registry does not place in it`);
  return name;
}

/** The metric names (or families) the registry places in a chart, in registry order. */
export function metricsInChart(chart: ReportChart): string[] {
  return METRICS.filter((d) => (d.shown?.charts ?? []).includes(chart)).map((d) => d.name);
}
