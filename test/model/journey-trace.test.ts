/**
 * The journey trace records every move: its rows agree with the run's own counts, come in time
 * order, and follow each person through a consistent sequence.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvTraceFile, TRACE_HEADER, type TraceEvent, type TraceSink } from '../../src/model/journey-trace.js';
import { runReplication } from '../../src/model/run-replication.js';
import { baseModel, metric } from './support.js';

interface Row {
  time: number;
  person: number;
  episode: number;
  event: TraceEvent;
  setting: string;
  detail: string;
}

class MemorySink implements TraceSink {
  rows: Row[] = [];
  closed = false;
  record(time: number, person: number, episode: number, event: TraceEvent, setting: string, detail: string): void {
    this.rows.push({ time, person, episode, event, setting, detail });
  }
  close(): void {
    this.closed = true;
  }
}

// Some congestion so that blocking and waits appear in the trace.
const config = baseModel({
  settings: {
    careHome: { capacity: 30 },
    stepDown: {
      capacity: 40,
      next: [
        { to: 'careHome', probability: 0.5 },
        { to: 'home', probability: 0.5 },
      ],
    },
  },
});
const window = { horizonDays: 120, warmupDays: 0, seed: 5 };

describe('journey trace', () => {
  it('agrees with the metrics, is in time order and is closed at the end', () => {
    const sink = new MemorySink();
    const r = runReplication(config, window, sink);
    const count = (e: TraceEvent): number => sink.rows.filter((x) => x.event === e).length;
    expect(sink.closed).toBe(true);
    expect(count('admitted')).toBe(metric(r, 'admissions'));
    expect(count('medicallyOptimised')).toBe(metric(r, 'medicallyOptimised'));
    expect(count('placed')).toBe(metric(r, 'placements.careHome') + metric(r, 'placements.stepDown') + metric(r, 'placements.reablement'));
    expect(count('blocked')).toBeGreaterThan(0);
    for (let i = 1; i < sink.rows.length; i++) expect(sink.rows[i].time).toBeGreaterThanOrEqual(sink.rows[i - 1].time);
  });

  it('follows each person: arrived, admitted, medically optimised, then out of acute care', () => {
    const sink = new MemorySink();
    runReplication(config, window, sink);
    const byPerson = new Map<number, TraceEvent[]>();
    for (const row of sink.rows) byPerson.set(row.person, [...(byPerson.get(row.person) ?? []), row.event]);
    let complete = 0;
    for (const events of byPerson.values()) {
      expect(events[0]).toBe('arrived');
      const fit = events.indexOf('medicallyOptimised');
      if (fit < 0) continue;
      expect(events.indexOf('admitted')).toBeLessThan(fit);
      const out = events.indexOf('leftAcute');
      if (out >= 0) {
        expect(out).toBeGreaterThan(fit);
        complete++;
      }
    }
    expect(complete).toBeGreaterThan(1000);
  });

  it('streams to a CSV file with a header', () => {
    const dir = mkdtempSync(join(tmpdir(), 'careflow-trace-'));
    try {
      const file = join(dir, 'trace.csv');
      const r = runReplication(config, window, new CsvTraceFile(file));
      const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
      expect(lines[0] + '\n').toBe(TRACE_HEADER);
      expect(lines.filter((l) => l.split(',')[4] === 'admitted')).toHaveLength(metric(r, 'admissions'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
