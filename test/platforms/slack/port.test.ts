// The ChatPlatform port on Slack, method by method, against the double: what each Web API failure
// becomes for the core (retry, fall back, or a fix for staff).
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformError, type ChannelRef, type UserRef } from '../../../src/core/ports/chat-platform.js';
import { ADA, AMBASSADORS, BOB, CARL, COMMITTEE, DANA, LOUNGE, STAFF, dropTemplate, startWorld, type World } from './harness.js';

describe('Slack adapter: the ChatPlatform port', { timeout: 20_000 }, () => {
  let w: World;
  let team: string;
  const channel = (id: string): ChannelRef => ({ platform: 'slack', workspaceId: team, id });
  const user = (id: string): UserRef => ({ platform: 'slack', workspaceId: team, id, isBot: false });
  const failure = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a PlatformError'); }, (e: unknown) => e as PlatformError);

  beforeAll(async () => {
    w = await startWorld();
    team = w.slack.team.id;
    w.slack.workspace.usergroups.set('S0COMMITTE', { id: 'S0COMMITTE', handle: 'committee', users: [CARL, DANA, w.slack.bot.userId] });
  }, 30_000);
  afterAll(async () => {
    await w.close();
    await dropTemplate();
  }, 30_000);

  it('GIVEN a message WHEN posted, edited and reacted to THEN Block Kit goes out and unicode votes become short names', async () => {
    const ref = await w.adapter.post(channel(COMMITTEE), { title: 'Hello', text: '**Bold** [site](https://example.org/?a=1&b=2)', footer: 'foot' });
    await w.adapter.edit(ref, { text: 'Edited' });
    await w.adapter.react(ref, '✅');
    await w.adapter.react(ref, '✅'); // already_reacted is fine
    await w.adapter.react(ref, '🤔');

    const posted = w.slack.calls('chat.postMessage').at(-1)!;
    expect(JSON.stringify(posted.args.blocks)).toContain('*Bold* <https://example.org/?a=1&amp;b=2|site>');
    expect(w.slack.messagesIn(COMMITTEE).find((m) => m.ts === ref.id)?.text).toBe('Edited');
    expect(w.slack.reactionsOn(COMMITTEE, ref.id).map((r) => r.name)).toEqual(['white_check_mark', 'thinking_face']);
  });

  it('GIVEN someone else’s reaction WHEN unreact is asked THEN it is refused (the capability says so); the bot’s own is removed', async () => {
    const ref = await w.adapter.post(channel(COMMITTEE), { text: 'vote' });
    await w.adapter.react(ref, '❌');
    w.slack.workspace.addReaction(COMMITTEE, ref.id, 'x', CARL);

    expect(w.adapter.capabilities.removeOthersReactions).toBe(false);
    expect(await failure(w.adapter.unreact(ref, '❌', user(CARL)))).toMatchObject({ code: 'missing_permission' });
    expect(w.slack.reactionsOn(COMMITTEE, ref.id)).toEqual([{ name: 'x', users: [w.slack.bot.userId, CARL] }]);
    await w.adapter.unreact(ref, '❌', user(w.slack.bot.userId));
    expect(w.slack.reactionsOn(COMMITTEE, ref.id)).toEqual([{ name: 'x', users: [CARL] }]);
  });

  it('GIVEN reactions from people and the bot WHEN read back THEN the bot is left out and people carry their names', async () => {
    const ref = await w.adapter.post(channel(COMMITTEE), { text: 'read me' });
    await w.adapter.react(ref, '✅');
    w.slack.workspace.addReaction(COMMITTEE, ref.id, 'white_check_mark', CARL);
    w.slack.workspace.addReaction(COMMITTEE, ref.id, 'x::skin-tone-3', DANA);

    const got = await w.adapter.reactionsOn(ref);

    expect(got.map((r) => [r.user.id, r.user.name, r.emoji])).toEqual([[CARL, 'carl', 'white_check_mark'], [DANA, 'dana', 'x::skin-tone-3']]);
  });

  it('GIVEN a committee as a user group or a channel WHEN its members are listed THEN the bot is not among them and channels are paginated', async () => {
    const group = await w.adapter.membersOf(team, 'S0COMMITTE');
    for (let i = 0; i < 250; i++) w.slack.workspace.addUser({ id: `U0MANY${String(i).padStart(4, '0')}` });
    const many = [...w.slack.workspace.users.keys()].filter((id) => id.startsWith('U0MANY'));
    w.slack.workspace.addChannel({ id: 'C0BIGROOM1', name: 'big', members: many });

    const big = await w.adapter.membersOf(team, 'C0BIGROOM1');

    expect(group.map((u) => u.id)).toEqual([CARL, DANA]);
    expect(big).toHaveLength(250);
    expect(w.slack.calls('conversations.members').filter((c) => c.args.channel === 'C0BIGROOM1')).toHaveLength(2);
    expect(await failure(w.adapter.membersOf(team, 'nonsense'))).toMatchObject({ code: 'not_found' });
  });

  it('GIVEN a burst of votes WHEN committee membership is asked each time THEN the group is read from Slack once', async () => {
    const before = w.slack.calls('usergroups.users.list').length;
    const lists = await Promise.all(Array.from({ length: 50 }, () => w.adapter.membersOf(team, 'S0COMMITTE')));
    expect(lists.every((l) => l.map((u) => u.id).join() === [CARL, DANA].join())).toBe(true);
    expect(w.slack.calls('usergroups.users.list').length - before).toBeLessThanOrEqual(1);
  });

  it('GIVEN an invite WHEN the person is already in the channel THEN it succeeds; a revoke removes them, twice is fine', async () => {
    await w.adapter.grantMembership(user(BOB), AMBASSADORS);
    await w.adapter.grantMembership(user(BOB), `<#${AMBASSADORS}|ambassadors>`);
    expect(w.slack.membersOf(AMBASSADORS)).toContain(BOB);
    await w.adapter.revokeMembership(user(BOB), AMBASSADORS);
    await w.adapter.revokeMembership(user(BOB), AMBASSADORS);
    expect(w.slack.membersOf(AMBASSADORS)).not.toContain(BOB);
  });

  it('GIVEN Slack errors WHEN the port is used THEN each becomes the PlatformError the core acts on, with a fix for staff', async () => {
    w.slack.failNext('conversations.invite', { error: 'not_in_channel' });
    const notIn = await failure(w.adapter.grantMembership(user(ADA), AMBASSADORS));
    w.slack.failNext('conversations.invite', { error: 'missing_scope', extra: { needed: 'groups:write', provided: 'chat:write' } });
    const scope = await failure(w.adapter.grantMembership(user(ADA), AMBASSADORS));
    const hidden = await failure(w.adapter.post(channel('C0NOSUCHONE'), { text: 'x' }));
    w.slack.failNext('chat.postMessage', { status: 429, retryAfter: 2 });
    const limited = await failure(w.adapter.post(channel(LOUNGE), { text: 'x' }));
    w.slack.failNext('conversations.open', { error: 'cannot_dm_bot' });
    const bot = await failure(w.adapter.dm(user('U0OTHERBOT'), { text: 'x' }));
    const gone = await failure(w.adapter.dm(user('U0NOBODY01'), { text: 'x' }));
    w.slack.failNext('chat.update', { error: 'internal_error' });
    const down = await failure(w.adapter.edit({ channel: channel(LOUNGE), id: '1.1' }, { text: 'x' }));

    expect(notIn).toMatchObject({ code: 'missing_permission', fix: `invite me to <#${AMBASSADORS}> with /invite @ambassador` });
    expect(scope).toMatchObject({ code: 'missing_permission', message: expect.stringContaining('groups:write') });
    expect(scope.fix).toContain('add the groups:write bot scope');
    expect(hidden).toMatchObject({ code: 'not_found', fix: expect.stringContaining('invite me to it with /invite @ambassador') });
    expect(limited).toMatchObject({ code: 'rate_limited', retryAfterMs: 2000, retryable: true });
    expect(bot).toMatchObject({ code: 'dm_closed' });
    expect(gone).toMatchObject({ code: 'user_gone' });
    expect(down).toMatchObject({ code: 'unavailable', retryable: true });
    expect([notIn, scope, hidden, limited, bot, gone, down].every((e) => e instanceof PlatformError)).toBe(true);
  });

  it('GIVEN a DM WHEN sent twice THEN the DM channel is opened once and both arrive', async () => {
    const before = w.slack.calls('conversations.open').filter((c) => c.args.users === STAFF).length;
    await w.adapter.dm(user(STAFF), { text: 'one' });
    await w.adapter.dm(user(STAFF), { text: 'two <!everyone>' });

    expect(w.slack.calls('conversations.open').filter((c) => c.args.users === STAFF)).toHaveLength(before + 1);
    expect(w.slack.messagesIn(w.slack.dmWith(STAFF)!).map((m) => m.text)).toEqual(['one', 'two &lt;!everyone&gt;']);
  });
});

