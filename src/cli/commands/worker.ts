/**
 * `careflow worker --queue <url>`: take replication jobs from the queue until stopped.
 *
 * @module
 */
import type { Argv } from 'yargs';
import { checkReachable } from '../../experiment/distributed/connection.js';
import { PASSWORD_VARIABLE, withPassword } from '../../experiment/distributed/queue-password.js';
import { parseQueueUrl, type QueueTarget } from '../../experiment/distributed/queue-url.js';
import type { RunningQueueWorker } from '../../experiment/distributed/queue-worker.js';
import { defaultWorkers } from '../../experiment/runner.js';
import { EXIT_OK, EXIT_RUN_FAILURE, UsageError } from '../errors.js';

/** BullMQ's own default lock duration and stalled-check interval, ms. */
const DEFAULT_LOCK_DURATION_MS = 30_000;

/** How often a stopping worker checks that Redis still answers, and how long it waits for it, ms. */
const REDIS_WATCH_MS = 1000;

/** Exit code after a second signal: 128 + the signal's number, as shells report it. */
const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

/** Options of `worker` after parsing. */
interface WorkerArgs {
  queue: string;
  queuePasswordFile?: string;
  concurrency?: number;
  name?: string;
  lockDuration: number;
}

/** Registers `worker`. */
export function registerWorker(y: Argv): Argv {
  return y.command(
    'worker',
    'take replication jobs from a queue (started by run or sweep with --queue) until stopped',
    (c) =>
      c
        .option('queue', { type: 'string', demandOption: true, describe: 'the Redis of the queue, redis://[[user]:password@]host[:port][/db] (rediss:// for TLS)' })
        .option('queue-password-file', { type: 'string', describe: `file whose first line is the Redis password, kept out of ps (or set ${PASSWORD_VARIABLE})` })
        .option('concurrency', { alias: 'c', type: 'number', describe: `jobs run at once, each on its own thread (default: cores, here ${defaultWorkers()})` })
        .option('name', { type: 'string', describe: 'name recorded on the jobs this worker runs (default <host>-<pid>)' })
        .option('lock-duration', {
          type: 'number',
          default: DEFAULT_LOCK_DURATION_MS,
          describe: "ms a job stays locked to a silent worker; a killed worker's jobs run elsewhere after 1 to 3 times this",
        })
        .example('$0 worker --queue redis://queue-host:6379', 'one job per core until stopped')
        .example('$0 worker --queue rediss://:secret@queue-host:6380/2 -c 8', 'TLS, password, database 2, 8 jobs at once'),
    async (argv) => {
      process.exitCode = await runWorker(argv as unknown as WorkerArgs);
    },
  );
}

async function runWorker(args: WorkerArgs): Promise<number> {
  const target = withPassword(parseQueueUrl(args.queue), { file: args.queuePasswordFile, env: process.env });
  const concurrency = args.concurrency ?? defaultWorkers();
  if (!(Number.isInteger(concurrency) && concurrency >= 1)) throw new UsageError(`--concurrency: expected a whole number >= 1, got ${args.concurrency}`);
  if (!(Number.isInteger(args.lockDuration) && args.lockDuration >= 100)) throw new UsageError(`--lock-duration: expected a whole number of ms >= 100, got ${args.lockDuration}`);
  const say = (message: string): void => void process.stderr.write(`careflow worker: ${message}\n`);
  // A signal while starting (Redis slow to answer, say) stops at once: there is nothing to finish.
  const early = (signal: NodeJS.Signals): never => process.exit(SIGNAL_EXIT[signal] ?? EXIT_RUN_FAILURE);
  process.on('SIGINT', early);
  process.on('SIGTERM', early);
  // Loaded here, so that the other commands do not pay for loading BullMQ.
  const { startQueueWorker } = await import('../../experiment/distributed/queue-worker.js');
  const worker = await startQueueWorker({ target, concurrency, name: args.name, lockDurationMs: args.lockDuration, onNotice: say });
  const done = stopped(worker, target, say); // its handlers are in place before the early ones go
  process.off('SIGINT', early);
  process.off('SIGTERM', early);
  say(`${worker.name} (code ${worker.codeHash}) taking jobs from ${target.display}, ${concurrency} at a time; SIGTERM or Ctrl-C stops it`);
  const code = await done;
  const refused = worker.counts.refused > 0 ? `, ${worker.counts.refused} refused (other code)` : '';
  say(`${worker.name} stopped: ${worker.counts.completed} jobs done, ${worker.counts.failed} failed${refused}`);
  return code;
}

/**
 * Resolves with the exit code once the worker has stopped. The first SIGTERM or SIGINT lets the
 * jobs under way finish, but a close waits for Redis, and with Redis gone it would wait for
 * ever (the worker ignored every later signal): so while stopping, Redis is checked every
 * second, and if it does not answer the worker exits at once. A second signal exits at once too.
 * Either way the jobs under way go back on the queue when their locks expire (BullMQ's
 * stalled-job check, run by the other workers).
 */
function stopped(worker: RunningQueueWorker, target: QueueTarget, say: (message: string) => void): Promise<number> {
  return new Promise((resolve) => {
    let signals = 0;
    let closed = false;
    const abandon = (code: number, why: string): void => {
      say(`${why}; the jobs under way go back on the queue when their locks expire`);
      say(`${worker.name} stopped: ${worker.counts.completed} jobs done, ${worker.counts.failed} failed`);
      process.exit(code); // BullMQ's reconnection timers would otherwise keep the process alive
    };
    const watchRedis = async (): Promise<void> => {
      while (!closed) {
        try {
          await checkReachable(target, REDIS_WATCH_MS);
        } catch {
          if (!closed) abandon(EXIT_RUN_FAILURE, `Redis at ${target.display} does not answer: stopping now`);
          return;
        }
        await new Promise((wake) => setTimeout(wake, REDIS_WATCH_MS).unref());
      }
    };
    const onSignal = (signal: NodeJS.Signals): void => {
      signals++;
      if (signals > 1) abandon(SIGNAL_EXIT[signal] ?? EXIT_RUN_FAILURE, `${signal} again: stopping now`);
      say('stopping after the jobs under way (again to abandon them)');
      void watchRedis();
      void worker.stop().then(
        () => {
          closed = true;
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
          resolve(EXIT_OK);
        },
        (err: Error) => abandon(EXIT_RUN_FAILURE, `cannot close cleanly: ${err.message}`),
      );
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
