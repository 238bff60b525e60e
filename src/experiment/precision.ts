/**
 * Whether a run met the experiment's precision target (`precision: {metrics, relativeHalfWidth,
 * maxReplications}`): for each scenario and target metric, the 95% half-width of the replication
 * mean relative to the mean. A target not met when the run stops at `maxReplications` is a
 * warning on stderr and a record in manifest.json, not a silent stop.
 *
 * @module
 */
import type { RunOutputs } from './runner.js';
import type { LoadedExperiment } from './scenario.js';
import { halfWidth } from './statistics.js';

/** A scenario and metric whose interval is wider than the target. */
export interface PrecisionShortfall {
  scenario: string;
  metric: string;
  /** The half-width relative to |mean| reached. */
  relativeHalfWidth: number;
}

/** What manifest.json records about the target (absent when the experiment sets none). */
export interface PrecisionRecord {
  relativeHalfWidth: number;
  metrics: string[];
  maxReplications: number;
  replications: number;
  met: boolean;
  /** Every scenario and metric that missed, widest first. */
  shortfalls: PrecisionShortfall[];
}

/** The target's outcome, or null when the experiment sets no target. */
export function precisionRecord(experiment: LoadedExperiment, run: RunOutputs): PrecisionRecord | null {
  const target = experiment.config.precision;
  if (!target) return null;
  const shortfalls: PrecisionShortfall[] = [];
  run.outputs.forEach((outputs, s) => {
    for (const metric of target.metrics) {
      const values = outputs.map((o) => o.metrics[metric]).filter((v) => v !== undefined && !Number.isNaN(v));
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      // As the precision search: a metric whose mean is 0 has no relative width to reach.
      if (!(Math.abs(mean) > 0)) continue;
      const relative = halfWidth(values) / Math.abs(mean);
      if (!(relative <= target.relativeHalfWidth)) shortfalls.push({ scenario: experiment.scenarios[s].name, metric, relativeHalfWidth: relative });
    }
  });
  shortfalls.sort((a, b) => b.relativeHalfWidth - a.relativeHalfWidth);
  return {
    relativeHalfWidth: target.relativeHalfWidth,
    metrics: [...target.metrics],
    maxReplications: target.maxReplications,
    replications: run.replications,
    met: shortfalls.length === 0,
    shortfalls,
  };
}

/** The warning lines for a missed target (none when met). */
export function precisionWarnings(record: PrecisionRecord | null): string[] {
  if (record === null || record.met) return [];
  const worst = record.shortfalls[0];
  const more = record.shortfalls.length > 1 ? ` (and ${record.shortfalls.length - 1} more scenario-metric pairs; manifest.json lists them)` : '';
  return [
    `precision target not met after ${record.replications} replications (maxReplications ${record.maxReplications}): scenario "${worst.scenario}", ${worst.metric}: half-width ${(100 * worst.relativeHalfWidth).toFixed(2)}% of the mean against ${(100 * record.relativeHalfWidth).toFixed(2)}%${more}; raise maxReplications or loosen relativeHalfWidth`,
  ];
}
