/**
 * A real Redis for the queue tests: the server named by CAREFLOW_TEST_REDIS_URL (as .ci/run
 * starts it), or else a redis-server of our own on a free port, stopped after the test file.
 * Each test file takes its own database number, so files running in parallel do not share
 * a queue. Without redis-server the tests fail with a message saying what to install, unless
 * CAREFLOW_SKIP_REDIS=1.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';

/** True when the Redis tests are to be skipped (CAREFLOW_SKIP_REDIS=1). */
export const SKIP_REDIS = process.env.CAREFLOW_SKIP_REDIS === '1';

/** A Redis database for one test file. */
export interface TestRedis {
  /** redis://127.0.0.1:<port>/<db>; throws why the server could not be started, if it could not. */
  readonly url: string;
  /** Empties the database (between tests). */
  flush(): Promise<void>;
}

/**
 * Registers beforeAll/afterAll hooks that provide database `db` of a test Redis; read the
 * returned object's fields inside tests, not at collection time.
 */
export function useTestRedis(db: number): TestRedis {
  let server: ChildProcess | null = null;
  let url = '';
  // A server that cannot start fails every test with the reason (a failing beforeAll would only
  // mark them skipped in the "N passed, N failed" line).
  let startError: Error | null = null;
  const redis: TestRedis = {
    get url() {
      if (startError) throw startError;
      return url;
    },
    flush: async () => {
      if (startError) return;
      const client = new Redis(url, { maxRetriesPerRequest: 1 });
      try {
        await client.flushdb();
      } finally {
        client.disconnect();
      }
    },
  };
  beforeAll(async () => {
    try {
      const shared = process.env.CAREFLOW_TEST_REDIS_URL;
      if (shared) {
        url = `${shared.replace(/\/\d*$/, '')}/${db}`;
      } else {
        const port = await freePort();
        server = await startRedisServer(port);
        url = `redis://127.0.0.1:${port}/${db}`;
      }
      await redis.flush();
    } catch (err) {
      startError = err as Error;
    }
  });
  afterAll(() => {
    server?.kill('SIGKILL');
  });
  return redis;
}

/** A TCP port nobody listens on just now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts `redis-server` without persistence on 127.0.0.1:port (with any `extra` arguments, such
 * as `--requirepass`) and waits until it accepts connections.
 */
export async function startRedisServer(port: number, extra: string[] = []): Promise<ChildProcess> {
  if (spawnSync('redis-server', ['--version']).error) {
    throw new Error('redis-server is not installed; the queue tests need it (Debian: apt-get install redis-server), or set CAREFLOW_SKIP_REDIS=1 to skip them');
  }
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', ...extra], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start on port ${port} within 10 s:\n${log}`)), 10_000);
    server.stdout?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    server.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with code ${code}:\n${log}`));
    });
  });
  server.stdout?.resume(); // keep draining its log so it never blocks on a full pipe
  return server;
}
