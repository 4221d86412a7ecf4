// A post with a key appears once on Slack: it carries the key as message metadata, and a repeat (a
// retry after a crash, a new process) finds it in the channel's history instead of posting again.
// Also: a 429 in the middle of the seed reactions is completed by the retried effect.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ChannelRef, OutboundMessage } from '../../../src/core/ports/chat-platform.js';
import { lookback } from '../../../src/platforms/slack/poster.js';
import { renderLeaderboardCard } from '../../../src/render/leaderboard-card.js';
import { ADA, AMBASSADORS, CARL, COMMITTEE, DANA, EVE, LOUNGE, dropTemplate, setUpProgram, startWorld, type World } from './harness.js';

const seeds = ['white_check_mark', 'x', 'thinking_face'];

describe('Slack: a keyed post appears once', { timeout: 30_000 }, () => {
  let w: World | undefined;
  afterAll(dropTemplate, 30_000);
  afterEach(async () => {
    await w?.close();
    w = undefined;
  });

  const channel = (x: World, id: string): ChannelRef => ({ platform: 'slack', workspaceId: x.slack.team.id, id });
  const note: OutboundMessage = { title: 'Campaign', text: 'Clean-up on Saturday' };

  it('GIVEN a post with a key WHEN the same post is asked again, even by a new process THEN the first message is returned and nothing is posted', async () => {
    w = await startWorld();
    const first = await w.adapter.post(channel(w, LOUNGE), note, { key: 'outbox:41' });
    expect(w.slack.messagesIn(LOUNGE).map((m) => m.metadata)).toEqual([{ event_type: 'ambassador_post', event_payload: { key: 'outbox:41' } }]);
    await w.restart(); // a new adapter: nothing in memory

    const before = w.slack.calls().length;
    const again = await w.adapter.post(channel(w, LOUNGE), { ...note, text: 'Clean-up on Saturday (re-rendered)' }, { key: 'outbox:41' });

    expect(again.id).toBe(first.id);
    expect(w.slack.messagesIn(LOUNGE)).toHaveLength(1);
    const calls = w.slack.calls().slice(before);
    expect(calls.map((c) => c.method)).toEqual(['conversations.history']);
    const oldest = Number(calls[0]!.args.oldest);
    expect(Date.now() / 1000 - oldest).toBeCloseTo(lookback.ms / 1000, -1);
    // Form-encoded, as the WebClient sends it.
    expect(calls[0]!.args).toMatchObject({ channel: LOUNGE, include_all_metadata: 'true', limit: String(lookback.pageSize) });
  });

  it('GIVEN another key, or the same key from someone else WHEN posting THEN it is a new message', async () => {
    w = await startWorld();
    await w.adapter.post(channel(w, LOUNGE), note, { key: 'outbox:1' });
    w.slack.workspace.messages.get(LOUNGE)!.push({
      channel: LOUNGE, ts: w.slack.workspace.nextTs(), user: ADA, text: 'not the bot', reactions: [], metadata: { event_type: 'ambassador_post', event_payload: { key: 'outbox:2' } },
    });

    await w.adapter.post(channel(w, LOUNGE), note, { key: 'outbox:2' });
    await w.adapter.post(channel(w, LOUNGE), note); // no key: no check

    const mine = w.slack.messagesIn(LOUNGE).filter((m) => m.user === w!.slack.bot.userId);
    expect(mine.map((m) => m.metadata?.event_payload.key)).toEqual(['outbox:1', 'outbox:2', undefined]);
    expect(w.slack.calls('conversations.history')).toHaveLength(2);
  });

  it('GIVEN the text was posted but the process died before its image WHEN a new process retries THEN only the image follows; once shared, a retry does nothing', async () => {
    w = await startWorld();
    const png = (await renderLeaderboardCard({ programName: 'Campus Crew', periodLabel: 'Week 10', rows: [{ rank: 1, name: 'ada', points: 30 }] })).png;
    const board: OutboundMessage = { title: 'Leaderboard', text: 'Week 10', image: { png, name: 'leaderboard-w10.png', alt: 'ada first' } };
    w.slack.failNext('files.getUploadURLExternal', { error: 'internal_error' });
    await expect(w.adapter.post(channel(w, LOUNGE), board, { key: 'outbox:7' })).rejects.toThrow(/without the image/);
    await w.restart();

    const ref = await w.adapter.post(channel(w, LOUNGE), board, { key: 'outbox:7' });
    const before = w.slack.calls().length;
    const again = await w.adapter.post(channel(w, LOUNGE), board, { key: 'outbox:7' });

    const messages = w.slack.messagesIn(LOUNGE);
    expect(messages.map((m) => (m.files ? 'file' : m.text))).toEqual([messages[0]!.text, 'file']);
    expect(ref.id).toBe(messages[0]!.ts);
    expect(again.id).toBe(ref.id);
    expect(w.slack.files(LOUNGE).map((f) => f.name)).toEqual(['leaderboard-w10.png']);
    expect(w.slack.calls().slice(before).map((c) => c.method)).toEqual(['conversations.history']);
  });

  it('GIVEN an app installed without the history scopes WHEN posting with a key THEN it posts anyway and logs the fix', async () => {
    w = await startWorld();
    w.slack.failNext('conversations.history', { error: 'missing_scope', extra: { needed: 'groups:history' } });

    await w.adapter.post(channel(w, COMMITTEE), note, { key: 'outbox:9' });

    expect(w.slack.messagesIn(COMMITTEE)).toHaveLength(1);
    expect(w.logs.join('')).toContain('could not read the channel history to check for an earlier copy of this post');
    expect(w.logs.join('')).toContain('groups:history');
  });

  it('GIVEN Slack rate-limits the history WHEN posting with a key THEN nothing is posted and the outbox may retry', async () => {
    w = await startWorld();
    w.slack.failNext('conversations.history', { status: 429, retryAfter: 3 });

    await expect(w.adapter.post(channel(w, COMMITTEE), note, { key: 'outbox:10' })).rejects.toMatchObject({ code: 'rate_limited', retryAfterMs: 3000 });
    expect(w.slack.messagesIn(COMMITTEE)).toEqual([]);
  });

  it('GIVEN a 429 on the second seed reaction WHEN the effect is retried THEN the post is not repeated, the missing reactions are added and votes decide', async () => {
    w = await startWorld();
    await setUpProgram(w);
    w.slack.failNext('reactions.add', { skip: 1, status: 429, retryAfter: 30 });

    await w.apply(ADA, ['Because water is life.', 'Lyon']);
    const post = await w.committeePost(ADA);
    expect(w.slack.reactionsOn(COMMITTEE, post.id).map((r) => r.name)).toEqual(['white_check_mark']);
    const { prisma } = w.app.db;
    const item = await prisma.outboxItem.findFirstOrThrow({ where: { kind: 'committee.post' }, orderBy: { id: 'desc' } });
    expect(item.doneAt).toBeNull();
    expect(item.lastError).toMatch(/rate-limiting/);

    await prisma.outboxItem.update({ where: { id: item.id }, data: { nextAttemptAt: new Date() } }); // the wait has passed
    await w.settle();

    expect((await prisma.outboxItem.findUniqueOrThrow({ where: { id: item.id } })).doneAt).not.toBeNull();
    expect(w.slack.calls('chat.postMessage').filter((c) => c.args.channel === COMMITTEE)).toHaveLength(1);
    expect(w.slack.messagesIn(COMMITTEE).map((m) => m.ts)).toEqual([post.id]);
    expect(w.slack.reactionsOn(COMMITTEE, post.id).map((r) => [r.name, r.users])).toEqual(seeds.map((s) => [s, [w!.slack.bot.userId]]));
    for (const member of [CARL, DANA, EVE]) await w.react(member, 'white_check_mark', post);
    expect((await w.application(ADA))?.status).toBe('accepted');
    expect(w.slack.membersOf(AMBASSADORS)).toContain(ADA);
  });
});
