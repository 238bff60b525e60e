/**
 * A provider market: block-contracted places, and spot places bought from the providers of the
 * area once a broker has found one, within a budget per payer and financial year.
 *
 * A person who finds no block place free waits where they are, keeping any place they hold (an
 * acute bed: a delayed discharge), in the block places' first-come-first-served line, and a
 * search for a spot place starts at once. The search takes an exponential time whose mean grows
 * with the market's tightness u = spot places in use / market size:
 *
 *     mean search = sourcingDays / (1 - u) ^ tightnessExponent
 *
 * With the exponent 1 this is a broker ringing providers one after another, each call taking an
 * exponential time of mean `sourcingDays` and finding a vacancy with probability 1 - u: the
 * number of calls is geometric with mean 1 / (1 - u), and the sum of a geometric number of
 * exponential calls is exponential with mean sourcingDays / (1 - u). Delays lengthen as the
 * supply of providers thins (Allan, Roland, Malisauskaite et al., BMC Health Services Research
 * 2021: one more home-care provider per 10 km2, 14.9% fewer social-care delayed days; ADASS
 * spring surveys 2022-2023: hours of home care that could not be delivered for want of carers).
 * A market that is full (u = 1) has nothing to find: the search starts when a spot place frees.
 *
 * How block places that free are given out (`blockAllocation`): `queue` (the default) hands each
 * to the longest-waiting person, first come first served, whatever their search is doing;
 * `matched` leaves it free until the next person's search ends (or a newcomer takes it), as a
 * broker or a care home matches a vacancy to someone it fits rather than keeping a waiting list
 * (councils' brokerage teams match packages to carers' rounds; a care home chooses whom it
 * admits: CMA, Care homes market study, 2017). Under `queue` nobody waits much longer than the
 * line takes to clear; under `matched` each person waits for their own searches, so people hard to
 * place wait far longer than the rest. A matched person who cannot buy a spot place (the market
 * full, or their funder's budget spent) keeps searching for a block vacancy, each search of mean
 * `sourcingDays` (times their difficulty, below), untouched by the spot market's tightness.
 *
 * People are not equally easy to place: providers turn down people with complex needs
 * (dementia with distressed behaviour, bariatric or nursing needs, a home far from the
 * agencies' rounds), and those people wait longest (CQC, Beyond barriers, 2018; Newton Europe
 * and ADASS, Why not home? Why not today?, 2019). An optional `placementDifficulty`, a
 * distribution of mean 1, multiplies the mean of every search a person makes: it is drawn once
 * per episode from one uniform of the person's own stream, the same quantile in every market,
 * so a person hard to place at home is hard to place in a care home too. Without it every
 * person's searches have the mean above.
 *
 * When the search ends the person takes a spot place at the spot price if one is still free and
 * their funder's spot budget for the year is not spent (the model's spot budgets, shared by its
 * markets: see spot-ledger.ts); a block place freed meanwhile is taken first, in its line's
 * order. The funder is drawn per person from the setting's payer shares.
 *
 * @module
 */
import { z } from 'zod';
import type { Calendar } from '../../engine/calendar.js';
import type { EntityStream } from '../../engine/random/entity-stream.js';
import { TimeWeighted } from '../../engine/monitors/time-weighted.js';
import { Tally } from '../../engine/monitors/tally.js';
import { OverflowResource } from '../../engine/overflow-resource.js';
import type { Resource } from '../../engine/resource.js';
import type { EventKind, Simulation } from '../../engine/simulation.js';
import { PAYERS } from '../payers.js';
import type { PatientTable } from '../patients.js';
import { canBeNegative, createDistribution, type Distribution, type DistributionSpec } from '../../engine/random/distributions.js';
import { distributionSpecSchema } from '../distribution-schema.js';
import { EPISODE_SALT, SALT_DIFFICULTY, SALT_FUNDER, SALT_SOURCING } from '../run/stream-salts.js';
import { nonNegative } from '../schema-primitives.js';
import type { CapacityPlan } from './plan.js';
import { planPlaces, registerCapacityBehaviour, type BuiltInCapacityForm, type TypedCapacityForm } from './registry.js';
import { placesSchema } from './schedule-schema.js';
import type { CapacityRun, SettingCapacity } from './setting-capacity.js';
import type { SpotLedger } from './spot-ledger.js';

