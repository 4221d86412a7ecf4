// A committee post appears once on Discord however its delivery stumbles: Discord answering after
// discord.js's REST timeout (discord.js then resends the same request itself), and a 429 in the middle
// of the seed reactions (the retried effect adds the missing ones). Real app, real discord.js.
import { afterEach, describe, expect, it } from 'vitest';
import { nonceFor } from '../../../src/platforms/discord/nonce.js';
import { DiscordErrors } from '../../doubles/discord/index.js';
import { testProvider } from '../../support/database.js';
import { answers, CHANNEL_POST, Harness, questions, ROLE_GRANT, setupProgram } from './harness.js';

const REACT = 'PUT /channels/:channelId/messages/:messageId/reactions/:emoji/@me';
const seeds = ['✅', '❌', '🤔'];

describe(`Discord: one committee post on ${testProvider}`, { timeout: 30_000 }, () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  const committeePosts = (x: Harness) => x.double.calls({ route: CHANNEL_POST, path: `/channels/${x.double.channel('committee').id}/messages` });

  async function voteAccepts(x: Harness, ref: string, messageId: string): Promise<void> {
    await x.react('carol', messageId, '✅');
    await x.react('dave', messageId, '✅');
    expect((await x.application(ref)).status).toBe('ACCEPTED');
    expect(x.double.calls({ route: ROLE_GRANT }).at(-1)?.status).toBe(204);
    expect(x.double.memberRoleNames('alice')).toContain('Ambassador');
  }

  it('GIVEN Discord accepts the committee post but answers after the REST timeout WHEN discord.js resends it THEN one message exists, the application points at it and votes on it decide', async () => {
    h = await Harness.start();
    await setupProgram(h, questions.slice(0, 2));
    // discord.js times out after 15 s and resends (retries: 3). The same path with a 1 s timeout here,
    // so the test does not wait 15 s: the double holds its answer to the committee post for 1.5 s.
    await h.stopApp();
    await h.startApp({ rest: { retries: 3, timeout: 1000 } });
    h.double.delayNext({ route: CHANNEL_POST, path: `/channels/${h.double.channel('committee').id}/messages` }, 1500);

    const ref = Harness.refOf((await h.apply('alice', answers)).final);

    const posts = committeePosts(h);
    expect(posts.map((c) => c.delayedMs)).toEqual([1500, undefined]); // the late answer, then discord.js's resend
    const app = await h.application(ref);
    const nonce = nonceFor(`outbox:${(await h.prisma.outboxItem.findFirstOrThrow({ where: { kind: 'committee.post' }, orderBy: { id: 'desc' } })).id}`);
    expect(posts.map((c) => [c.body.nonce, c.body.enforce_nonce])).toEqual([[nonce, true], [nonce, true]]);
    const messages = h.double.messagesIn('committee');
    expect(messages).toHaveLength(1);
    expect(app.committeeMessageId).toBe(messages[0]!.id);
    expect(seeds.map((e) => h!.double.reactionsOn(messages[0]!.id, e))).toEqual(seeds.map(() => [h!.double.botId]));
    await voteAccepts(h, ref, messages[0]!.id);
  });

  it('GIVEN a long 429 on the second seed reaction WHEN the effect is retried THEN the post is not repeated and the missing reactions are added', async () => {
    h = await Harness.start();
    await setupProgram(h, questions.slice(0, 2));
    // A reaction sub-limit: the bucket is not exhausted, but retry-after is longer than the adapter
    // lets discord.js wait (10 s), so the failure goes back to the outbox with the wait.
    const limited = DiscordErrors.rateLimited(11);
    const spec = { ...limited, headers: { ...limited.headers, 'x-ratelimit-remaining': '1', 'x-ratelimit-reset-after': '0' } };
    h.double.failNext({ route: REACT, path: /reactions\/❌\/@me$/ }, spec);

    const ref = Harness.refOf((await h.apply('alice', answers)).final);
    const item = await h.prisma.outboxItem.findFirstOrThrow({ where: { kind: 'committee.post' }, orderBy: { id: 'desc' } });
    expect(item.doneAt).toBeNull();
    expect(item.lastError).toMatch(/slow down/);
    const [message] = h.double.messagesIn('committee');
    expect(h.double.reactionsOn(message!.id, '✅')).toEqual([h.double.botId]);
    expect(h.double.reactionsOn(message!.id, '❌')).toEqual([]);

    // The wait Discord asked for has passed.
    await h.prisma.outboxItem.update({ where: { id: item.id }, data: { nextAttemptAt: new Date() } });
    await h.settle();

    expect((await h.prisma.outboxItem.findUniqueOrThrow({ where: { id: item.id } })).doneAt).not.toBeNull();
    expect(committeePosts(h)).toHaveLength(1);
    expect(h.double.messagesIn('committee')).toHaveLength(1);
    expect((await h.application(ref)).committeeMessageId).toBe(message!.id);
    expect(seeds.map((e) => h!.double.reactionsOn(message!.id, e))).toEqual(seeds.map(() => [h!.double.botId]));
    await voteAccepts(h, ref, message!.id);
  });
});
