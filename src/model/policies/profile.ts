/**
 * Piecewise-linear functions of simulation time: how strongly a policy acts on each day. A
 * policy that starts on day 90 and phases in over 180 days is the profile
 * (90, neutral) -> (270, full effect); a structural merger's dip then gain has four points.
 *
 * @module
 */

/** Values at times (days), linear in between, held flat before the first and after the last. */
export interface Profile {
  /** Times in days, non-decreasing; two equal times make a step. */
  readonly times: readonly number[];
  /** Values at those times. */
  readonly values: readonly number[];
}

/** A profile that is `value` at all times. */
export function constantProfile(value: number): Profile {
  return { times: [0], values: [value] };
}

/** `neutral` until `start`, then a straight line to `active` over `rampDays` (a step when 0). */
export function rampProfile(start: number, rampDays: number, neutral: number, active: number): Profile {
  return { times: [start, start + rampDays], values: [neutral, active] };
}

/** The profile's value at time t. At a step (two equal times) the later value holds from then on. */
export function valueAt(profile: Profile, t: number): number {
  const { times, values } = profile;
  if (t < times[0]) return values[0];
  const last = times.length - 1;
  if (t >= times[last]) return values[last];
  let i = 0;
  while (t >= times[i + 1]) i++;
  const span = times[i + 1] - times[i];
  return span > 0 ? values[i] + ((values[i + 1] - values[i]) * (t - times[i])) / span : values[i + 1];
}

/** The largest value the profile takes. */
export function maxValue(profile: Profile): number {
  return Math.max(...profile.values);
}

/** Whether the profile is `value` everywhere (so the policy does nothing through it). */
export function isConstantAt(profile: Profile, value: number): boolean {
  return profile.values.every((v) => v === value);
}

/** The integral of the profile over [a, b] (exact: trapezoids between its points). */
export function integral(profile: Profile, a: number, b: number): number {
  if (!(b > a)) return 0;
  const points = [a, ...profile.times.filter((t) => t > a && t < b), b];
  let total = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i];
    const to = points[i + 1];
    // Evaluate just inside each piece so that a step at an end point is not averaged in.
    const width = to - from;
    const inside = (x: number): number => valueAt(profile, Math.min(to - width * 1e-12, Math.max(from + width * 1e-12, x)));
    total += ((inside(from) + inside(to)) / 2) * width;
  }
  return total;
}

/** The product of several profiles at time t (1 when there are none). */
export function productAt(profiles: readonly Profile[] | null, t: number): number {
  if (profiles === null) return 1;
  let f = 1;
  for (const p of profiles) f *= valueAt(p, t);
  return f;
}
