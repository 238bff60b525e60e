/**
 * The M/M/c queue (and the M/M/c/c loss system) built on the kernel: Poisson arrivals,
 * `servers` identical servers, exponential service, run until a number of customers finish.
 *
 * It is the yardstick model: the tests compare it with Erlang B and C and Little's law, and
 * the benchmark times it against the reference programs. Customers are integer slots recycled
 * through a free list, so a run of ten million customers allocates nothing per customer.
 *
 * @module
 */
import { Resource } from '../engine/resource.js';
import { Simulation } from '../engine/simulation.js';
import { RandomStreams, type UniformSource } from '../engine/random/stream.js';

/** Parameters of an M/M/c run. */
export interface MmcOptions {
  /** Arrival rate (customers per time unit). */
  lambda: number;
  /** Service rate of one server. */
  mu: number;
  /** Number of servers. */
  servers: number;
  /** Customers to finish (after the warm-up) before the run stops. */
  customers: number;
  /** Customers finished before statistics start (default 10,000). */
  warmupCustomers?: number;
  /** Master seed (default 1). */
  seed?: number | string;
  /** 'queue' (M/M/c, unlimited waiting room, default) or 'loss' (M/M/c/c, blocked customers leave). */
  system?: 'queue' | 'loss';
}

/** Results of an M/M/c run, over the statistics window after the warm-up. */
export interface MmcResult {
  /** Customers that finished service in the window. */
  served: number;
  /** Arrivals in the window. */
  arrivals: number;
  /** Arrivals turned away (loss system only). */
  blocked: number;
  /** Mean wait in the queue of customers who started service in the window. */
  meanWait: number;
  /** Share of customers who started service in the window after a positive wait. */
  probabilityOfWait: number;
  /** The same share, as the resource's own counters give it (what `waitedShare` reports). */
  waitedShare: number;
  /** Mean wait of those who waited, from the resource's counters (`meanWaitOfWaitedDays`). */
  meanWaitOfWaited: number;
  /** Sample variance of the waits. */
  waitVariance: number;
  /** Time-weighted mean number waiting. */
  meanQueueLength: number;
  /** Time-weighted mean number in service. */
  meanBusy: number;
  /** Mean service (holding) time of customers who finished in the window. */
  meanServiceTime: number;
  /** Length of the statistics window. */
  windowLength: number;
  /** Events executed in the whole run (warm-up included). */
  events: number;
  /** Customers finished in the whole run (warm-up included). */
  totalServed: number;
}

/** Runs one replication of the M/M/c queue or loss system. */
export function runMmc(options: MmcOptions): MmcResult {
  const { lambda, mu, servers, customers } = options;
  const warmup = options.warmupCustomers ?? 10_000;
  const loss = options.system === 'loss';
  const streams = new RandomStreams(options.seed ?? 1);
  const arrivalStream: UniformSource = streams.stream('arrivals');
  const serviceStream: UniformSource = streams.stream('service');

  const sim = new Simulation();
  const server = new Resource(sim, { name: 'servers', capacity: servers });
  const pool = new CustomerPool();
  let finished = 0;
  let windowStart = 0;
  let inWindow = false;
  let arrivalsInWindow = 0;
  let blockedInWindow = 0;
  let delayedStarts = 0;

  const startService = (customer: number): void => {
    if (sim.now > pool.arrivedAt[customer]) delayedStarts++;
    sim.schedule(-Math.log(serviceStream.uniform()) / mu, departure, customer);
  };
  const onGrant = sim.defineEvent(startService, 'start service');
  const arrival = sim.defineEvent(() => {
    sim.schedule(-Math.log(arrivalStream.uniform()) / lambda, arrival);
    arrivalsInWindow++;
    const customer = pool.take(sim.now);
    if (loss) {
      if (server.tryAcquire(customer)) startService(customer);
      else {
        blockedInWindow++;
        pool.free(customer);
      }
    } else if (server.request(customer, onGrant)) startService(customer);
  }, 'arrival');
  const departure = sim.defineEvent((customer) => {
    server.release(customer);
    pool.free(customer);
    finished++;
    if (!inWindow && finished >= warmup) {
      inWindow = true;
      windowStart = sim.now;
      server.resetStatistics();
      arrivalsInWindow = blockedInWindow = delayedStarts = 0;
    }
    if (inWindow && server.holdingTimes.count >= customers) sim.stop();
  }, 'departure');

  sim.schedule(-Math.log(arrivalStream.uniform()) / lambda, arrival);
  sim.run();
  const now = sim.now;
  return {
    served: server.holdingTimes.count,
    arrivals: arrivalsInWindow,
    blocked: blockedInWindow,
    meanWait: server.waits.mean(),
    probabilityOfWait: delayedStarts / server.waits.count,
    waitedShare: server.waitedGrants / server.waits.count,
    meanWaitOfWaited: server.waitedTotal / server.waitedGrants,
    waitVariance: server.waits.variance(),
    meanQueueLength: server.queueLength.mean(now),
    meanBusy: server.occupancy.mean(now),
    meanServiceTime: server.holdingTimes.mean(),
    windowLength: now - windowStart,
    events: sim.eventsExecuted,
    totalServed: finished,
  };
}

/** Integer customer ids recycled through a free list, with each one's arrival time. */
class CustomerPool {
  arrivedAt = new Float64Array(1024);
  private freeIds = new Int32Array(1024);
  private freeCount = 0;
  private issued = 0;

  take(now: number): number {
    let id: number;
    if (this.freeCount > 0) id = this.freeIds[--this.freeCount];
    else {
      id = this.issued++;
      if (id === this.arrivedAt.length) {
        const grown = new Float64Array(id * 2);
        grown.set(this.arrivedAt);
        this.arrivedAt = grown;
      }
    }
    this.arrivedAt[id] = now;
    return id;
  }

  free(id: number): void {
    if (this.freeCount === this.freeIds.length) {
      const grown = new Int32Array(this.freeCount * 2);
      grown.set(this.freeIds);
      this.freeIds = grown;
    }
    this.freeIds[this.freeCount++] = id;
  }
}
