/**
 * Closed-form queueing results used to check the kernel: Erlang B (loss) and Erlang C (delay).
 *
 * Both use the stable recursion B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)) for offered load
 * a = lambda / mu, which avoids the factorials that overflow for large c.
 *
 * @module
 */

/** Erlang B: the probability that an arrival finds all `servers` busy in an M/M/c/c loss system. */
export function erlangB(offeredLoad: number, servers: number): number {
  if (!(offeredLoad >= 0)) throw new RangeError(`offered load must be >= 0, got ${offeredLoad}`);
  if (!Number.isInteger(servers) || servers < 0) throw new RangeError(`servers must be a whole number >= 0, got ${servers}`);
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (offeredLoad * b) / (k + offeredLoad * b);
  return b;
}

/** Erlang C: the probability that an arrival has to wait in an M/M/c queue (requires a < c). */
export function erlangC(offeredLoad: number, servers: number): number {
  if (offeredLoad >= servers) return 1;
  const b = erlangB(offeredLoad, servers);
  return (servers * b) / (servers - offeredLoad * (1 - b));
}

/** Steady-state measures of an M/M/c queue with arrival rate `lambda` and service rate `mu`. */
export interface MmcTheory {
  /** Utilisation per server, lambda / (c mu). */
  rho: number;
  /** Probability of waiting (Erlang C). */
  probabilityOfWait: number;
  /** Mean wait in the queue, Wq = C / (c mu - lambda). */
  meanWait: number;
  /** Mean number waiting, Lq = lambda Wq (Little's law). */
  meanQueueLength: number;
  /** Mean number in service, lambda / mu. */
  meanBusy: number;
}

/** Erlang C results for an M/M/c queue; throws if the queue is unstable (lambda >= c mu). */
export function mmcTheory(lambda: number, mu: number, servers: number): MmcTheory {
  if (!(lambda > 0 && mu > 0)) throw new RangeError(`lambda and mu must be > 0, got ${lambda} and ${mu}`);
  const a = lambda / mu;
  if (a >= servers) throw new RangeError(`M/M/${servers} with lambda ${lambda} and mu ${mu} is unstable (rho >= 1)`);
  const probabilityOfWait = erlangC(a, servers);
  const meanWait = probabilityOfWait / (servers * mu - lambda);
  return { rho: a / servers, probabilityOfWait, meanWait, meanQueueLength: lambda * meanWait, meanBusy: a };
}