/** A market's parameters, as resolved (plain data; Infinity for an unlimited market or budget). */
export interface MarketParameters {
  /** Spot places the area's providers can sell beyond the block contracts. */
  marketSize: number;
  /** Mean search time, days, when no spot place is in use. */
  sourcingDays: number;
  /** How steeply the search lengthens as the market fills (1: a sequential search, see above). */
  tightnessExponent: number;
  /** Price of a spot place per occupied day, GBP. */
  spotCostPerDay: number;
  /** Whether freed block places go to the line in turn (`queue`) or to the next search to end (`matched`). */
  blockAllocation: 'queue' | 'matched';
  /** Multiplier of a person's search means (mean 1), or null when everyone is alike. */
  placementDifficulty: DistributionSpec | null;
}

/** The form a model file writes. */
export const marketSchema = z
  .strictObject({
    type: z.literal('market'),
    block: placesSchema,
    marketSize: z.number().int('marketSize must be a whole number of places').min(0).nullable().default(null),
    sourcingDays: nonNegative,
    tightnessExponent: z.number().positive().default(1),
    spotCostPerDay: nonNegative,
    placementDifficulty: distributionSpecSchema
      .refine((spec) => !canBeNegative(spec), {
        message: 'placementDifficulty must not take negative values (it multiplies a search time): use a lognormal, gamma or another non-negative distribution of mean 1',
      })
      .refine((spec) => Math.abs(createDistribution(spec).mean - 1) < 1e-9, {
        error: (issue) =>
          `placementDifficulty must have mean 1, got mean ${createDistribution(issue.input as DistributionSpec).mean}: it spreads the searches around sourcingDays without changing their mean`,
      })
      .nullable()
      .default(null),
    blockAllocation: z.enum(['queue', 'matched']).default('queue'),
  })
  .refine((m) => m.blockAllocation !== 'matched' || m.sourcingDays > 0, {
    path: ['sourcingDays'],
    message: 'blockAllocation matched needs sourcingDays > 0: vacancies are found by searches, and a search of no length would never end the wait',
  });

type MarketForm = z.output<typeof marketSchema>;

// What a person waiting for a place in the setting is doing about a spot place.
const IDLE = 0;
const SEARCHING = 1;
const AWAITING_SPOT = 2;
const AWAITING_BUDGET = 3;

/** A market setting's capacity during one replication. */
export class MarketCapacity implements SettingCapacity {
  readonly resource: OverflowResource;
  readonly unitsPerPerson = 1;
  private readonly sim: Simulation;
  private readonly patients: PatientTable;
  private readonly person: EntityStream;
  private readonly calendar: Calendar;
  private readonly payerShares: Float64Array;
  private readonly market: MarketParameters;
  private readonly difficulty: Distribution | null;
  private readonly onSearchEnd: EventKind;
  private readonly onBlockGranted: EventKind;
  private onGranted: EventKind = -1;

  // Per person slot: the search's event handle, searches made, funder, what they are doing, and
  // the multiplier of their searches' mean (NaN: not drawn yet this wait).
  private searchHandle = new Float64Array(64).fill(-1);
  private meanFactor = new Float64Array(64).fill(NaN);
  private searches = new Uint16Array(64);
  private funder = new Int8Array(64).fill(-1);
  private state = new Uint8Array(64);
  private ticket = new Uint32Array(64);
  // People waiting for a spot place to free, and for next year's budget: (slot, ticket) pairs.
  private readonly awaitingSpot: number[] = [];
  private awaitingSpotHead = 0;
  private awaitingBudget: number[] = [];

