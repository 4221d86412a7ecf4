// A real crash on Discord: the bot process (the real entry point) is killed with SIGKILL after
// Discord accepted the committee post but before the outbox marked it done. A new process over the
// same database retries the item once its lease (OUTBOX_LEASE_SECONDS=1 here) runs out; the post's
// nonce makes Discord answer with the first message: one post, three seed reactions, votes decide.
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../src/db/client.js';
import { DiscordDouble, type InteractionRecord } from '../../doubles/discord/index.js';
import { testProvider } from '../../support/database.js';
import { BotProcess } from '../bot-process.js';
import { CHANNEL_POST, Harness, questions, ROLE_GRANT, setupProgram } from './harness.js';

const seeds = ['✅', '❌', '🤔'];

/** The bot's answer to an interaction, following a deferred reply to its filled-in message. */
async function answerOf(double: DiscordDouble, record: InteractionRecord): Promise<{ type: number; body: any }> {
  const response = await double.waitForResponse(record, 20_000);
  if (response.type !== 5) return { type: response.type, body: response.data };
  const edit = await double.waitFor({ method: 'PATCH', path: `/webhooks/${double.applicationId}/${record.token}/messages/@original` }, 20_000);
  return { type: 5, body: edit.body };
}

/** /apply as `user` against a bot in another process: the modal (directly, or through the button a deferred reply offers), then the answers. */
async function applyThroughDouble(double: DiscordDouble, user: string, answers: string[]): Promise<string> {
  const record = double.command({ user, name: 'apply', channel: 'general' });
  let shown = await answerOf(double, record);
  if (shown.type === 5) {
    const button = shown.body.components[0].components[0];
    shown = await answerOf(double, double.button({ user, customId: button.custom_id, message: double.originalMessage(record)!.id, channel: 'general' }));
  }
  expect(shown.type).toBe(9);
  const fields = Harness.modalFields(shown.body);
  const submit = double.modalSubmit({ user, customId: shown.body.custom_id, values: Object.fromEntries(fields.map((f, i) => [f.custom_id, answers[i] ?? ''])), channel: 'general' });
  const receipt = await answerOf(double, submit);
  return JSON.stringify(receipt.body);
}

describe(`Discord: killed between Discord's acceptance and the outbox's done mark, on ${testProvider}`, { timeout: 90_000 }, () => {
  let h: Harness | undefined;
  let db: Database | undefined;
  const bots: BotProcess[] = [];
  afterEach(async () => {
    for (const bot of bots.splice(0)) await bot.stop();
    await db?.close();
    await h?.close();
    h = db = undefined;
  });

  it('GIVEN the committee post accepted and the process killed before done WHEN a new process starts THEN one post, three seed reactions, and votes on it decide', async () => {
    h = await Harness.start();
    await setupProgram(h, questions.slice(0, 2));
    await h.stopApp(); // the rest runs in real bot processes over the same database
    db = await openDatabase(h.databaseUrl); // the test's own look at it
    const { prisma } = db;
    const { double } = h;
    const env = {
      DATABASE_URL: h.databaseUrl, DISCORD_TOKEN: double.token, DISCORD_APPLICATION_ID: double.applicationId,
      DISCORD_API_URL: double.apiUrl, OUTBOX_LEASE_SECONDS: '1',
    };
    const committeePath = `/channels/${double.channel('committee').id}/messages`;

    const first = new BotProcess(env);
    bots.push(first);
    await first.ready();
    // Discord creates the message at once but the answer never reaches this process.
    double.delayNext({ route: CHANNEL_POST, path: committeePath }, 60_000);
    expect(await applyThroughDouble(double, 'alice', ['I swim every day and love rivers', 'Lyon'])).toMatch(/reference is \*\*A\w{5}\*\*/);
    const accepted = await double.waitFor({ route: CHANNEL_POST, path: committeePath }, 20_000);
    expect(accepted.delayedMs).toBe(60_000);
    await first.kill();

    const [message] = double.messagesIn('committee');
    expect(double.messagesIn('committee')).toHaveLength(1);
    const app = await prisma.application.findFirstOrThrow({ where: { applicant: { platformUserId: double.user('alice').id } } });
    expect(app.committeeMessageId).toBeNull(); // the crash window: Discord has it, the database does not
    const item = await prisma.outboxItem.findFirstOrThrow({ where: { kind: 'committee.post' }, orderBy: { id: 'desc' } });
    expect(item.doneAt).toBeNull();

    const second = new BotProcess(env);
    bots.push(second);
    await second.ready();
    await double.waitFor((c) => c.route === 'PUT /channels/:channelId/messages/:messageId/reactions/:emoji/@me' && c.path.endsWith('/reactions/🤔/@me'), 20_000);
    await expect.poll(async () => (await prisma.outboxItem.findUniqueOrThrow({ where: { id: item.id } })).doneAt, { timeout: 10_000 }).not.toBeNull();

    const posts = double.calls({ route: CHANNEL_POST, path: committeePath });
    expect(posts).toHaveLength(2);
    expect(posts[1]!.body.nonce).toBe(posts[0]!.body.nonce); // the retry: same nonce, Discord answers with the first message
    expect((posts[1]!.response as { id: string }).id).toBe(message!.id);
    expect(double.messagesIn('committee').map((m) => m.id)).toEqual([message!.id]);
    expect((await prisma.application.findUniqueOrThrow({ where: { id: app.id } })).committeeMessageId).toBe(message!.id);
    expect(seeds.map((e) => double.reactionsOn(message!.id, e))).toEqual(seeds.map(() => [double.botId]));

    for (const voter of ['carol', 'dave']) expect(double.reactionAdd(message!.id, 'committee', voter, '✅')).toBe(true);
    const grant = await double.waitFor({ route: ROLE_GRANT }, 20_000);
    expect(grant.status).toBe(204);
    expect(double.memberRoleNames('alice')).toContain('Ambassador');
    await expect.poll(async () => (await prisma.application.findUniqueOrThrow({ where: { id: app.id } })).status, { timeout: 10_000 }).toBe('ACCEPTED');
    expect(double.unknownRoutes()).toEqual([]);
  });
});
