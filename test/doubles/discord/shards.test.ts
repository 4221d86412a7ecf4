// Sharding in the Discord double, driven by real discord.js clients: each identifies with
// shard [id, count], and Discord sends a guild's events only to shard (guild_id >> 22) % count
// (direct messages to shard 0); without sharding every session gets every event.
import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, type Interaction } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { shardOwns } from './gateway.js';
import { startDiscordDouble, type DiscordDouble } from './index.js';

// A guild id on shard 1 of 2 ((id >> 22) % 2 === 1) and one on shard 0.
const onShard1 = String((12345n << 22n) | 7n);
const onShard0 = String((12344n << 22n) | 7n);

let double: DiscordDouble | undefined;
const clients: Client[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) await c.destroy();
  await double?.close();
  double = undefined;
});

async function client(d: DiscordDouble, shards?: { ids: number[]; count: number }): Promise<{ client: Client; seen: Interaction[] }> {
  const c = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    rest: { api: d.apiUrl, retries: 0 },
    waitGuildTimeout: 1000,
    ...(shards ? { shards: shards.ids, shardCount: shards.count } : {}),
  });
  clients.push(c);
  const seen: Interaction[] = [];
  c.on(Events.InteractionCreate, (i) => void seen.push(i));
  const ready = once(c, Events.ClientReady);
  await c.login(d.token);
  await ready;
  return { client: c, seen };
}

describe('the Discord double with shards', () => {
  it('GIVEN guild ids THEN shard ownership follows (guild_id >> 22) % count, and DMs go to shard 0', () => {
    expect([shardOwns([0, 2], onShard1), shardOwns([1, 2], onShard1)]).toEqual([false, true]);
    expect([shardOwns([0, 2], onShard0), shardOwns([1, 2], onShard0)]).toEqual([true, false]);
    expect([shardOwns([0, 2], undefined), shardOwns([1, 2], undefined), shardOwns([0, 1], onShard1)]).toEqual([true, false, true]);
  });

  it('GIVEN two clients on shards 0 and 1 of 2 WHEN a command comes from a guild on shard 1 THEN only shard 1 has the guild and gets it', async () => {
    double = await startDiscordDouble({ guild: { id: onShard1 }, members: [{ username: 'alice' }] });
    const zero = await client(double, { ids: [0], count: 2 });
    const one = await client(double, { ids: [1], count: 2 });
    expect(zero.client.guilds.cache.size).toBe(0);
    expect([...one.client.guilds.cache.keys()]).toEqual([onShard1]);
    const identified = double.gatewayFrames.filter((f) => f.op === 2).map((f) => f.d.shard);
    expect(identified).toEqual(expect.arrayContaining([[0, 2], [1, 2]]));
    double.command({ user: 'alice', name: 'about', channel: 'general' });
    await expect.poll(() => one.seen.length).toBe(1);
    expect(zero.seen).toHaveLength(0);
  });

  it('GIVEN two clients without sharding WHEN a command comes THEN both sessions get it, as Discord does', async () => {
    double = await startDiscordDouble({ members: [{ username: 'alice' }] });
    const a = await client(double);
    const b = await client(double);
    double.command({ user: 'alice', name: 'about', channel: 'general' });
    await expect.poll(() => a.seen.length + b.seen.length).toBe(2);
  });
});