  // Spot places in use by funder in the results window; the year's spending is the ledger's.
  private readonly windowSpot = PAYERS.map(() => new TimeWeighted());
  private readonly ledger: SpotLedger;
  private readonly exhausted = new TimeWeighted();
  private purchases = 0;
  private readonly spotWaits = new Tally({ keepValues: false });

  constructor(plan: CapacityPlan, run: CapacityRun) {
    this.sim = run.sim;
    this.patients = run.patients;
    this.person = run.person;
    this.calendar = run.calendar;
    this.payerShares = run.payerShares;
    this.market = plan.parameters as unknown as MarketParameters;
    this.difficulty = this.market.placementDifficulty === null ? null : createDistribution(this.market.placementDifficulty);
    this.resource = new OverflowResource(run.sim, { name: run.name, capacity: plan.initial });
    this.resource.matched = this.market.blockAllocation === 'matched';
    if (plan.changes.length > 0) this.resource.scheduleCapacity(plan.changes);
    this.resource.overflowReleased = (p) => this.spotReleased(p);
    this.onSearchEnd = run.sim.defineEvent((p) => this.searchEnded(p), `${run.name}: spot search ended`);
    this.onBlockGranted = run.sim.defineEvent((p) => this.granted(p), `${run.name}: place granted`);
    this.ledger = run.spotLedger;
  }

  ask(p: number, held: Resource | null, onGranted: EventKind): boolean {
    this.onGranted = onGranted;
    const r = this.resource;
    if (held === null ? r.request(p, this.onBlockGranted) : r.requestWhileHolding(p, held, this.onBlockGranted)) return true;
    this.grow(p);
    this.searches[p] = 0;
    this.funder[p] = -1;
    this.meanFactor[p] = NaN;
    return this.seekSpot(p, true);
  }

  withdraw(p: number): boolean {
    if (!this.resource.withdraw(p)) return false;
    if (this.searchHandle[p] >= 0) {
      this.sim.cancel(this.searchHandle[p]);
      this.searchHandle[p] = -1;
    }
    this.state[p] = IDLE;
    this.funder[p] = -1;
    return true;
  }

  midnight(now: number): void {
    if (this.ledger.midnight(now)) {
      const waiting = this.awaitingBudget;
      this.awaitingBudget = [];
      for (let i = 0; i < waiting.length; i += 2) if (this.isCurrent(waiting[i], waiting[i + 1], AWAITING_BUDGET)) this.seekSpot(waiting[i], false);
    }
    this.exhausted.update(now, this.ledger.anySpent(now) ? 1 : 0);
  }

  startWindow(now: number): void {
    for (const t of this.windowSpot) t.reset(now);
    this.exhausted.reset(now);
    this.purchases = 0;
    this.spotWaits.reset();
  }

  addMetrics(m: Record<string, number>, now: number, name: string): void {
    m[`spotPlacesInUse.${name}`] = this.resource.overflowOccupancy.mean(now);
    m[`spotPurchases.${name}`] = this.purchases;
    m[`meanSourcingWaitDays.${name}`] = this.spotWaits.count > 0 ? this.spotWaits.mean() : 0;
    let spend = 0;
    PAYERS.forEach((payer, k) => {
      const cost = this.windowSpot[k].integral(now) * this.market.spotCostPerDay;
      spend += cost;
      m[`spotSpendByPayer.${payer}`] = (m[`spotSpendByPayer.${payer}`] ?? 0) + cost;
    });
    m[`spotSpend.${name}`] = spend;
    m[`spotBudgetExhaustedDays.${name}`] = this.exhausted.integral(now);
  }

  addCosts(byPayer: Float64Array, now: number): void {
    for (let k = 0; k < PAYERS.length; k++) byPayer[k] += this.windowSpot[k].integral(now) * this.market.spotCostPerDay;
  }

