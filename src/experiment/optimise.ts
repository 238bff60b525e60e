/**
 * The cheapest candidate that meets targets, chosen with a stated statistical guarantee: a
 * sequential screening procedure with Bonferroni-adjusted paired Student-t bounds, in the
 * family of the screen-and-select procedures of ranking and selection (Nelson, Swann, Goldsman
 * and Song 2001, "Simple procedures for selecting the best simulated system when the number of
 * alternatives is large", Operations Research 49(6); with constraints, Andradottir and Kim 2010,
 * "Fully sequential procedures for comparing constrained systems via simulation", Naval Research
 * Logistics 57(5)).
 *
 * Every candidate runs the same replications (common random numbers: replication r has the same
 * seed in each). After each look, for each candidate still in contention:
 *
 * - each target is decided when a one-sided bound clears it: met when the upper bound of the
 *   mean is within it, missed when the lower bound is beyond it; a candidate that misses one is
 *   out;
 * - a candidate is out as costlier when a candidate that surely meets every target has a paired
 *   upper bound of (its objective - this one's) below 0.
 *
 * The procedure stops when one contender is left and surely meets every target (selected),
 * when none is left (nothing feasible), or at the replication limit (the contenders it cannot
 * separate). The others run `step` more replications each look.
 *
 * The guarantee: every bound is at level 1 - alpha / D, where D counts every decision that could
 * be made at every look allowed (targets x candidates + pairs of candidates, times looks). By
 * Bonferroni's inequality, the chance that any decision is wrong is at most alpha, so with
 * probability at least 1 - alpha a selected candidate meets every target and no candidate that
 * meets them has a lower expected objective. It is conservative (a fully sequential procedure
 * such as KN would need fewer replications) but valid for any number of looks without an
 * indifference zone; it relies on the t approximation for means of replications.
 *
 * @module
 */
import { tCriticalValue } from '../engine/theory/student-t.js';

/** A target on a metric: its mean at most (`<=`) or at least (`>=`) a value. */
export interface Target {
  metric: string;
  op: '<=' | '>=';
  value: number;
}

/** How to search. */
export interface OptimiseSettings {
  /** The metric to minimise (its mean), e.g. costTotal. */
  objective: string;
  targets: Target[];
  /** Chance of any wrong decision, at most. */
  alpha: number;
  /** Replications of every candidate at the first look (at least 3). */
  initial: number;
  /** Replications added to each contender at every later look. */
  step: number;
  /** The most replications of any candidate. */
  maxReplications: number;
}

/** What became of a candidate. */
export type CandidateStatus = 'selected' | 'contender' | 'missesTarget' | 'costlier';

/** A target's verdict for a candidate. */
export type TargetVerdict = 'met' | 'missed' | 'unsure';

/** One candidate at the end. */
export interface CandidateResult {
  index: number;
  status: CandidateStatus;
  /** Replications run. */
  replications: number;
  /** The look after which it left contention (null while in it). */
  decidedAtLook: number | null;
  /** Why it left, in words (null while in contention). */
  reason: string | null;
  objective: Bound;
  targets: { metric: string; op: '<=' | '>='; value: number; verdict: TargetVerdict; mean: number; lower: number; upper: number }[];
}

/** A mean with its one-sided lower and upper bounds at the procedure's level. */
export interface Bound {
  mean: number;
  lower: number;
  upper: number;
}

/** The outcome of a search. */
export interface OptimiseResult {
  /** 'selected': one candidate; 'unresolved': the contenders at the limit; 'noneFeasible': every candidate misses a target. */
  outcome: 'selected' | 'unresolved' | 'noneFeasible';
  /** The selected candidate's index, or null. */
  selected: number | null;
  /** The candidates still in contention at the end (the selected one alone when selected). */
  contenders: number[];
  /** The level of each one-sided bound: alpha / decisions. */
  perDecisionAlpha: number;
  /** Contenders and replications at each look. */
  looks: { replications: number; contenders: number[] }[];
  candidates: CandidateResult[];
}

/** Runs replications 0 .. n-1 of the given candidates and gives each one's metrics by replication. */
export type Evaluate = (candidates: number[], replications: number) => Promise<Record<string, number>[][]>;

/** Called after each look. */
export type OnLook = (look: number, replications: number, contenders: number) => void;

/**
 * Searches `count` candidates for the one with the lowest mean objective among those meeting
 * every target (see the module comment for the procedure and its guarantee).
 */
