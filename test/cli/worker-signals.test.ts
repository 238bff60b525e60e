/**
 * `careflow worker` stops when asked (issue 18, finding 6): on the first SIGTERM even when its
 * Redis has gone (it ignored every signal for ever), and the password can come from
 * CAREFLOW_REDIS_PASSWORD or --queue-password-file instead of the URL that `ps` shows.
 * Each test runs its own redis-server, so that it can stop it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, SKIP_REDIS, startRedisServer } from '../experiment/distributed/redis-server.js';
import { ENV, MAIN, ROOT, tempDir } from './helpers.js';

const root = tempDir('worker-signals');
const PASSWORD = 'not-in-ps-7f3a';

describe.skipIf(SKIP_REDIS)('careflow worker and its signals', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  async function redisOnFreePort(extra: string[] = []): Promise<{ server: ChildProcess; url: string }> {
    const port = await freePort();
    const server = await startRedisServer(port, extra);
    children.push(server);
    return { server, url: `redis://127.0.0.1:${port}` };
  }

  /** Starts a worker; resolves with it and its log once the log contains `until`. */
  function worker(args: string[], env: NodeJS.ProcessEnv = ENV, until = 'taking jobs from'): Promise<{ child: ChildProcess; log: () => string }> {
    const child = spawn(process.execPath, [MAIN, 'worker', '-c', '1', '--lock-duration', '1000', ...args], { cwd: ROOT, env });
    children.push(child);
    let log = '';
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "${until}" within 15 s:\n${log}`)), 15_000);
      child.stderr.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        if (!log.includes(until)) return;
        clearTimeout(timer);
        resolve({ child, log: () => log });
      });
      child.once('exit', () => setTimeout(() => reject(new Error(`worker exited:\n${log}`)), 100));
    });
  }

  function exitWithin(child: ChildProcess, ms: number): Promise<number | null> {
    return new Promise((resolve, reject) => {
      if (child.exitCode !== null) return resolve(child.exitCode);
      const timer = setTimeout(() => reject(new Error(`still running ${ms} ms after the signal`)), ms);
      child.once('exit', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
  }

  it('stops on the first SIGTERM after its Redis has gone', async () => {
    const { server, url } = await redisOnFreePort();
    const w = await worker(['--queue', url]);
    server.kill('SIGKILL');
    // Wait until the worker has seen the connection go, as a worker on a real outage would have.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => w.log().includes('ECONNREFUSED') && (clearInterval(poll), resolve()), 50);
    });
    const started = Date.now();
    w.child.kill('SIGTERM');
    expect(await exitWithin(w.child, 5000)).toBe(1);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(w.log()).toMatch(/does not answer: stopping now; the jobs under way go back on the queue when their locks expire\n/);
  }, 30_000);

  it('stops cleanly, exit 0, on SIGTERM with Redis up', async () => {
    const { url } = await redisOnFreePort();
    const w = await worker(['--queue', url]);
    w.child.kill('SIGTERM');
    expect(await exitWithin(w.child, 5000), w.log()).toBe(0);
    expect(w.log()).toMatch(/stopped: 0 jobs done, 0 failed\n$/);
  }, 30_000);

  it('takes the password from CAREFLOW_REDIS_PASSWORD or --queue-password-file, never showing it', async () => {
    const { url } = await redisOnFreePort(['--requirepass', PASSWORD]);
    const fromEnv = await worker(['--queue', url], { ...ENV, CAREFLOW_REDIS_PASSWORD: PASSWORD });
    expect(fromEnv.log()).toContain(`taking jobs from redis://:***@127.0.0.1:`);
    const file = join(root, 'password');
    writeFileSync(file, `${PASSWORD}\n`, { mode: 0o600 });
    const fromFile = await worker(['--queue', url, '--queue-password-file', file]);
    for (const w of [fromEnv, fromFile]) {
      expect(w.log()).not.toContain(PASSWORD);
      w.child.kill('SIGTERM');
      expect(await exitWithin(w.child, 5000)).toBe(0);
    }
    const without = spawn(process.execPath, [MAIN, 'worker', '--queue', url], { cwd: ROOT, env: ENV });
    children.push(without);
    let log = '';
    without.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    expect(await exitWithin(without, 10_000)).toBe(1);
    expect(log).toMatch(/cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+\/0 \(--queue\): NOAUTH/);
  }, 60_000);
});