  /**
   * The person waits for a place: searches for a spot place if the market has one and their
   * funder can pay, else waits for one to free or for next year's budget. `immediate`: inside
   * ask(), where a spot place found at once is an immediate grant (true, no handler run).
   */
  private seekSpot(p: number, immediate: boolean): boolean {
    const market = this.market;
    const budgetSpent = !this.canBuy(p);
    if (budgetSpent || this.resource.overflowInUse >= market.marketSize) {
      if (this.resource.matched) this.search(p, market.sourcingDays * this.difficultyOf(p) * this.standardExponential(p));
      else this.wait(p, budgetSpent ? AWAITING_BUDGET : AWAITING_SPOT);
      return false;
    }
    const tightness = market.marketSize === Infinity ? 0 : this.resource.overflowInUse / market.marketSize;
    const search = ((market.sourcingDays * this.difficultyOf(p)) / Math.pow(1 - tightness, market.tightnessExponent)) * this.standardExponential(p);
    if (search === 0) return this.buySpot(p, immediate);
    this.search(p, search);
    return false;
  }

  private search(p: number, days: number): void {
    this.state[p] = SEARCHING;
    this.searchHandle[p] = this.sim.schedule(days, this.onSearchEnd, p);
  }

  private searchEnded(p: number): void {
    this.searchHandle[p] = -1;
    if (!this.resource.isWaiting(p)) return; // withdrawn meanwhile (its search was cancelled) or granted
    if (this.resource.matched && this.resource.ownPlacesFree() > 0) {
      this.state[p] = IDLE;
      this.resource.grantOwn(p); // runs granted() through the line's handler
      return;
    }
    if (this.canBuy(p) && this.resource.overflowInUse < this.market.marketSize) this.buySpot(p, false);
    else this.seekSpot(p, false);
  }

  /** Gives the person a spot place; with `immediate`, without running the grant handler. */
  private buySpot(p: number, immediate: boolean): boolean {
    const k = this.funderOf(p);
    const now = this.sim.now;
    this.ledger.paying(k, this.market.spotCostPerDay, now);
    this.windowSpot[k].add(now, 1);
    this.purchases++;
    this.state[p] = IDLE;
    // The funder stays recorded while the place is held, for its release.
    this.spotWaits.add(this.resource.grantOverflow(p, !immediate));
    return immediate;
  }

  /** A block place, or a spot place, was granted: any search ends; the setting's handler runs. */
  private granted(p: number): void {
    if (this.searchHandle[p] >= 0) {
      this.sim.cancel(this.searchHandle[p]);
      this.searchHandle[p] = -1;
    }
    if (!this.resource.holdsOverflow(p)) {
      this.state[p] = IDLE;
      this.funder[p] = -1;
    }
    this.sim.invoke(this.onGranted, p);
  }

  private spotReleased(p: number): void {
    const k = this.funder[p];
    const now = this.sim.now;
    this.ledger.paying(k, -this.market.spotCostPerDay, now);
    this.windowSpot[k].add(now, -1);
    this.funder[p] = -1;
    // The freed place goes to the search of the longest waiting person the full market held up.
    const queue = this.awaitingSpot;
    while (this.awaitingSpotHead < queue.length) {
      const q = queue[this.awaitingSpotHead];
      const t = queue[this.awaitingSpotHead + 1];
      this.awaitingSpotHead += 2;
      if (this.isCurrent(q, t, AWAITING_SPOT)) {
        this.seekSpot(q, false);
        break;
      }
    }
    if (this.awaitingSpotHead > 1024 && this.awaitingSpotHead * 2 > queue.length) {
      queue.splice(0, this.awaitingSpotHead);
      this.awaitingSpotHead = 0;
    }
  }

  private wait(p: number, state: number): void {
    this.state[p] = state;
    const t = ++this.ticket[p];
    (state === AWAITING_SPOT ? this.awaitingSpot : this.awaitingBudget).push(p, t);
  }

  /** Whether a listed (slot, ticket) is still that person, waiting in this state. */
  private isCurrent(p: number, ticket: number, state: number): boolean {
    return this.state[p] === state && this.ticket[p] === ticket && this.resource.isWaiting(p);
  }

  private canBuy(p: number): boolean {
    return !this.ledger.limited || !this.ledger.spent(this.funderOf(p), this.sim.now);
  }

