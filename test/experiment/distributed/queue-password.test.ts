/** The queue password from a file or the environment, so that it need not be in the URL `ps` shows. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withPassword } from '../../../src/experiment/distributed/queue-password.js';
import { parseQueueUrl } from '../../../src/experiment/distributed/queue-url.js';

const dir = mkdtempSync(join(tmpdir(), 'careflow-password-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('withPassword', () => {
  const plain = parseQueueUrl('redis://queue-host:6380/2');

  it('reads the first line of the file, or else the environment, and masks it', () => {
    const file = join(dir, 'pw');
    writeFileSync(file, 's3cret\n');
    const fromFile = withPassword(plain, { file, env: { CAREFLOW_REDIS_PASSWORD: 'other' } });
    expect([fromFile.connection.password, fromFile.display]).toEqual(['s3cret', 'redis://:***@queue-host:6380/2']);
    const fromEnv = withPassword(parseQueueUrl('redis://ops@queue-host'), { env: { CAREFLOW_REDIS_PASSWORD: 'e' } });
    expect([fromEnv.connection.password, fromEnv.connection.username, fromEnv.display]).toEqual(['e', 'ops', 'redis://ops:***@queue-host:6379/0']);
    expect(withPassword(plain, { env: {} })).toEqual(plain);
  });

  it('keeps a password given in the URL over the environment, and refuses one given in the URL and a file', () => {
    const inUrl = parseQueueUrl('redis://:u@queue-host');
    expect(withPassword(inUrl, { env: { CAREFLOW_REDIS_PASSWORD: 'e' } }).connection.password).toBe('u');
    const file = join(dir, 'pw2');
    writeFileSync(file, 'x');
    expect(() => withPassword(inUrl, { file })).toThrow(/^--queue-password-file: the --queue URL has a password too; give it once/);
  });

  it('names an empty or missing file', () => {
    const empty = join(dir, 'empty');
    writeFileSync(empty, '\n');
    expect(() => withPassword(plain, { file: empty })).toThrow(`--queue-password-file: ${empty} is empty; write the password on its first line`);
    expect(() => withPassword(plain, { file: join(dir, 'none') })).toThrow(/^--queue-password-file: cannot read .*none: ENOENT$/);
  });
});
