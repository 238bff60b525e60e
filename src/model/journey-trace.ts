/**
 * The journey trace: one CSV row per move of every person, streamed to a file while the run
 * goes, so that a run can be audited person by person without keeping any history in memory.
 *
 * Columns: time (days), day, person (identity), episode, event, setting, detail.
 *
 * @module
 */
import { closeSync, openSync, writeSync } from 'node:fs';

/** The events a trace records. */
export type TraceEvent =
  'arrived' | 'referred' | 'admitted' | 'diverted' | 'medicallyOptimised' | 'diedInHospital' | 'leftAcute' | 'placed' | 'blocked' | 'left' | 'readmitted' | 'changedWhileWaiting';

/** Where trace rows go. */
export interface TraceSink {
  /** Records one move. `setting` and `detail` may be empty. */
  record(time: number, person: number, episode: number, event: TraceEvent, setting: string, detail: string): void;
  /** Flushes and closes the sink. */
  close(): void;
}

/** The trace's header line. */
export const TRACE_HEADER = 'time,day,person,episode,event,setting,detail\n';

const FLUSH_AT = 1 << 16; // characters buffered before a write

/** A trace written to a CSV file, buffered in 64 KB chunks. */
export class CsvTraceFile implements TraceSink {
  private readonly fd: number;
  private buffer = TRACE_HEADER;

  /** Creates (or truncates) the file. */
  constructor(file: string) {
    this.fd = openSync(file, 'w');
  }

  record(time: number, person: number, episode: number, event: TraceEvent, setting: string, detail: string): void {
    this.buffer += `${Math.round(time * 1e6) / 1e6},${Math.floor(time)},${person},${episode},${event},${setting},${detail}\n`;
    if (this.buffer.length >= FLUSH_AT) this.flush();
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.buffer.length > 0) writeSync(this.fd, this.buffer);
    this.buffer = '';
  }
}