export async function optimise(count: number, settings: OptimiseSettings, evaluate: Evaluate, onLook?: OnLook): Promise<OptimiseResult> {
  const { objective, targets, alpha, initial, step, maxReplications } = settings;
  if (count < 1) throw new Error('optimise needs at least one candidate');
  if (initial < 3) throw new Error('optimise needs at least 3 initial replications');
  const lookCount = 1 + Math.max(0, Math.ceil((maxReplications - initial) / step));
  const decisions = lookCount * (count * targets.length + (count * (count - 1)) / 2);
  const perDecisionAlpha = alpha / Math.max(1, decisions);
  const data: Record<string, number>[][] = Array.from({ length: count }, () => []);
  const status: CandidateStatus[] = Array(count).fill('contender');
  const decidedAt: (number | null)[] = Array(count).fill(null);
  const reasons: (string | null)[] = Array(count).fill(null);
  const verdicts: TargetVerdict[][] = Array.from({ length: count }, () => targets.map(() => 'unsure' as TargetVerdict));
  const looks: OptimiseResult['looks'] = [];
  let n = Math.min(initial, maxReplications);
  for (let look = 1; ; look++) {
    const contenders = indices(status, 'contender');
    const outputs = await evaluate(contenders, n);
    contenders.forEach((c, i) => (data[c] = outputs[i]));
    looks.push({ replications: n, contenders });
    for (const c of contenders) {
      targets.forEach((t, k) => {
        const b = bound(column(data[c], t.metric), perDecisionAlpha);
        verdicts[c][k] = verdict(t, b);
      });
      const missed = targets.findIndex((_, k) => verdicts[c][k] === 'missed');
      if (missed >= 0) leave(c, 'missesTarget', look, `misses ${describeTarget(targets[missed])}`);
    }
    const surelyFeasible = indices(status, 'contender').filter((c) => verdicts[c].every((v) => v === 'met'));
    for (const c of indices(status, 'contender')) {
      for (const f of surelyFeasible) {
        if (f === c) continue;
        const d = bound(pairedDifferences(data[f], data[c], objective), perDecisionAlpha);
        if (d.upper < 0) {
          leave(c, 'costlier', look, `${objective} above that of candidate ${f}, which meets every target`);
          break;
        }
      }
    }
    onLook?.(look, n, indices(status, 'contender').length);
    const left = indices(status, 'contender');
    if (left.length === 0) return finish('noneFeasible', null, left);
    if (left.length === 1 && verdicts[left[0]].every((v) => v === 'met')) {
      status[left[0]] = 'selected';
      return finish('selected', left[0], left);
    }
    if (n >= maxReplications) return finish('unresolved', null, left);
    n = Math.min(maxReplications, n + step);
  }

  function leave(c: number, why: CandidateStatus, look: number, reason: string): void {
    status[c] = why;
    decidedAt[c] = look;
    reasons[c] = reason;
  }

  function finish(outcome: OptimiseResult['outcome'], selected: number | null, contenders: number[]): OptimiseResult {
    const candidates = data.map((rows, c): CandidateResult => {
      return {
        index: c,
        status: status[c],
        replications: rows.length,
        decidedAtLook: decidedAt[c],
        reason: reasons[c],
        objective: bound(column(rows, objective), perDecisionAlpha),
        targets: targets.map((t, k) => ({ ...t, verdict: verdicts[c][k], ...bound(column(rows, t.metric), perDecisionAlpha) })),
      };
    });
    return { outcome, selected, contenders, perDecisionAlpha, looks, candidates };
  }
}

/** A target in words, e.g. "delayedPatientsPerDay <= 100". */
export function describeTarget(t: Target): string {
  return `${t.metric} ${t.op} ${t.value}`;
}

/** Parses "metric<=value" or "metric>=value" (spaces allowed); null when it is not one. */
export function parseTarget(text: string): Target | null {
  const m = /^\s*([A-Za-z][\w.-]*)\s*(<=|>=)\s*(-?\d+(?:\.\d+)?(?:e[-+]?\d+)?)\s*$/i.exec(text);
  return m ? { metric: m[1], op: m[2] as '<=' | '>=', value: Number(m[3]) } : null;
}

function verdict(t: Target, b: Bound): TargetVerdict {
  if (t.op === '<=') return b.upper <= t.value ? 'met' : b.lower > t.value ? 'missed' : 'unsure';
  return b.lower >= t.value ? 'met' : b.upper < t.value ? 'missed' : 'unsure';
}

/** The mean and its one-sided bounds at level 1 - a (each side). */
function bound(values: readonly number[], a: number): Bound {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  if (n < 2) return { mean, lower: -Infinity, upper: Infinity };
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
  // tCriticalValue(level) is two-sided: a two-sided level of 1 - 2a gives a one-sided 1 - a.
  const h = (tCriticalValue(1 - 2 * a, n - 1) * Math.sqrt(variance)) / Math.sqrt(n);
  return { mean, lower: mean - h, upper: mean + h };
}

function column(rows: readonly Record<string, number>[], metric: string): number[] {
  return rows.map((r) => r[metric]);
}

/** a - b replication by replication, over the replications both have. */
function pairedDifferences(a: readonly Record<string, number>[], b: readonly Record<string, number>[], metric: string): number[] {
  const n = Math.min(a.length, b.length);
  return Array.from({ length: n }, (_, r) => a[r][metric] - b[r][metric]);
}

function indices(status: readonly CandidateStatus[], wanted: CandidateStatus): number[] {
  return status.flatMap((s, i) => (s === wanted ? [i] : []));
}
