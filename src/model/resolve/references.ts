/**
 * The rules across a model that parsing cannot check one object at a time: exactly one acute
 * setting, no setting named like a route end, pathways and routes that lead to settings that
 * exist, and group, setting and community-stream references that resolve.
 *
 * @module
 */
import { capacitySettingProblems } from '../capacity/registry.js';
import { ModelProblem } from '../model-problem.js';
import { PATHWAYS } from '../pathways.js';
import { EXIT_NAMES } from '../routes.js';
import type { ModelConfig } from '../schema.js';

/** Every reference problem of a model, in a fixed order (the first is the one reported). */
export function referenceProblems(m: ModelConfig): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const add = (path: (string | number)[], message: string): void => void problems.push(new ModelProblem(path, message));
  const settings = Object.keys(m.settings);
  const exists = (to: string): boolean => Object.prototype.hasOwnProperty.call(m.settings, to);
  const isTarget = (to: string): boolean => exists(to) || (EXIT_NAMES as readonly string[]).includes(to);
  const acute = settings.filter((s) => m.settings[s].kind === 'acute');
  if (acute.length !== 1) add(['settings'], `exactly one setting must have kind: acute, found ${acute.length}`);
  for (const exit of EXIT_NAMES) {
    if (exists(exit)) add(['settings', exit], `"${exit}" is reserved for route ends; rename the setting`);
  }
  for (const p of PATHWAYS) {
    const to = m.pathways[p].to;
    if (p === 'P0' && to !== undefined) add(['pathways', p, 'to'], 'P0 discharges home and takes no setting');
    if (p !== 'P0' && to === undefined) add(['pathways', p, 'to'], `${p} needs a setting to discharge into`);
    const needsAssessment = p !== 'P0' && m.pathways[p].assessment;
    for (const field of ['referralDelay', 'assessmentDuration', 'assessmentWindow'] as const) {
      if (!needsAssessment && m.pathways[p][field] !== undefined)
        add(['pathways', p, field], `${p} has no assessment (${p === 'P0' ? 'P0 discharges home' : 'assessment: false'}), so its ${field} would never be used`);
    }
    if (to !== undefined && (!exists(to) || m.settings[to].kind === 'acute')) {
      add(['pathways', p, 'to'], `unknown setting "${to}"; expected one of ${settings.filter((s) => m.settings[s].kind !== 'acute').join(', ')}`);
    }
  }
  for (const [s, setting] of Object.entries(m.settings)) {
    for (const problem of capacitySettingProblems(setting.capacity, setting)) add(['settings', s, problem.field], problem.message);
    if (setting.kind === 'acute') {
      if (setting.next) add(['settings', s, 'next'], 'the acute setting routes by pathways, not next');
      if (setting.whileWaiting) add(['settings', s, 'whileWaiting'], 'whileWaiting is for the settings people wait for a place in after hospital, not the acute beds');
      continue;
    }
    const reassess = setting.whileWaiting?.reassess?.to;
    if (reassess === s) add(['settings', s, 'whileWaiting', 'reassess', 'to'], 'a re-assessment leads to another setting than the one waited for');
    else if (reassess !== undefined && (!exists(reassess) || m.settings[reassess].kind === 'acute')) {
      const others = settings.filter((o) => o !== s && m.settings[o].kind !== 'acute');
      add(['settings', s, 'whileWaiting', 'reassess', 'to'], `unknown setting "${reassess}" to re-assess to; expected one of ${others.join(', ')}`);
    }
    if (setting.visitsPerDay && setting.kind !== 'home') add(['settings', s, 'visitsPerDay'], 'visits per day are for kind: home settings only');
    if (!setting.lengthOfStay) add(['settings', s, 'lengthOfStay'], 'a non-acute setting needs a lengthOfStay distribution');
    if (!setting.next) add(['settings', s, 'next'], 'a non-acute setting needs next routes (to settings or home, death, readmission)');
    setting.next?.forEach((route, i) => {
      if (!isTarget(route.to) || (exists(route.to) && m.settings[route.to].kind === 'acute')) {
        add(['settings', s, 'next', i, 'to'], `unknown route target "${route.to}"; expected a non-acute setting or one of ${EXIT_NAMES.join(', ')}`);
      }
    });
  }
  m.caseMix.forEach((g, i) => {
    for (const s of Object.keys(g.lengthOfStay)) {
      if (!exists(s) || m.settings[s].kind === 'acute') add(['caseMix', i, 'lengthOfStay', s], `unknown setting "${s}"`);
    }
  });
  m.arrivals.community.forEach((c, i) => {
    if (!exists(c.to) || m.settings[c.to].kind === 'acute') add(['arrivals', 'community', i, 'to'], `unknown setting "${c.to}"`);
    if (c.group !== undefined && !m.caseMix.some((g) => g.name === c.group)) add(['arrivals', 'community', i, 'group'], `unknown case-mix group "${c.group}"`);
  });
  for (const s of Object.keys(m.warmStart ?? {})) {
    if (!exists(s)) add(['warmStart', s], `unknown setting "${s}"`);
  }
  return problems;
}

/** The model's one acute setting (references must have been checked). */
export function acuteSettingOf(m: Pick<ModelConfig, 'settings'>): string {
  const acute = Object.keys(m.settings).find((s) => m.settings[s].kind === 'acute');
  if (acute === undefined) throw new ModelProblem(['settings'], 'exactly one setting must have kind: acute, found 0');
  return acute;
}
