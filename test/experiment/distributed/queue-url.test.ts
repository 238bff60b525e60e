/**
 * The --queue URL: host, port, database, user, password and TLS read from it; anything else
 * refused on one line naming the flag.
 */
import { describe, expect, it } from 'vitest';
import { UsageProblem } from '../../../src/experiment/problems.js';
import { parseQueueUrl } from '../../../src/experiment/distributed/queue-url.js';

describe('parseQueueUrl', () => {
  it('reads host, port and database, with Redis defaults', () => {
    expect(parseQueueUrl('redis://queue-host')).toEqual({ display: 'redis://queue-host:6379/0', connection: { host: 'queue-host', port: 6379, db: 0 } });
    expect(parseQueueUrl('redis://10.0.0.5:7000/3').connection).toEqual({ host: '10.0.0.5', port: 7000, db: 3 });
    expect(parseQueueUrl('redis://[::1]:7000/').connection).toEqual({ host: '::1', port: 7000, db: 0 });
  });

  it('reads a password (URL-encoded) and user, and masks the password in the display form', () => {
    const t = parseQueueUrl('redis://:p%40ss%2Fword@h:6380/2');
    expect(t.connection).toEqual({ host: 'h', port: 6380, db: 2, password: 'p@ss/word' });
    expect(t.display).toBe('redis://:***@h:6380/2');
    expect(t.display).not.toContain('p@ss');
    expect(parseQueueUrl('redis://alice:secret@h').connection).toMatchObject({ username: 'alice', password: 'secret' });
  });

  it('turns on TLS for rediss://, checking the certificate against the host name', () => {
    expect(parseQueueUrl('rediss://:pw@cache.example.net:6380').connection).toEqual({
      host: 'cache.example.net',
      port: 6380,
      db: 0,
      password: 'pw',
      tls: { servername: 'cache.example.net' },
    });
  });

  it.each([
    ['localhost:6379', /^--queue: expected redis:\/\/\[\[user\]:password@\]host\[:port\]\[\/db\] or rediss:\/\/\.\.\. for TLS, got/],
    ['http://h:6379', /got "http:\/\/h:6379"$/],
    ['http://:secret@h:6379', /got "http:\/\/:\*\*\*@h:6379"$/],
    ['redis://h:99999', /expected redis:\/\//],
    ['redis://h:0', /the port must be 1 to 65535, got 0/],
    ['redis://h/zero', /the database after the port must be a whole number \(e\.g\. \/0\), got "\/zero"/],
    ['redis://h/1?queue=x', /nothing after the database, got "\?queue=x"/],
    ['redis://', /expected redis:\/\//],
  ])('refuses %s', (text, message) => {
    expect(() => parseQueueUrl(text)).toThrow(UsageProblem);
    expect(() => parseQueueUrl(text)).toThrow(message);
  });
});
