// In console mode the terminal is the conversation (issue #12): logs go to ./data/ambassador.log,
// and when something fails the conversation gets one line naming that file.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileLogger } from '../../src/logger.js';
import { ConsoleAdapter } from '../../src/platforms/console/adapter.js';
import { freshDatabaseUrl, testProvider } from '../support/database.js';
import { runBot } from '../support/run-bot.js';
import { quietSink } from './harness.js';

describe('the console logger', () => {
  it('GIVEN lines of every level THEN all go to the file (secrets redacted) and only errors reach the callback', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ambassador-log-')), 'nested', 'ambassador.log');
    const failures: string[] = [];
    const log = createFileLogger('info', file, (m) => failures.push(m));
    log.info('ready');
    log.warn({ token: 'abc' }, 'side effect failed; retrying');
    log.error({ err: new Error('boom') }, 'unexpected error');
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { msg: string; token?: string });
    expect(lines.map((l) => l.msg)).toEqual(['ready', 'side effect failed; retrying', 'unexpected error']);
    expect(lines[1]!.token).toBe('***');
    expect(failures).toEqual(['unexpected error']);
  });

  it('GIVEN a notice WHEN the console is idle THEN it is one line in the conversation', async () => {
    let out = '';
    const adapter = new ConsoleAdapter({ input: Readable.from([]), write: (t) => void (out += t), commands: [], settle: async () => {} });
    await adapter.start(quietSink);
    await adapter.finished();
    adapter.notice('something failed: unexpected error; details in data/ambassador.log');
    expect(out.split('\n').at(-2)).toBe('(something failed: unexpected error; details in data/ambassador.log)');
  });
});

describe(`npm start in console mode on ${testProvider}`, { timeout: 60_000 }, () => {
  const drops: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const drop of drops.splice(0)) await drop();
  });

  it('GIVEN a session THEN no log line reaches the terminal: they are appended to ./data/ambassador.log', async () => {
    const fresh = await freshDatabaseUrl();
    drops.push(fresh.drop);
    const logFile = join(import.meta.dirname, '..', '..', 'data', 'ambassador.log');
    const before = (() => {
      try {
        return statSync(logFile).size;
      } catch {
        return 0;
      }
    })();
    const run = await runBot({ DATABASE_URL: fresh.url, LOG_LEVEL: 'debug' }, '/about\n');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toMatch(/"level":|\bINFO\b|"msg"/);
    expect(statSync(logFile).size).toBeGreaterThan(before);
    expect(readFileSync(logFile, 'utf8').slice(before)).toContain('"msg":"ready"');
  });
});
