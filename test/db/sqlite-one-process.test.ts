// SQLite is for one bot process per database file: a second process on the same file is refused at
// start-up with what to do, and a lock left by a process killed with SIGKILL doesn't block the next.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDiscordDouble, type DiscordDouble } from '../doubles/discord/index.js';
import { BotProcess } from '../platforms/bot-process.js';
import { runBot } from '../support/run-bot.js';

let double: DiscordDouble | undefined;
const bots: BotProcess[] = [];
afterEach(async () => {
  for (const bot of bots.splice(0)) await bot.stop();
  await double?.close();
  double = undefined;
});

describe('one bot process per SQLite file', { timeout: 60_000 }, () => {
  it('GIVEN a bot running on a SQLite file WHEN a second process starts on it THEN it stops with a message naming the holder and the fix; after a kill -9 of the first, a new one starts', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ambassador-lock-')), 'ambassador.db');
    double = await startDiscordDouble();
    const env = { DATABASE_URL: `file:${file}`, DISCORD_TOKEN: double.token, DISCORD_APPLICATION_ID: double.applicationId, DISCORD_API_URL: double.apiUrl };
    const first = new BotProcess(env);
    bots.push(first);
    await first.ready();
    expect(JSON.parse(readFileSync(`${file}.lock`, 'utf8'))).toMatchObject({ pid: first.pid });

    const second = await runBot({ DATABASE_URL: `file:${file}` }, '/about\n');
    expect(second.code).toBe(1);
    expect(second.stdout).toBe('');
    const message = second.stderr.trim();
    expect(message).toContain(`another bot process (pid ${first.pid} on`);
    expect(message).toContain(`is using the SQLite database ${file}`);
    expect(message).toMatch(/stop the other process first, or run several processes on PostgreSQL/);
    expect(message).toContain(`delete ${file}.lock`);

    await first.kill(); // no clean-up: the lock file stays, naming a dead process
    const third = new BotProcess(env);
    bots.push(third);
    await third.ready();
    expect(JSON.parse(readFileSync(`${file}.lock`, 'utf8'))).toMatchObject({ pid: third.pid });
  });
});
