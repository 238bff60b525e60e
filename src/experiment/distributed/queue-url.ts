/**
 * The `--queue` URL: where the Redis server behind the BullMQ queue is, read from
 * `redis://[[user]:password@]host[:port][/db]` (or `rediss://` for TLS) into connection options.
 *
 * @module
 */
import type { RedisOptions } from 'ioredis';
import { UsageProblem } from '../problems.js';

/** A validated queue address. */
export interface QueueTarget {
  /** The URL with any password masked, for messages and logs. */
  display: string;
  /** Connection options for ioredis (and so BullMQ), without retry or timeout policy. */
  connection: RedisOptions;
}

const DEFAULT_PORT = 6379;

/** Parses and checks a `--queue` value; a bad one is a UsageProblem naming the flag. */
export function parseQueueUrl(text: string, flag = '--queue'): QueueTarget {
  const expected = `expected redis://[[user]:password@]host[:port][/db] or rediss://... for TLS`;
  // The text is echoed back in errors, but not a password in it.
  const bad = new UsageProblem(`${flag}: ${expected}, got "${text.replace(/:[^:@/]*@/, ':***@')}"`);
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw bad;
  }
  if ((url.protocol !== 'redis:' && url.protocol !== 'rediss:') || url.hostname === '') throw bad;
  if (url.search !== '' || url.hash !== '') throw new UsageProblem(`${flag}: ${expected}; nothing after the database, got "${url.search}${url.hash}"`);
  const db = parseDb(url.pathname, flag);
  const password = url.password === '' ? undefined : decodeURIComponent(url.password);
  const username = url.username === '' ? undefined : decodeURIComponent(url.username);
  // URL has already refused ports above 65535; 0 is not a port a server listens on.
  if (url.port === '0') throw new UsageProblem(`${flag}: the port must be 1 to 65535, got 0`);
  // The WHATWG parser keeps IPv6 brackets; the socket and TLS want the bare address.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const connection: RedisOptions = {
    host,
    port: url.port === '' ? DEFAULT_PORT : Number(url.port),
    db,
    ...(username !== undefined ? { username } : {}),
    ...(password !== undefined ? { password } : {}),
    ...(url.protocol === 'rediss:' ? { tls: { servername: host } } : {}),
  };
  const auth = username !== undefined || password !== undefined ? `${username ?? ''}${password !== undefined ? ':***' : ''}@` : '';
  const display = `${url.protocol}//${auth}${url.hostname}:${connection.port}/${db}`;
  return { display, connection };
}

function parseDb(pathname: string, flag: string): number {
  const path = pathname.replace(/^\//, '');
  if (path === '') return 0;
  if (!/^\d{1,5}$/.test(path)) throw new UsageProblem(`${flag}: the database after the port must be a whole number (e.g. /0), got "/${path}"`);
  return Number(path);
}