describe('Slack adapter: where replies go', { timeout: 20_000 }, () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld();
  }, 30_000);
  afterAll(async () => {
    await w.close();
    await dropTemplate();
  }, 30_000);

  it('GIVEN replies without a response_url WHEN private or public THEN ephemeral or posted in the channel, else a DM', async () => {
    const { ReplySender } = await import('../../../src/platforms/slack/replies.js');
    const dms: string[] = [];
    const sender = new ReplySender(w.adapter.app.client, pino({ level: 'silent' }), [], async (userId, msg) => void dms.push(`${userId}:${msg.text}`));

    await sender.send({ kind: 'message', private: true, message: { text: 'just you' } }, { userId: ADA, channelId: LOUNGE });
    await sender.send({ kind: 'message', private: false, message: { text: 'everyone <!channel>' } }, { userId: ADA, channelId: LOUNGE });
    await sender.send({ kind: 'message', private: true, message: { text: 'nowhere to go' } }, { userId: ADA, channelId: 'C0RANDOM001' });
    await sender.send({ kind: 'form-errors', errors: { q1: 'Needs an answer.' }, message: { text: 'Check these:' } }, { userId: ADA, channelId: LOUNGE });
    await sender.send({ kind: 'form', form: { id: 'f', title: 'T', intro: '', fields: [] } }, { userId: ADA, channelId: LOUNGE });

    expect(w.slack.ephemeralsIn(LOUNGE).map((e) => e.text)).toEqual(['just you', 'Check these:\n• Needs an answer.', 'I need a fresh click to open that form. Please run the command again.']);
    expect(w.slack.messagesIn(LOUNGE).at(-1)?.text).toBe('everyone &lt;!channel&gt;');
    expect(dms).toEqual([`${ADA}:nowhere to go`]);
  });
});