  /** The person's funder for this episode, drawn once from the setting's payer shares. */
  private funderOf(p: number): number {
    if (this.funder[p] >= 0) return this.funder[p];
    const patients = this.patients;
    this.person.open(patients.identity[p], SALT_FUNDER + EPISODE_SALT * patients.episode[p]);
    const u = this.person.uniform();
    let k = 0;
    let cumulative = this.payerShares[0];
    while (k < PAYERS.length - 1 && u >= cumulative) cumulative += this.payerShares[++k];
    this.funder[p] = k;
    return k;
  }

  /** The multiplier of the person's search means this episode (1 when everyone is alike). */
  private difficultyOf(p: number): number {
    if (this.difficulty === null) return 1;
    if (!Number.isNaN(this.meanFactor[p])) return this.meanFactor[p];
    const patients = this.patients;
    this.person.open(patients.identity[p], SALT_DIFFICULTY + EPISODE_SALT * patients.episode[p]);
    this.meanFactor[p] = this.difficulty.sample(this.person);
    return this.meanFactor[p];
  }

  /** The person's next standard exponential search draw (a new one for each search of the wait). */
  private standardExponential(p: number): number {
    const patients = this.patients;
    const person = this.person;
    person.open(patients.identity[p], SALT_SOURCING + EPISODE_SALT * patients.episode[p]);
    for (let i = 0; i < this.searches[p]; i++) person.uniform();
    this.searches[p]++;
    return -Math.log(person.uniform());
  }

  private grow(p: number): void {
    if (p < this.state.length) return;
    const n = Math.max(p + 1, this.state.length * 2);
    this.searchHandle = grown(this.searchHandle, new Float64Array(n).fill(-1));
    this.meanFactor = grown(this.meanFactor, new Float64Array(n).fill(NaN));
    this.funder = grown(this.funder, new Int8Array(n).fill(-1));
    this.searches = grown(this.searches, new Uint16Array(n));
    this.state = grown(this.state, new Uint8Array(n));
    this.ticket = grown(this.ticket, new Uint32Array(n));
  }
}

/** `bigger` holding `old`'s values first. */
function grown<T extends Float64Array | Int8Array | Uint8Array | Uint16Array | Uint32Array>(old: T, bigger: T): T {
  bigger.set(old as ArrayLike<number>);
  return bigger;
}

/** The market's plan from its parsed form. */
function planMarket(form: TypedCapacityForm, calendar: Calendar): Omit<CapacityPlan, 'behaviour'> {
  const market = form as unknown as MarketForm;
  const { initial, changes } = planPlaces(market.block as BuiltInCapacityForm, calendar);
  const parameters: MarketParameters = {
    marketSize: market.marketSize ?? Infinity,
    sourcingDays: market.sourcingDays,
    tightnessExponent: market.tightnessExponent,
    spotCostPerDay: market.spotCostPerDay,
    placementDifficulty: market.placementDifficulty,
    blockAllocation: market.blockAllocation,
  };
  return { initial, changes, parameters: parameters as unknown as Record<string, unknown> };
}

registerCapacityBehaviour({
  name: 'market',
  schema: marketSchema as unknown as z.ZodType<TypedCapacityForm>,
  plan: planMarket,
  create: (plan, run) => new MarketCapacity(plan, run),
  checkSetting: (setting) => {
    const problems: { field: string; message: string }[] = [];
    if (setting.kind === 'acute') problems.push({ field: 'capacity', message: 'a provider market is for settings outside the hospital; the acute setting has its own beds' });
    if (setting.visitsPerDay !== undefined) problems.push({ field: 'visitsPerDay', message: 'a provider market counts places, not visits per day; drop one of them' });
    if (setting.costBasis !== 'capacity') {
      problems.push({
        field: 'costBasis',
        message: "a market's block places are paid per place-day, used or not (spot places per occupied day at spotCostPerDay): write costBasis: capacity",
      });
    }
    return problems;
  },
});
