// Smoke test of the Slack double against the REAL @slack/bolt App: what passes here is what the
// Slack adapter's end-to-end tests can rely on.
import { App, LogLevel, webApi, type AppOptions, type Logger } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { startSlackDouble, type SlackDouble } from './index.js';

const MEMBER = 'U0MEMBER01';
const STAFF = 'U0STAFF001';
const COMMITTEE = 'C0COMMITTEE';
const LOUNGE = 'C0LOUNGE001';
const AMBASSADORS = 'C0AMBASSADR';

/** Bolt and web-api log expected failures (401s, response_metadata messages) loudly; keep them for debugging. */
const logged: string[] = [];
const quietLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: (...msg: unknown[]) => void logged.push(msg.join(' ')),
  error: (...msg: unknown[]) => void logged.push(msg.join(' ')),
  setLevel: () => {},
  getLevel: () => LogLevel.WARN,
  setName: () => {},
};

/** Values pushed by listeners, awaited by the test in arrival order (no sleeps). */
function inbox<T>() {
  const items: T[] = [];
  const waiters: Array<(item: T) => void> = [];
  return {
    push(item: T): void {
      const waiter = waiters.shift();
      if (waiter) waiter(item);
      else items.push(item);
    },
    next(timeoutMs = 2000): Promise<T> {
      const ready = items.shift();
      if (ready !== undefined) return Promise.resolve(ready);
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('listener was not called')), timeoutMs);
        waiters.push((item) => {
          clearTimeout(timer);
          resolve(item);
        });
      });
    },
    get received(): number {
      return items.length;
    },
  };
}

