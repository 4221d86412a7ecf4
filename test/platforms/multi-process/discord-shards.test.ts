// Sharding with real bot processes: DISCORD_SHARDS=0 and DISCORD_SHARDS=1 of DISCORD_SHARD_COUNT=2
// on one PostgreSQL database. The Discord double sends the server's events only to the session of the
// shard that owns it ((guild_id >> 22) % 2), so one process serves the server and the other idles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../../src/db/migrate.js';
import { startDiscordDouble, type DiscordDouble } from '../../doubles/discord/index.js';
import { freshDatabaseUrl, testProvider } from '../../support/database.js';
import { BotProcess } from '../bot-process.js';
import { defaultWorld, textOf } from '../discord/harness.js';

const CALLBACK = 'POST /interactions/:interactionId/:token/callback';
const guildOnShard1 = String((777_777n << 22n) | 1n);

describe.runIf(testProvider === 'postgresql')('two bot processes, one shard each', { timeout: 120_000 }, () => {
  let double: DiscordDouble;
  let drop: () => Promise<void>;
  const bots: BotProcess[] = [];

  beforeAll(async () => {
    double = await startDiscordDouble({ ...defaultWorld(), guild: { id: guildOnShard1 } });
    const fresh = await freshDatabaseUrl();
    drop = fresh.drop;
    await applyMigrations(fresh.url);
    for (const shard of ['0', '1']) {
      bots.push(new BotProcess({
        DATABASE_URL: fresh.url, DISCORD_TOKEN: double.token, DISCORD_APPLICATION_ID: double.applicationId, DISCORD_API_URL: double.apiUrl,
        DISCORD_SHARDS: shard, DISCORD_SHARD_COUNT: '2',
      }));
    }
    await Promise.all(bots.map((b) => b.ready(60_000)));
  }, 90_000);

  afterAll(async () => {
    for (const bot of bots) await bot.stop();
    await double?.close();
    await drop?.();
  });

  it('GIVEN a server on shard 1 THEN only the shard-1 process has it and answers its commands, once', async () => {
    const identified = double.gatewayFrames.filter((f) => f.op === 2).map((f) => f.d.shard);
    expect(identified).toEqual(expect.arrayContaining([[0, 2], [1, 2]]));
    const guilds = bots.map((b) => b.logs.find((l) => l.msg === 'Discord ready')?.guilds);
    expect(guilds).toEqual([0, 1]);
    const record = double.command({ user: 'owner', name: 'about', channel: 'general' });
    const response = await double.waitForResponse(record, 20_000);
    const body = response.type === 5
      ? (await double.waitFor({ method: 'PATCH', path: `/webhooks/${double.applicationId}/${record.token}/messages/@original` }, 20_000)).body
      : response.data;
    expect(textOf(body)).toMatch(/Ambassador/i);
    expect(double.calls({ route: CALLBACK })).toHaveLength(1);
    for (const bot of bots) expect(bot.logs.filter((l) => l.level >= 50)).toEqual([]);
  });
});

describe.runIf(testProvider !== 'postgresql')('two bot processes, one shard each', () => {
  it.skip('run on PostgreSQL only (DATABASE_URL=postgresql://…): SQLite is one process per file', () => undefined);
});
