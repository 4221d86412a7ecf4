// The Slack double's message metadata, conversations.history and late answers, through the real
// web-api WebClient: what the adapter's "find my earlier post by its key" relies on.
import { LogLevel, webApi, type Logger } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { startSlackDouble, type SlackDouble } from './index.js';

const LOUNGE = 'C0LOUNGE001';
const OUTSIDE = 'C0OUTSIDE01';
const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => LogLevel.ERROR, setName() {} };

describe('Slack double: metadata, history and late answers', () => {
  let slack: SlackDouble | undefined;
  afterEach(async () => {
    await slack?.close();
    slack = undefined;
  });

  async function start(options: ConstructorParameters<typeof webApi.WebClient>[1] = {}) {
    slack = await startSlackDouble({
      users: [{ id: 'U0ADA00001', name: 'ada' }],
      channels: [{ id: LOUNGE, name: 'lounge', members: ['U0ADA00001'] }, { id: OUTSIDE, name: 'outside', botIsMember: false }],
    });
    const client = new webApi.WebClient(slack.botToken, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 }, logger: silent, ...options });
    return { slack, client };
  }

  it('GIVEN a post with metadata WHEN history is read THEN the metadata comes back only with include_all_metadata, newest first', async () => {
    const { slack, client } = await start();
    const metadata = { event_type: 'ambassador_post', event_payload: { key: 'outbox:7' } };
    const posted = await client.chat.postMessage({ channel: LOUNGE, text: 'with key', metadata });
    slack.workspace.addMessage(LOUNGE, { user: 'U0ADA00001', text: 'a human reply' });

    expect(posted.message?.metadata).toEqual(metadata);
    const plain = await client.conversations.history({ channel: LOUNGE });
    expect(plain.messages?.map((m) => [m.text, m.metadata])).toEqual([['a human reply', undefined], ['with key', undefined]]);
    const all = await client.conversations.history({ channel: LOUNGE, include_all_metadata: true });
    expect(all.messages?.map((m) => m.metadata)).toEqual([undefined, metadata]);
    expect(all.messages?.[1]).toMatchObject({ ts: posted.ts, user: slack.bot.userId, bot_id: slack.bot.botId });
    expect(slack.messagesIn(LOUNGE)[0]!.metadata).toEqual(metadata);
  });

  it('GIVEN malformed metadata WHEN posting THEN Slack says invalid_metadata_format and nothing is posted', async () => {
    const { slack, client } = await start();
    const bad = client.chat.postMessage({ channel: LOUNGE, text: 'x', metadata: { event_type: 'has spaces', event_payload: {} } });
    await expect(bad).rejects.toMatchObject({ data: { ok: false, error: 'invalid_metadata_format' } });
    expect(slack.messagesIn(LOUNGE)).toEqual([]);
  });

  it('GIVEN many messages WHEN history is read with oldest, limit and cursor THEN it pages newest first within the window', async () => {
    const { slack, client } = await start();
    const ts = ['1700000000.000001', '1700000000.000002', '1700000100.000001', '1700000200.000001'];
    for (const [i, t] of ts.entries()) slack.workspace.addMessage(LOUNGE, { user: 'U0ADA00001', text: `m${i}`, ts: t });
    slack.workspace.addMessage(LOUNGE, { user: 'U0ADA00001', text: 'in a thread', ts: '1700000300.000001', thread_ts: ts[3] });

    const first = await client.conversations.history({ channel: LOUNGE, oldest: ts[0], limit: 2 });
    expect(first.messages?.map((m) => m.text)).toEqual(['m3', 'm2']);
    expect(first.has_more).toBe(true);
    const second = await client.conversations.history({ channel: LOUNGE, oldest: ts[0], limit: 2, cursor: first.response_metadata?.next_cursor });
    expect(second.messages?.map((m) => m.text)).toEqual(['m1']); // oldest itself is left out unless inclusive
    expect(second.has_more).toBe(false);
    const inclusive = await client.conversations.history({ channel: LOUNGE, oldest: ts[0], latest: ts[1], inclusive: true });
    expect(inclusive.messages?.map((m) => m.text)).toEqual(['m1', 'm0']);
  });

  it('GIVEN a public channel the bot never joined WHEN it reads history THEN Slack says not_in_channel', async () => {
    const { client } = await start();
    await expect(client.conversations.history({ channel: OUTSIDE })).rejects.toMatchObject({ data: { error: 'not_in_channel' } });
  });

  it('GIVEN delayNext WHEN a post is answered after the client gave up THEN the message exists and the call shows the delay', async () => {
    const { slack, client } = await start({ timeout: 200 });
    slack.delayNext('chat.postMessage', 1000);

    await expect(client.chat.postMessage({ channel: LOUNGE, text: 'late' })).rejects.toThrow();
    expect(slack.messagesIn(LOUNGE).map((m) => m.text)).toEqual(['late']);
    expect(slack.calls('chat.postMessage').map((c) => c.delayedMs)).toEqual([1000]);
  });

  it('GIVEN failNext with skip WHEN the method is called three times THEN only the second fails', async () => {
    const { slack, client } = await start({ rejectRateLimitedCalls: true });
    const ts = (await client.chat.postMessage({ channel: LOUNGE, text: 'vote' })).ts!;
    slack.failNext('reactions.add', { skip: 1, error: 'ratelimited', status: 429, retryAfter: 1 });
    const results = [];
    for (const name of ['white_check_mark', 'x', 'thinking_face']) {
      results.push(await client.reactions.add({ channel: LOUNGE, timestamp: ts, name }).then(() => 'ok', (e: { code?: string }) => e.code));
    }
    expect(results).toEqual(['ok', 'slack_webapi_rate_limited_error', 'ok']);
  });
});
