/**
 * Connections to the queue's Redis server: a quick check that it answers (so that an
 * unreachable server is a one-line error within seconds, not a silent wait), and the options
 * of BullMQ's long-lived connections.
 *
 * @module
 */
import { Redis, type RedisOptions } from 'ioredis';
import type { QueueTarget } from './queue-url.js';

/** The BullMQ queue every coordinator and worker of a Redis database shares. */
export const QUEUE_NAME = 'careflow';

/** How long the reachability check waits for a connection and for each answer. */
const CHECK_TIMEOUT_MS = 3000;

/**
 * Connects, authenticates and pings once, without retrying; throws an Error naming the URL and
 * the reason (refused, timed out, wrong password, ...) if that fails.
 */
export async function checkReachable(target: QueueTarget, timeoutMs = CHECK_TIMEOUT_MS): Promise<void> {
  const client = new Redis({
    ...target.connection,
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    // Closing a socket that never opened otherwise keeps the process alive 2 s for nothing.
    disconnectTimeout: 0,
  });
  let lastError: Error | undefined;
  client.on('error', (err: Error) => (lastError = err)); // reported below, not as ioredis' "Unhandled error event"
  try {
    await client.connect();
    await client.ping();
  } catch (err) {
    const reason = lastError?.message ?? (err as Error).message;
    throw new Error(`cannot reach Redis at ${target.display} (--queue): ${reason}`);
  } finally {
    client.disconnect();
  }
}

/**
 * Options of BullMQ's connections. Workers block waiting for jobs, and BullMQ needs
 * maxRetriesPerRequest null on them so that a command waits out a reconnection instead of
 * failing; once the server has answered the check, a later outage is waited out the same way.
 */
export function bullConnection(target: QueueTarget): RedisOptions {
  return { ...target.connection, maxRetriesPerRequest: null };
}
