/**
 * `careflow worker --queue <url>`: take replication jobs from the queue until stopped.
 *
 * @module
 */
import type { Argv } from 'yargs';
import { parseQueueUrl } from '../../experiment/distributed/queue-url.js';
import type { RunningQueueWorker } from '../../experiment/distributed/queue-worker.js';
import { defaultWorkers } from '../../experiment/runner.js';
import { EXIT_OK, UsageError } from '../errors.js';

/** Options of `worker` after parsing. */
/** BullMQ's own default lock duration and stalled-check interval, ms. */
const DEFAULT_LOCK_DURATION_MS = 30_000;

interface WorkerArgs {
  queue: string;
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
  const target = parseQueueUrl(args.queue);
  const concurrency = args.concurrency ?? defaultWorkers();
  if (!(Number.isInteger(concurrency) && concurrency >= 1)) throw new UsageError(`--concurrency: expected a whole number >= 1, got ${args.concurrency}`);
  if (!(Number.isInteger(args.lockDuration) && args.lockDuration >= 100)) throw new UsageError(`--lock-duration: expected a whole number of ms >= 100, got ${args.lockDuration}`);
  const say = (message: string): void => void process.stderr.write(`careflow worker: ${message}\n`);
  // Loaded here, so that the other commands do not pay for loading BullMQ.
  const { startQueueWorker } = await import('../../experiment/distributed/queue-worker.js');
  const worker = await startQueueWorker({ target, concurrency, name: args.name, lockDurationMs: args.lockDuration, onNotice: say });
  say(`${worker.name} (code ${worker.codeHash}) taking jobs from ${target.display}, ${concurrency} at a time; SIGTERM or Ctrl-C stops it`);
  await stopped(worker, say);
  const refused = worker.counts.refused > 0 ? `, ${worker.counts.refused} refused (other code)` : '';
  say(`${worker.name} stopped: ${worker.counts.completed} jobs done, ${worker.counts.failed} failed${refused}`);
  return EXIT_OK;
}

/**
 * Resolves once the worker has stopped: the first SIGTERM or SIGINT lets the jobs under way
 * finish, a second abandons them (they go back on the queue when their locks expire).
 */
function stopped(worker: RunningQueueWorker, say: (message: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let signals = 0;
    const onSignal = (): void => {
      signals++;
      if (signals === 1) say('stopping after the jobs under way (again to abandon them)');
      worker.stop(signals > 1).then(() => {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        resolve();
      }, reject);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
