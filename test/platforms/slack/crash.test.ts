// A real crash on Slack: the bot process (the real entry point, Bolt's HTTP receiver) is killed with
// SIGKILL after Slack accepted the committee post but before the outbox marked it done. A new process
// over the same database retries the item once its lease (OUTBOX_LEASE_SECONDS=1 here) runs out, finds
// the post by its key in the channel history and does not post again: one post, three seed
// reactions, and the committee's votes decide.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../src/db/client.js';
import { testProvider } from '../../support/database.js';
import { BotProcess, freePort } from '../bot-process.js';
import { ADA, AMBASSADORS, CARL, COMMITTEE, DANA, EVE, LOUNGE, dropTemplate, setUpProgram, startWorld, type World } from './harness.js';

const seeds = ['white_check_mark', 'x', 'thinking_face'];

describe(`Slack: killed between Slack's acceptance and the outbox's done mark, on ${testProvider}`, { timeout: 90_000 }, () => {
  let w: World | undefined;
  let db: Database | undefined;
  const bots: BotProcess[] = [];
  afterAll(dropTemplate, 30_000);
  afterEach(async () => {
    for (const bot of bots.splice(0)) await bot.stop();
    await db?.close();
    await w?.close();
    w = db = undefined;
  });

  it('GIVEN the committee post accepted and the process killed before done WHEN a new process starts THEN one post, three seed reactions, and votes on it decide', async () => {
    w = await startWorld();
    await setUpProgram(w);
    await w.stopApp(); // the rest runs in real bot processes over the same database
    db = await openDatabase(w.databaseUrl);
    const { prisma } = db;
    const { slack } = w;
    const port = await freePort();
    const env = {
      DATABASE_URL: w.databaseUrl, SLACK_BOT_TOKEN: slack.botToken, SLACK_SIGNING_SECRET: slack.signingSecret,
      SLACK_API_URL: slack.apiUrl, SLACK_PORT: String(port), OUTBOX_LEASE_SECONDS: '1',
    };
    slack.attachApp(`http://127.0.0.1:${port}/slack/events`);

    const first = new BotProcess(env);
    bots.push(first);
    await first.ready();
    // Slack posts the message at once but the answer never reaches this process.
    slack.delayNext('chat.postMessage', 60_000, { when: (a) => a.channel === COMMITTEE });
    expect((await slack.slashCommand({ user_id: ADA, channel_id: LOUNGE, text: 'apply' })).status).toBe(200);
    const open = await slack.waitFor('views.open', 20_000);
    const view = (open.response as { view: { id: string; blocks: Array<{ type: string; block_id: string }> } }).view;
    const answers = ['Because water is life.', 'Lyon'];
    const inputs = Object.fromEntries(view.blocks.filter((b) => b.type === 'input').map((b, i) => [b.block_id, answers[i] ?? '']));
    expect((await slack.viewSubmission({ view_id: view.id, user: ADA, inputs })).status).toBe(200);
    const accepted = await slack.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === COMMITTEE, 20_000);
    expect(accepted.delayedMs).toBe(60_000);
    await first.kill();

    const [message] = slack.messagesIn(COMMITTEE);
    expect(slack.messagesIn(COMMITTEE)).toHaveLength(1);
    expect(message!.metadata).toEqual({ event_type: 'ambassador_post', event_payload: { key: expect.stringMatching(/^outbox:\d+$/) } });
    const app = await prisma.application.findFirstOrThrow({ where: { applicant: { platformUserId: ADA } } });
    expect(app.committeeMessageId).toBeNull(); // the crash window: Slack has it, the database does not
    const item = await prisma.outboxItem.findFirstOrThrow({ where: { kind: 'committee.post' }, orderBy: { id: 'desc' } });
    expect(item.doneAt).toBeNull();
    expect(message!.metadata!.event_payload.key).toBe(`outbox:${item.id}`);

    const second = new BotProcess(env);
    bots.push(second);
    await second.ready();
    await slack.waitFor((c) => c.method === 'reactions.add' && c.args.name === 'thinking_face', 20_000);
    await expect.poll(async () => (await prisma.outboxItem.findUniqueOrThrow({ where: { id: item.id } })).doneAt, { timeout: 10_000 }).not.toBeNull();

    expect(slack.calls('chat.postMessage').filter((c) => c.args.channel === COMMITTEE)).toHaveLength(1); // found, not posted again
    expect(second.logs.some((l) => l.msg.includes('this post is already in the channel'))).toBe(true);
    expect(slack.messagesIn(COMMITTEE).map((m) => m.ts)).toEqual([message!.ts]);
    expect((await prisma.application.findUniqueOrThrow({ where: { id: app.id } })).committeeMessageId).toBe(message!.ts);
    expect(slack.reactionsOn(COMMITTEE, message!.ts).map((r) => [r.name, r.users])).toEqual(seeds.map((s) => [s, [slack.bot.userId]]));

    for (const voter of [CARL, DANA, EVE]) {
      const res = await slack.event({ type: 'reaction_added', user: voter, reaction: 'white_check_mark', item: { type: 'message', channel: COMMITTEE, ts: message!.ts } });
      expect(res.status).toBe(200);
    }
    await slack.waitFor('conversations.invite', 20_000);
    expect(slack.membersOf(AMBASSADORS)).toContain(ADA);
    await expect.poll(async () => (await prisma.application.findUniqueOrThrow({ where: { id: app.id } })).status, { timeout: 10_000 }).toBe('ACCEPTED');
    expect(slack.unknownCalls()).toEqual([]);
  });
});
