// The double's message nonces, spec checks and late answers, driven by the real discord.js Client:
// what the adapter's "a post appears once" relies on.
import { once } from 'node:events';
import { Client, DiscordAPIError, Events, GatewayIntentBits, type TextChannel } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { startDiscordDouble, type DiscordDouble } from './index.js';

const POST = 'POST /channels/:channelId/messages';

async function start(rest: { retries?: number; timeout?: number } = {}, nonceWindowMs?: number) {
  const double = await startDiscordDouble(nonceWindowMs === undefined ? {} : { nonceWindowMs });
  const client = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages], rest: { api: double.apiUrl, retries: 0, ...rest }, waitGuildTimeout: 1000 });
  const ready = once(client, Events.ClientReady);
  await client.login(double.token);
  await ready;
  const channel = client.channels.cache.get(double.channel('committee').id) as TextChannel;
  return { double, client, channel };
}

describe('Discord double: nonces, spec checks and late answers', () => {
  let env: Awaited<ReturnType<typeof start>> | undefined;
  afterEach(async () => {
    await env?.client.destroy();
    await env?.double.close();
    env = undefined;
  });

  it('GIVEN a create with enforce_nonce WHEN the same nonce is sent again in that channel THEN Discord answers with the first message and makes no second one', async () => {
    env = await start();
    const { double, channel } = env;
    const first = await channel.send({ content: 'Application A1', nonce: 'outbox-1', enforceNonce: true });
    const again = await channel.send({ content: 'Application A1 (again)', nonce: 'outbox-1', enforceNonce: true });

    expect(again.id).toBe(first.id);
    expect(double.messagesIn('committee').map((m) => m.content)).toEqual(['Application A1']);
    const posts = double.calls({ route: POST });
    expect(posts.map((c) => [c.body.nonce, c.body.enforce_nonce])).toEqual([['outbox-1', true], ['outbox-1', true]]);
    expect(posts.map((c) => (c.response as { nonce?: string }).nonce)).toEqual(['outbox-1', 'outbox-1']);
  });

  it('GIVEN a nonce WHEN it is reused without enforce_nonce, in another channel, or after the window THEN each create makes a new message', async () => {
    env = await start({}, 50);
    const { double, client, channel } = env;
    const general = client.channels.cache.get(double.channel('general').id) as TextChannel;
    const a = await channel.send({ content: 'one', nonce: 'n1' });
    const b = await channel.send({ content: 'two', nonce: 'n1' });
    const c = await general.send({ content: 'three', nonce: 'n1', enforceNonce: true });
    await new Promise((r) => setTimeout(r, 80));
    const d = await general.send({ content: 'four', nonce: 'n1', enforceNonce: true });

    expect(new Set([a.id, b.id, c.id, d.id]).size).toBe(4);
    expect(double.messagesIn('committee')).toHaveLength(2);
    expect(double.messagesIn('general')).toHaveLength(2);
  });

  it('GIVEN OpenAPI MessageCreateRequest WHEN a nonce is longer than 25 characters THEN the double refuses it with 50035 like Discord', async () => {
    env = await start();
    const { double, channel } = env;
    const sent = channel.send({ content: 'x', nonce: 'n'.repeat(26), enforceNonce: true });

    await expect(sent).rejects.toBeInstanceOf(DiscordAPIError);
    await expect(sent).rejects.toMatchObject({ code: 50035, status: 400, rawError: { errors: { nonce: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } });
    expect(double.messagesIn('committee')).toEqual([]);
  });

  it('GIVEN an answer held past the REST timeout WHEN discord.js resends the create with its nonce THEN one message exists and the resend gets it', async () => {
    // discord.js aborts after `rest.timeout` (15 s by default; 300 ms here) and sends the same body again.
    env = await start({ retries: 1, timeout: 300 });
    const { double, channel } = env;
    double.delayNext({ route: POST }, 1000);
    const sent = await channel.send({ content: 'late', nonce: 'outbox-9', enforceNonce: true });

    const posts = double.calls({ route: POST });
    expect(posts.map((c) => c.delayedMs)).toEqual([1000, undefined]);
    expect(posts[1]!.body).toEqual(posts[0]!.body);
    expect(double.messagesIn('committee').map((m) => m.id)).toEqual([sent.id]);
  });
});
