import { describe, expect, it } from 'vitest';
import { parsePeerOutput, peerUnavailable } from '../../src/bench/simpy-peer.js';

describe('the SimPy peer beside the benchmark', () => {
  it("reads the peer's speed (with thousands separators) and the wrapper's peak memory", () => {
    const text = [
      'engine=simpy-3.0.11 python=3.11.2 model=patient-flow',
      'rep=0 seed=1 wall_s=20.258 events=5146683 events_per_s=254,054 admitted=693628 patients_per_s=34,239',
      'total wall_s=20.258 events=5146683 events_per_s=254,054',
      'peak_kib=14746',
    ].join('\n');
    expect(parsePeerOutput(text)).toEqual({ patientsPerSecond: 34239, peakMemoryMB: 14746 / 1024 });
  });

  it('says what is missing instead of guessing a number', () => {
    expect(() => parsePeerOutput('Traceback (most recent call last): ...')).toThrow(
      'unexpected output from the SimPy peer (no patients_per_s or peak_kib); its last line: Traceback (most recent call last): ...',
    );
    expect(peerUnavailable('/usr/bin/python3', '/nonexistent/patient_flow.py')).toMatch(/not at \/nonexistent\/patient_flow.py/);
    expect(peerUnavailable('/nonexistent/python3', import.meta.filename)).toMatch(/\/nonexistent\/python3 is missing/);
  });
});