describe('Slack double driven by the real Bolt App', () => {
  let slack: SlackDouble | undefined;
  let app: App | undefined;

  afterEach(async () => {
    await app?.stop();
    await slack?.close();
    app = undefined;
    slack = undefined;
  });

  async function start(clientOptions: AppOptions['clientOptions'] = {}): Promise<{ slack: SlackDouble; app: App }> {
    slack = await startSlackDouble({
      users: [
        { id: MEMBER, name: 'ada' },
        { id: STAFF, name: 'grace', isAdmin: true },
        { id: 'U0GONE0001', name: 'left', deleted: true },
      ],
      channels: [
        { id: LOUNGE, name: 'lounge', members: [MEMBER, STAFF] },
        { id: COMMITTEE, name: 'committee', isPrivate: true, members: [STAFF] },
        { id: AMBASSADORS, name: 'ambassadors', isPrivate: true, members: [], botIsMember: false },
      ],
      usergroups: [{ id: 'S0STAFF001', handle: 'staff', users: [STAFF] }],
    });
    app = new App({
      token: slack.botToken,
      signingSecret: slack.signingSecret,
      logger: quietLogger,
      clientOptions: { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 }, ...clientOptions },
    });
    slack.attachApp(await app.start({ port: 0, host: '127.0.0.1' }));
    return { slack, app };
  }

  it('GIVEN a member WHEN they run /ambassador apply THEN the ack is the HTTP response and the modal lands in the double', async () => {
    const { slack, app } = await start();
    const commands = inbox<string>();
    app.command('/ambassador', async ({ command, ack, client }) => {
      commands.push(command.text);
      await ack({ response_type: 'ephemeral', text: 'Opening the form…' });
      await client.views.open({
        trigger_id: command.trigger_id,
        view: {
          type: 'modal',
          callback_id: 'apply',
          private_metadata: 'program-1',
          title: { type: 'plain_text', text: 'Apply' },
          submit: { type: 'plain_text', text: 'Send' },
          blocks: [
            { type: 'input', block_id: 'why', label: { type: 'plain_text', text: 'Why?' }, element: { type: 'plain_text_input', action_id: 'why_input' } },
          ],
        },
      });
    });

    const res = await slack.slashCommand({ user_id: MEMBER, channel_id: LOUNGE, text: 'apply' });

    expect(res.status).toBe(200);
    expect(res.json).toEqual({ response_type: 'ephemeral', text: 'Opening the form…' });
    expect(await commands.next()).toBe('apply');
    const open = await slack.waitFor('views.open');
    expect(open.response).toMatchObject({ ok: true, view: { callback_id: 'apply', private_metadata: 'program-1', type: 'modal' } });
    expect(open.args).toMatchObject({ trigger_id: res.trigger_id, view: { callback_id: 'apply' } });
    expect(slack.views()[0]?.user).toBe(MEMBER);
    expect(slack.unknownCalls()).toEqual([]);
  });

  it('GIVEN an opened modal WHEN it is submitted with a bad answer THEN app.view sees the values and its errors ack is the HTTP body', async () => {
    const { slack, app } = await start();
    const submitted = inbox<{ metadata: string; why: string | null | undefined; user: string }>();
    app.view('apply', async ({ ack, view, body }) => {
      submitted.push({ metadata: view.private_metadata, why: view.state.values.why?.why_input?.value, user: body.user.id });
      await ack({ response_action: 'errors', errors: { why: 'Tell us a bit more (20 characters at least).' } });
    });
    const trigger = slack.issueTrigger(MEMBER);
    const opened = await app.client.views.open({
      trigger_id: trigger,
      view: {
        type: 'modal',
        callback_id: 'apply',
        private_metadata: 'program-1',
        title: { type: 'plain_text', text: 'Apply' },
        submit: { type: 'plain_text', text: 'Send' },
        blocks: [{ type: 'input', block_id: 'why', label: { type: 'plain_text', text: 'Why?' }, element: { type: 'plain_text_input', action_id: 'why_input' } }],
      },
    });

    const res = await slack.viewSubmission({ view_id: opened.view?.id, user: MEMBER, inputs: { why: 'fun' } });

    expect(res.status).toBe(200);
    expect(res.json).toEqual({ response_action: 'errors', errors: { why: 'Tell us a bit more (20 characters at least).' } });
    expect(await submitted.next()).toEqual({ metadata: 'program-1', why: 'fun', user: MEMBER });
  });

  it('GIVEN a used or unknown trigger WHEN views.open is called THEN Slack refuses it', async () => {
    const { slack, app } = await start();
    const trigger = slack.issueTrigger(MEMBER);
    const view = { type: 'modal' as const, title: { type: 'plain_text' as const, text: 'Hi' }, blocks: [] };
    await app.client.views.open({ trigger_id: trigger, view });

    await expect(app.client.views.open({ trigger_id: trigger, view })).rejects.toMatchObject({ data: { error: 'exchanged_trigger_id' } });
    await expect(app.client.views.open({ trigger_id: '1.2.made-up', view })).rejects.toMatchObject({ data: { error: 'invalid_arguments' } });
    await expect(
      app.client.views.open({ trigger_id: slack.issueTrigger(MEMBER), view: { ...view, title: { type: 'plain_text', text: 'A title far longer than Slack allows' } } }),
    ).rejects.toMatchObject({ data: { error: 'invalid_arguments', response_metadata: { messages: [expect.stringContaining('/view/title/text')] } } });
  });

  it('GIVEN a bot message WHEN a human reacts and Slack retries the delivery THEN app.event sees both, the retry carrying retryNum', async () => {
    const { slack, app } = await start();
    const seen = inbox<{ reaction: string; retryNum: number | undefined; retryReason: string | undefined }>();
    app.event('reaction_added', async ({ event, context }) => {
      seen.push({ reaction: event.reaction, retryNum: context.retryNum, retryReason: context.retryReason });
    });
    const posted = await app.client.chat.postMessage({ channel: COMMITTEE, text: 'Application #1' });
    const reaction = { type: 'reaction_added', user: STAFF, reaction: 'white_check_mark', item: { type: 'message', channel: COMMITTEE, ts: posted.ts } };

    const first = await slack.event(reaction);
    const retry = await slack.event(reaction, { eventId: first.eventId, retryNum: 1, retryReason: 'http_timeout' });

    expect([first.status, retry.status]).toEqual([200, 200]);
    expect(await seen.next()).toEqual({ reaction: 'white_check_mark', retryNum: undefined, retryReason: undefined });
    expect(await seen.next()).toEqual({ reaction: 'white_check_mark', retryNum: 1, retryReason: 'http_timeout' });
    expect(slack.reactionsOn(COMMITTEE, posted.ts ?? '')).toEqual([{ name: 'white_check_mark', users: [STAFF] }]);
  });

  it('GIVEN requests not from Slack WHEN unsigned, wrongly signed or stale THEN Bolt answers 401 and no listener runs', async () => {
    const { slack, app } = await start();
    const commands = inbox<string>();
    app.command('/ambassador', async ({ command, ack }) => {
      commands.push(command.text);
      await ack();
    });
    const command = { user_id: MEMBER, channel_id: LOUNGE, text: 'status' };

    expect((await slack.slashCommand(command, { unsigned: true })).status).toBe(401);
    expect((await slack.slashCommand(command, { badSignature: true })).status).toBe(401);
    expect((await slack.slashCommand(command, { stale: true })).status).toBe(401);
    expect((await slack.event({ type: 'reaction_added', user: MEMBER, reaction: 'x', item: { type: 'message', channel: LOUNGE, ts: '1.000001' } }, { unsigned: true })).status).toBe(401);
    expect(commands.received).toBe(0);
    expect((await slack.slashCommand(command)).status).toBe(200);
    expect(await commands.next()).toBe('status');
  });

  it('GIVEN a posted message WHEN the bot and a human react THEN the calls are recorded and reactions.get reports both', async () => {
    const { slack, app } = await start();
    const posted = await app.client.chat.postMessage({ channel: COMMITTEE, text: 'Application #2' });
    await app.client.reactions.add({ channel: COMMITTEE, timestamp: posted.ts ?? '', name: 'white_check_mark' });
    await slack.event({ type: 'reaction_added', user: STAFF, reaction: 'x', item: { type: 'message', channel: COMMITTEE, ts: posted.ts } });

    const got = await app.client.reactions.get({ channel: COMMITTEE, timestamp: posted.ts ?? '', full: true });

    expect(posted).toMatchObject({ ok: true, channel: COMMITTEE, message: { text: 'Application #2', user: slack.bot.userId, bot_id: slack.bot.botId } });
    expect(slack.calls('chat.postMessage')).toHaveLength(1);
    expect(slack.calls('reactions.add')[0]?.args).toMatchObject({ channel: COMMITTEE, timestamp: posted.ts, name: 'white_check_mark' });
    expect(got.message?.reactions).toEqual([
      { name: 'white_check_mark', users: [slack.bot.userId], count: 1 },
      { name: 'x', users: [STAFF], count: 1 },
    ]);
    expect(slack.messagesIn(COMMITTEE).map((m) => m.text)).toEqual(['Application #2']);
    await expect(app.client.reactions.add({ channel: COMMITTEE, timestamp: posted.ts ?? '', name: 'white_check_mark' })).rejects.toMatchObject({
      data: { error: 'already_reacted' },
    });
    await expect(app.client.reactions.remove({ channel: COMMITTEE, timestamp: posted.ts ?? '', name: 'x' })).rejects.toMatchObject({ data: { error: 'no_reaction' } });
  });

  it('GIVEN an injected not_in_channel WHEN the app invites someone THEN it surfaces as a platform error, and the next call succeeds', async () => {
    const { slack, app } = await start();
    slack.failNext('conversations.invite', { error: 'not_in_channel' });

    const error: unknown = await app.client.conversations.invite({ channel: COMMITTEE, users: MEMBER }).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: webApi.ErrorCode.PlatformError, data: { ok: false, error: 'not_in_channel' } });
    expect(slack.calls('conversations.invite')[0]).toMatchObject({ injected: true, args: { channel: COMMITTEE, users: MEMBER } });
    await app.client.conversations.invite({ channel: COMMITTEE, users: MEMBER });
    expect(slack.membersOf(COMMITTEE)).toContain(MEMBER);
    // Without injection the workspace answers for itself: the bot is not in #ambassadors.
    await expect(app.client.conversations.invite({ channel: AMBASSADORS, users: MEMBER })).rejects.toMatchObject({ data: { error: 'channel_not_found' } });
    await expect(app.client.conversations.invite({ channel: COMMITTEE, users: slack.bot.userId })).rejects.toMatchObject({ data: { error: 'cant_invite_self' } });
  });

  it('GIVEN rejectRateLimitedCalls WHEN Slack answers 429 with Retry-After 1 THEN the app gets a rate-limited error with retryAfter', async () => {
    const { slack, app } = await start({ rejectRateLimitedCalls: true });
    slack.failNext('chat.postMessage', { status: 429, retryAfter: 1 });

    const error: unknown = await app.client.chat.postMessage({ channel: LOUNGE, text: 'hello' }).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: webApi.ErrorCode.RateLimitedError, retryAfter: 1 });
    expect(slack.calls('chat.postMessage')[0]).toMatchObject({ status: 429, injected: true });
    expect(slack.messagesIn(LOUNGE)).toEqual([]);
    await app.client.chat.postMessage({ channel: LOUNGE, text: 'hello' });
    expect(slack.messagesIn(LOUNGE)).toHaveLength(1);
  });

  it('GIVEN a seeded workspace WHEN the app looks people and channels up THEN it gets Slack-shaped answers', async () => {
    const { slack, app } = await start();

    const staff = await app.client.users.info({ user: STAFF });
    const gone = await app.client.users.info({ user: 'U0GONE0001' });
    const dm = await app.client.conversations.open({ users: MEMBER });
    const again = await app.client.conversations.open({ users: MEMBER });
    await app.client.chat.postMessage({ channel: dm.channel?.id ?? '', text: 'Your application is in.' });
    const page1 = await app.client.conversations.members({ channel: LOUNGE, limit: 2 });
    const page2 = await app.client.conversations.members({ channel: LOUNGE, limit: 2, cursor: page1.response_metadata?.next_cursor });
    const group = await app.client.usergroups.users.list({ usergroup: 'S0STAFF001' });
    const info = await app.client.conversations.info({ channel: COMMITTEE });
    await app.client.conversations.kick({ channel: COMMITTEE, user: STAFF });
    const unknown: unknown = await app.client.apiCall('admin.nonsense.do').catch((e: unknown) => e);

    expect(staff.user).toMatchObject({ id: STAFF, is_admin: true, is_owner: false, deleted: false, is_bot: false });
    expect(gone.user?.deleted).toBe(true);
    expect(dm.channel?.id).toMatch(/^D/);
    expect(again).toMatchObject({ no_op: true, already_open: true, channel: { id: dm.channel?.id } });
    expect(slack.dmWith(MEMBER)).toBe(dm.channel?.id);
    expect(slack.messagesIn(dm.channel?.id ?? '')[0]?.text).toBe('Your application is in.');
    expect([...(page1.members ?? []), ...(page2.members ?? [])].sort()).toEqual([MEMBER, STAFF, slack.bot.userId].sort());
    expect(page2.response_metadata?.next_cursor).toBe('');
    expect(group.users).toEqual([STAFF]);
    expect(info.channel).toMatchObject({ id: COMMITTEE, is_private: true, is_member: true });
    expect(slack.membersOf(COMMITTEE)).not.toContain(STAFF);
    expect(unknown).toMatchObject({ data: { error: 'unknown_method' } });
    expect(slack.unknownCalls().map((c) => c.method)).toEqual(['admin.nonsense.do']);
  });

  it('GIVEN a button on a bot message WHEN clicked THEN app.action gets it and can open a modal with its trigger', async () => {
    const { slack, app } = await start();
    const posted = await app.client.chat.postMessage({ channel: LOUNGE, text: 'Join us', blocks: [{ type: 'actions', elements: [{ type: 'button', action_id: 'join', text: { type: 'plain_text', text: 'Join' } }] }] });
    const clicks = inbox<string>();
    app.action('join', async ({ ack, body, client }) => {
      await ack();
      clicks.push(body.user.id);
      if (body.type === 'block_actions') {
        await client.views.open({ trigger_id: body.trigger_id, view: { type: 'modal', title: { type: 'plain_text', text: 'Join' }, blocks: [] } });
      }
    });

    const res = await slack.blockAction({ user: MEMBER, action_id: 'join', value: 'program-1', channel: LOUNGE, message_ts: posted.ts });

    expect(res.status).toBe(200);
    expect(await clicks.next()).toBe(MEMBER);
    expect((await slack.waitFor((c) => c.method === 'views.open' && c.response.ok === true)).status).toBe(200);
    await slack.waitUntil(() => slack.views().length === 1);
  });
  it('GIVEN filesUploadV2 WHEN the app uploads a PNG to a channel and a CSV to a thread THEN the three steps are served by the double, which keeps the bytes', async () => {
    const { slack, app } = await start();
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7) % 256))]);
    const posted = await app.client.chat.postMessage({ channel: LOUNGE, text: 'This week' });

    const res = await app.client.filesUploadV2({ channel_id: LOUNGE, file: png, filename: 'board.png', title: 'The board' });
    const csv = await app.client.filesUploadV2({ channel_id: LOUNGE, thread_ts: posted.ts ?? '', content: 'a,b\n1,2\n', filename: 'export.csv', initial_comment: 'Here is the export' });

    expect(slack.calls().map((c) => c.method)).toEqual(['auth.test', 'chat.postMessage', 'files.getUploadURLExternal', 'file_upload', 'files.completeUploadExternal', 'files.getUploadURLExternal', 'file_upload', 'files.completeUploadExternal']);
    const origin = new URL(slack.apiUrl).origin;
    expect(slack.calls('files.getUploadURLExternal')[0]).toMatchObject({ args: { filename: 'board.png', length: String(png.length) }, response: { ok: true, upload_url: expect.stringMatching(new RegExp(`^${origin}/upload/v1/`)), file_id: expect.stringMatching(/^F/) } });
    expect(slack.calls('file_upload')[0]).toMatchObject({ status: 200, response: { body: `OK - ${png.length}` }, args: { bytes: png.length, content_type: expect.stringMatching(/^multipart\/form-data; boundary=/) } });
    const [board, exported] = slack.files(LOUNGE);
    expect(board!.bytes.equals(png)).toBe(true);
    expect(board).toMatchObject({ name: 'board.png', title: 'The board', channel: LOUNGE, completed: true });
    expect(exported).toMatchObject({ name: 'export.csv', title: 'export.csv', channel: LOUNGE, thread_ts: posted.ts, initial_comment: 'Here is the export' });
    expect(exported!.bytes.toString('utf8')).toBe('a,b\n1,2\n');
    // files.completeUploadExternal answers with file objects; Slack shares asynchronously, so no channels yet.
    expect(res).toMatchObject({ ok: true, files: [{ ok: true, files: [{ id: board!.id, name: 'board.png', title: 'The board', mimetype: 'image/png', filetype: 'png', size: png.length, channels: [], shares: {} }] }] });
    expect(csv).toMatchObject({ ok: true, files: [{ files: [{ id: exported!.id, mimetype: 'text/csv' }] }] });
    expect(slack.messagesIn(LOUNGE).map((m) => [m.text, m.files ?? [], m.thread_ts])).toEqual([
      ['This week', [], undefined],
      ['', [board!.id], undefined],
      ['Here is the export', [exported!.id], posted.ts],
    ]);
  });

  it('GIVEN the upload flow driven by hand WHEN bytes come raw, short, twice or never, or the channel is wrong THEN the double answers like Slack', async () => {
    const { slack, app } = await start();
    slack.workspace.addChannel({ id: 'C0PUBLIC01', name: 'public', members: [MEMBER], botIsMember: false });
    const post = (url: string, bytes: number[]) => fetch(url, { method: 'POST', body: new Uint8Array(bytes) });

    const first = await app.client.files.getUploadURLExternal({ filename: 'a.png', length: 4 });
    const short = await post(first.upload_url!, [1, 2, 3]);
    const raw = await post(first.upload_url!, [1, 2, 3, 4]);
    const twice = await post(first.upload_url!, [1, 2, 3, 4]);
    const second = await app.client.files.getUploadURLExternal({ filename: 'b.png', length: 2 });
    const errorOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: { data?: { error?: string } }) => e.data?.error);

    expect([short.status, raw.status, await raw.text(), twice.status]).toEqual([400, 200, 'OK - 4', 400]);
    expect(await errorOf(app.client.files.completeUploadExternal({ files: [{ id: second.file_id! }], channel_id: LOUNGE }))).toBe('file_not_found'); // never uploaded
    expect(await errorOf(app.client.files.completeUploadExternal({ files: [{ id: 'F0NOSUCH01' }], channel_id: LOUNGE }))).toBe('file_not_found');
    expect(await errorOf(app.client.files.completeUploadExternal({ files: [{ id: first.file_id! }], channel_id: 'C0PUBLIC01' }))).toBe('not_in_channel');
    expect(await errorOf(app.client.files.completeUploadExternal({ files: [{ id: first.file_id! }], channel_id: AMBASSADORS }))).toBe('channel_not_found');
    expect(await errorOf(app.client.apiCall('files.getUploadURLExternal', { filename: 'c.png' }))).toBe('invalid_arguments');
    // Without a channel the file is completed but stays private; a second completion finds nothing.
    await app.client.files.completeUploadExternal({ files: [{ id: first.file_id!, title: 'Private' }] });
    expect(await errorOf(app.client.files.completeUploadExternal({ files: [{ id: first.file_id! }], channel_id: LOUNGE }))).toBe('file_not_found');
    expect(slack.files()).toEqual([expect.objectContaining({ id: first.file_id, title: 'Private', channel: undefined, bytes: Buffer.from([1, 2, 3, 4]) })]);
    expect(slack.uploads().map((f) => f.name)).toEqual(['a.png']);
    expect(slack.messagesIn(LOUNGE)).toEqual([]);
    // An injected failure of the byte upload: filesUploadV2 rejects, nothing is completed.
    slack.failNext('file_upload', { status: 503 });
    await expect(app.client.filesUploadV2({ channel_id: LOUNGE, file: Buffer.from([9, 9]), filename: 'c.png' })).rejects.toThrow();
    expect(slack.calls('files.completeUploadExternal').filter((c) => c.response.ok)).toHaveLength(1);
    expect(slack.files(LOUNGE)).toEqual([]);
  });

  it('GIVEN an app in Socket Mode WHEN a command, a form and an event arrive on the socket THEN Bolt gets them and its acks come back', async () => {
    slack = await startSlackDouble({ users: [{ id: MEMBER, name: 'ada' }], channels: [{ id: LOUNGE, name: 'lounge', members: [MEMBER] }] });
    app = new App({
      token: slack.botToken,
      appToken: slack.appToken,
      socketMode: true,
      logger: quietLogger,
      clientOptions: { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } },
    });
    const seen = inbox<string>();
    app.command('/ambassador', async ({ command, ack }) => {
      await ack();
      seen.push(`command:${command.text}`);
    });
    app.view('apply', async ({ ack }) => {
      await ack({ response_action: 'errors', errors: { why: 'More, please.' } });
    });
    app.event('reaction_added', async ({ event }) => {
      seen.push(`event:${event.reaction}`);
    });
    await app.start();

    const command = await slack.socket.slashCommand({ user_id: MEMBER, channel_id: LOUNGE, text: 'apply' });
    const view = await slack.socket.viewSubmission({ user: MEMBER, callback_id: 'apply', inputs: { why: 'x' } });
    const event = await slack.socket.event({ type: 'reaction_added', user: MEMBER, reaction: 'x', item: { type: 'message', channel: LOUNGE, ts: '1.000001' } });

    expect(slack.socket.connections()).toBe(1);
    expect(slack.calls('apps.connections.open')[0]).toMatchObject({ token: slack.appToken, response: { ok: true } });
    expect(command.ack).toEqual({});
    expect(view.ack).toEqual({ response_action: 'errors', errors: { why: 'More, please.' } });
    expect(event.ack).toEqual({});
    expect([await seen.next(), await seen.next()]).toEqual(['command:apply', 'event:x']);
  });
});
