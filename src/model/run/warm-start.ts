/**
 * The warm start: settings filled at time 0 from the model's snapshot (today's situation
 * report), with people in acute beds part way through their clinical stay and people already
 * fit and waiting in acute beds for a place downstream.
 *
 * @module
 */
import { REASON_AWAITING_OFFSET } from '../delay-reasons.js';
import type { AcuteCare } from './acute-care.js';
import type { Arrivals } from './arrivals.js';
import type { Downstream } from './downstream.js';
import type { RunState } from './run-state.js';
import { IDENTITY_STRIDE } from './stream-salts.js';

/** Fills the settings from the compiled warm start (nothing without one). */
export function fillWarmStart(run: RunState, arrivals: Arrivals, acute: AcuteCare, downstream: Downstream): void {
  const snapshot = run.model.warmStart;
  if (snapshot === null) return;
  const model = run.model;
  const patients = run.patients;
  let identity = -IDENTITY_STRIDE; // negative identities: people already in the system at time 0
  for (const s of model.settings) {
    for (let i = 0; i < snapshot.occupied[s.index]; i++) {
      const p = patients.admit(identity, 0, 0);
      identity -= IDENTITY_STRIDE;
      arrivals.sampleAdmission(p, -1);
      // A random point in a stay: the time left is the planned stay times a uniform draw.
      const residual = run.person.uniform();
      if (s.index === model.acute) {
        patients.setting[p] = s.index;
        takeWarmStartBed(run, p, s.name, acute);
        const left = patients.plannedStay[p] * residual;
        const review = model.reviewWindow;
        run.sim.schedule(review === null ? left : model.calendar.nextOpen(left, review), acute.onFit, p);
      } else {
        patients.setting[p] = -1;
        // Through the setting's capacity, as anyone placed later: a market searches for spot
        // places beyond its block, and a visits-per-day client asks for its initial visits, so
        // that a snapshot larger than the capacity waits instead of overfilling it.
        const granted = run.capacities[s.index].ask(p, null, downstream.onPlaced[s.index]);
        if (granted) downstream.placed(p, s.index);
      }
    }
  }
  // People already fit and waiting in acute beds for a place downstream.
  for (const s of model.settings) {
    if (s.index === model.acute) continue;
    for (let i = 0; i < snapshot.waiting[s.index]; i++) {
      const p = patients.admit(identity, 0, 0);
      identity -= IDENTITY_STRIDE;
      arrivals.sampleAdmission(p, -1);
      patients.setting[p] = model.acute;
      takeWarmStartBed(run, p, s.name, acute);
      patients.fitAt[p] = 0;
      run.setDelay(p, REASON_AWAITING_OFFSET + s.index);
      downstream.requestPlaceWhileHolding(p, s.index);
    }
  }
  // Filling the snapshot is not part of the run: without a warm-up, count from after it (or the
  // snapshot's occupants would count as placements and discharges made at time 0).
  if (run.window.warmupDays <= 0) run.observations.startWindow(0);
}

function takeWarmStartBed(run: RunState, p: number, from: string, acute: AcuteCare): void {
  const beds = run.resources[run.model.acute];
  if (!beds.request(p, acute.onAdmitted)) {
    throw new RangeError(`warmStart: acute beds occupied plus patients waiting in them (counting ${from}) exceed the ${beds.capacity} acute beds`);
  }
}
