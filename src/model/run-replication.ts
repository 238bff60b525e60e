/**
 * One replication of a model: compile (unless compiled already), simulate, measure.
 *
 * @module
 */
import { compileModel, type CompiledModel } from './compile.js';
import type { TraceSink } from './journey-trace.js';
import type { DailySeries } from './observations.js';
import type { ResolvedModel } from './resolve/resolve-model.js';
import { CareSystemModel } from './run/care-system.js';
import type { RunWindow } from './run-window.js';

/** What one replication returns. */
export interface ReplicationResult {
  /** Every metric by name (see the README's metric list). */
  metrics: Record<string, number>;
  /** Daily occupancy, delays and queues per setting over the whole run. */
  daily: DailySeries;
  /** Events executed (for benchmarks). */
  events: number;
}

/**
 * Runs one replication of a model (resolved, or already compiled) over a run window;
 * with a trace sink, every move of every person is recorded to it (and it is closed at the end).
 */
export function runReplication(model: ResolvedModel | CompiledModel, window: RunWindow, trace: TraceSink | null = null): ReplicationResult {
  if (!(window.horizonDays > 0)) throw new RangeError(`horizonDays must be > 0, got ${window.horizonDays}`);
  if (!(window.warmupDays >= 0 && window.warmupDays < window.horizonDays)) {
    throw new RangeError(`warmupDays must be >= 0 and below horizonDays (${window.horizonDays}), got ${window.warmupDays}`);
  }
  const compiled = 'calendar' in model ? model : compileModel(model);
  const system = new CareSystemModel(compiled, window, trace);
  let observations;
  try {
    observations = system.run();
  } finally {
    trace?.close();
  }
  return { metrics: observations.metrics(), daily: observations.dailySeries(), events: system.sim.eventsExecuted };
}
