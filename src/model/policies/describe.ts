/**
 * Policies described for people: the one-line list and the full explanation that
 * `careflow explain <policy>` prints, both made from the policy's own declaration so the
 * documentation cannot drift from the code.
 *
 * @module
 */
import { EVALUATION_REPLICATIONS, evaluationsOf, formatEffect } from './evaluations.js';
import type { PolicyDefinition } from './definition.js';
import type { NumberParameter, ParameterSpec } from './parameters.js';
import { POLICIES } from './registry.js';

/** One line per policy: name and summary. */
export function policyList(): string[] {
  const width = Math.max(...POLICIES.map((p) => p.name.length)) + 2;
  return POLICIES.map((p) => `${p.name.padEnd(width)}${p.summary}`);
}

/** The full explanation of a policy, as plain text wrapped at `width` columns. */
export function explainPolicy(policy: PolicyDefinition, width = 100): string {
  const out: string[] = [`${policy.name}: ${policy.summary}`, ''];
  out.push('Mechanism', ...wrap(policy.mechanism, width, '  '), '');
  out.push(
    'Timing (every policy)',
    ...wrap(
      'start: day number or date it starts (default 0); rampDays: days over which it phases in linearly (default 0: at once); runningCostPerYear and payers: its own running cost and who pays it (defaults below).',
      width,
      '  ',
    ),
    '',
  );
  out.push('Parameters (name, default, unit, allowed values: meaning)');
  for (const [name, spec] of Object.entries(policy.parameters))
    out.push(...wrap(`${name} = ${defaultText(spec)}${unitText(spec)}: ${spec.description}${neutralText(spec)}`, width, '  ', '      '));
  out.push('');
  const c = policy.runningCost;
  const payers = Object.entries(c.payers)
    .filter(([, v]) => v > 0)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  out.push('Running cost', ...wrap(`GBP ${c.perYear.toLocaleString('en-GB')} a year (${payers}): ${c.source}`, width, '  '), '');
  out.push('Evidence');
  for (const e of policy.evidence) out.push(...wrap(`- ${e}`, width, '  ', '    '));
  out.push('', 'Expected to move');
  for (const m of policy.moves) out.push(`  ${m}`);
  const evaluations = evaluationsOf(policy.name);
  if (evaluations.length > 0) {
    out.push(
      '',
      `Modelled on england-typical beside the evaluations (${EVALUATION_REPLICATIONS} replications, the two-year results window of the preset experiment; paired difference from the baseline, 95% interval)`,
    );
    for (const e of evaluations) {
      out.push(
        ...wrap(
          `- ${e.label.replaceAll('`', '')} (experiments/${e.experiment}.yaml, scenario ${e.scenario}): delayed patients a day ${formatEffect(e.delayed)}${e.other ? `; ${e.other}` : ''}`,
          width,
          '  ',
          '    ',
        ),
      );
      out.push(...wrap(`published: ${e.published}`, width, '    ', '    '));
      out.push(...wrap(`agrees: ${e.agrees}`, width, '    ', '    '));
    }
  }
  out.push('', 'Example (in an experiment scenario)', ...example(policy).map((l) => `  ${l}`));
  return out.join('\n') + '\n';
}

function defaultText(spec: ParameterSpec): string {
  if (spec.kind === 'groups') return spec.default.length === 0 ? '[] (all)' : `[${spec.default.join(', ')}]`;
  if (spec.kind === 'setting') return spec.default ?? '(from the model)';
  return String(spec.default);
}

function unitText(spec: ParameterSpec): string {
  if (spec.kind === 'number') return ` ${spec.unit}${rangeText(spec)}`;
  if (spec.kind === 'choice') return ` (one of ${spec.options.join(', ')})`;
  return '';
}

/** The allowed values of a number parameter, as the validation checks them: "(0 to 1)", "(whole, >= 0)". */
function rangeText(spec: NumberParameter): string {
  const parts: string[] = [];
  if (spec.integer) parts.push('whole');
  if (spec.min !== undefined && spec.max !== undefined) parts.push(`${spec.min} to ${spec.max}`);
  else if (spec.min !== undefined) parts.push(`>= ${spec.min}`);
  else if (spec.max !== undefined) parts.push(`<= ${spec.max}`);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

function neutralText(spec: ParameterSpec): string {
  return spec.kind === 'number' && spec.neutral !== spec.default ? `; ${spec.neutral} does nothing` : '';
}

function example(policy: PolicyDefinition): string[] {
  const first = Object.entries(policy.parameters).find(([, s]) => s.kind === 'number');
  const lines = ['policies:', `  - policy: ${policy.name}`, '    start: 90', '    rampDays: 180'];
  if (first) lines.push('    parameters:', `      ${first[0]}: ${(first[1] as { default: number }).default}`);
  return lines;
}

/** Words wrapped to lines of at most `width` characters. */
function wrap(text: string, width: number, indent: string, hanging = indent): string[] {
  const lines: string[] = [];
  let line = indent;
  for (const word of text.split(/\s+/)) {
    if (line.trim() !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = hanging + word;
    } else line = line.trim() === '' ? line + word : `${line} ${word}`;
  }
  if (line.trim() !== '') lines.push(line);
  return lines;
}
