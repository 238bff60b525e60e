/**
 * Progress of a long run: a bar with replications done and time left on a terminal, plain
 * lines (every tenth of the work) when the output is a file or a pipe, nothing with --quiet.
 *
 * @module
 */
import cliProgress from 'cli-progress';

/** Receives progress updates. */
export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

/** A progress display suited to where stderr goes. */
export function createProgress(label: string, quiet: boolean): Progress {
  if (quiet) return { update: () => undefined, stop: () => undefined };
  if (process.stderr.isTTY) return barProgress(label);
  return lineProgress(label);
}

function barProgress(label: string): Progress {
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {value}/{total} replications | {percentage}% | time left {eta_formatted}`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, done);
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(done);
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

function lineProgress(label: string): Progress {
  const start = Date.now();
  let lastTenth = -1;
  return {
    update(done, total) {
      const tenth = Math.floor((10 * done) / Math.max(1, total));
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      const elapsed = (Date.now() - start) / 1000;
      const left = done > 0 ? (elapsed * (total - done)) / done : NaN;
      const eta = Number.isFinite(left) ? `, about ${Math.ceil(left)} s left` : '';
      process.stderr.write(`${label}: ${done}/${total} replications${eta}\n`);
    },
    stop: () => undefined,
  };
}
