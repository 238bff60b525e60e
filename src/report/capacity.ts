/**
 * A setting's capacity on a given day of the run, from the model as run: a whole number, or an
 * initial value with changes by day number or by date.
 *
 * @module
 */

interface CapacitySchedule {
  initial: number;
  changes: { day?: number; date?: string; capacity: number }[];
}

/** The capacity in force on day `day` (changes apply from their day on); null if unknown. */
export function capacityOn(capacity: unknown, day: number, startDate: string | undefined): number | null {
  if (typeof capacity === 'number') return capacity;
  const schedule = capacity as CapacitySchedule | undefined;
  if (typeof schedule?.initial !== 'number' || !Array.isArray(schedule.changes)) return null;
  const start = startDate ? Date.parse(`${startDate}T00:00:00Z`) : NaN;
  const steps = schedule.changes
    .map((c) => ({ day: c.day ?? (c.date ? (Date.parse(`${c.date}T00:00:00Z`) - start) / 86_400_000 : NaN), capacity: c.capacity }))
    .filter((c) => Number.isFinite(c.day))
    .sort((a, b) => a.day - b.day);
  let value = schedule.initial;
  for (const step of steps) if (step.day <= day) value = step.capacity;
  return value;
}
