// Images on Slack (the weekly leaderboard card): the message goes out as before, then the PNG follows
// as a file in the same conversation through Slack's upload flow (files.getUploadURLExternal, a POST
// of the bytes to the URL it returns, files.completeUploadExternal), all against the double.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformError, type ChannelRef, type OutboundMessage, type UserRef } from '../../../src/core/ports/chat-platform.js';
import { renderMessage } from '../../../src/platforms/slack/blocks.js';
import { renderLeaderboardCard } from '../../../src/render/leaderboard-card.js';
import { ADA, COMMITTEE, LOUNGE, dropTemplate, lastPostIn, setUpProgram, startWorld, type World } from './harness.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const UPLOAD_FLOW = ['chat.postMessage', 'files.getUploadURLExternal', 'file_upload', 'files.completeUploadExternal'];

describe('Slack adapter: images', { timeout: 30_000 }, () => {
  let w: World;
  let team: string;
  let png: Uint8Array;
  const channel = (id: string): ChannelRef => ({ platform: 'slack', workspaceId: team, id });
  const user = (id: string): UserRef => ({ platform: 'slack', workspaceId: team, id, isBot: false });
  const failure = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a PlatformError'); }, (e: unknown) => e as PlatformError);
  const board = (week: string): OutboundMessage => ({
    title: 'Campus Crew — weekly leaderboard',
    text: `**Week ${week}** (UTC) — top 10\n1. ada — 30 pts\n2. bob — 20 pts`,
    footer: 'Ties share a rank',
    tone: 'info',
    image: { png, name: `leaderboard-${week}.png`, alt: `Campus Crew leaderboard, week ${week}: 1. ada 30 pts; 2. bob 20 pts` },
  });
  /** The methods called since `from`, Slack's upload flow among them ('file_upload' = the bytes). */
  const methodsSince = (from: number) => w.slack.calls().slice(from).map((c) => c.method);

  beforeAll(async () => {
    w = await startWorld();
    team = w.slack.team.id;
    png = (await renderLeaderboardCard({ programName: 'Campus Crew', periodLabel: 'Week of 2 March 2026', rows: [{ rank: 1, name: 'ada', points: 30 }, { rank: 2, name: 'bob', points: 20, change: 'new' }] })).png;
  }, 60_000);
  afterAll(async () => {
    await w.close();
    await dropTemplate();
  }, 30_000);

  it('GIVEN the weekly board queued in the outbox WHEN the dispatcher posts it THEN the message goes out unchanged and the PNG follows in the same channel, byte for byte', async () => {
    const msg = board('2026-W10');
    const from = w.slack.calls().length;
    await w.app.core.deps.store.outbox.enqueue({ kind: 'post', platform: 'slack', workspaceId: team, channelId: LOUNGE, message: msg });

    await w.settle();

    // An outbox post first looks for its earlier copy (by its key), then posts with the key as metadata.
    expect(methodsSince(from)).toEqual(['conversations.history', ...UPLOAD_FLOW]);
    expect(w.slack.calls('chat.postMessage').at(-1)?.args.metadata).toEqual({ event_type: 'ambassador_post', event_payload: { key: expect.stringMatching(/^outbox:\d+$/) } });
    const [posted, share] = w.slack.messagesIn(LOUNGE).slice(-2);
    expect(posted?.blocks).toEqual(renderMessage(msg).blocks);
    expect(posted?.text).toBe(renderMessage(msg).text);
    const files = w.slack.files(LOUNGE);
    expect(files).toHaveLength(1);
    const [file] = files;
    expect(file!.bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(file!.bytes.length).toBe(png.byteLength);
    expect(file!.bytes.equals(Buffer.from(png))).toBe(true);
    expect(file).toMatchObject({ name: 'leaderboard-2026-W10.png', title: msg.image!.alt, channel: LOUNGE, completed: true });
    expect(share).toMatchObject({ user: w.slack.bot.userId, text: '', files: [file!.id] });
    // The calls in Slack's shapes: the declared length, the title, the channel; and the upload went to the double.
    const url = w.slack.calls('files.getUploadURLExternal').at(-1)!;
    expect(url.args).toMatchObject({ filename: 'leaderboard-2026-W10.png', length: String(png.byteLength) });
    expect(url.response).toMatchObject({ ok: true, file_id: file!.id, upload_url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/upload\/v1\//) });
    expect(w.slack.calls('file_upload').at(-1)).toMatchObject({ status: 200, args: { file_id: file!.id } });
    const complete = w.slack.calls('files.completeUploadExternal').at(-1)!;
    expect(complete.args).toMatchObject({ channel_id: LOUNGE, files: [{ id: file!.id, title: msg.image!.alt }] });
    expect(complete.response).toMatchObject({ ok: true, files: [{ id: file!.id, name: 'leaderboard-2026-W10.png', mimetype: 'image/png', size: png.byteLength }] });
    expect(w.slack.unknownCalls()).toEqual([]);
  });

  it('GIVEN a direct message with an image WHEN sent THEN the image is uploaded to the DM channel after the text', async () => {
    const from = w.slack.calls().length;

    await w.adapter.dm(user(ADA), { text: 'Your card for this week', image: { png, name: 'my-card.png', alt: 'Your standing: 1st, 30 pts' } });

    const dm = w.slack.dmWith(ADA)!;
    expect(dm).toMatch(/^D/);
    expect(methodsSince(from)).toEqual(['conversations.open', ...UPLOAD_FLOW]);
    expect(w.slack.calls('files.completeUploadExternal').at(-1)?.args).toMatchObject({ channel_id: dm });
    const [file] = w.slack.files(dm);
    expect(file).toMatchObject({ name: 'my-card.png', title: 'Your standing: 1st, 30 pts', channel: dm });
    expect(file!.bytes.equals(Buffer.from(png))).toBe(true);
    expect(w.slack.messagesIn(dm).map((m) => [m.text, m.files ?? []])).toEqual([['Your card for this week', []], ['', [file!.id]]]);
  });

  it('GIVEN completeUploadExternal answers not_in_channel WHEN posting THEN a PlatformError with the fix, the text stays posted, and a retry uploads only the image', async () => {
    const msg = board('2026-W11');
    w.slack.failNext('files.completeUploadExternal', { error: 'not_in_channel' });
    const before = w.slack.messagesIn(LOUNGE).length;

    const err = await failure(w.adapter.post(channel(LOUNGE), msg));

    expect(err).toBeInstanceOf(PlatformError);
    expect(err).toMatchObject({ code: 'missing_permission', retryable: false, fix: `invite me to <#${LOUNGE}> with /invite @ambassador` });
    expect(err.message).toContain(`I'm not a member of <#${LOUNGE}>, so I can't share the image “leaderboard-2026-W11.png”`);
    expect(err.message).toContain('the message itself was posted, without the image');
    const posted = w.slack.messagesIn(LOUNGE).slice(before);
    expect(posted.map((m) => m.blocks)).toEqual([renderMessage(msg).blocks]);
    expect(w.slack.files(LOUNGE).map((f) => f.name)).not.toContain('leaderboard-2026-W11.png');
    expect(w.slack.uploads().find((f) => f.name === 'leaderboard-2026-W11.png')).toMatchObject({ completed: false, channel: undefined });

    // The same post again (a retry): the text is not posted twice, the image follows it.
    const from = w.slack.calls().length;
    const ref = await w.adapter.post(channel(LOUNGE), msg);

    expect(ref.id).toBe(posted[0]!.ts);
    expect(methodsSince(from)).toEqual(UPLOAD_FLOW.slice(1));
    expect(w.slack.files(LOUNGE).filter((f) => f.name === 'leaderboard-2026-W11.png')).toHaveLength(1);
    expect(w.slack.messagesIn(LOUNGE).slice(before).map((m) => (m.files ? 'file' : m.text))).toEqual([posted[0]!.text, 'file']);
  });

  it('GIVEN other upload failures WHEN posting THEN each maps like any Slack error: rate limits, a failed byte upload, uploads turned off', async () => {
    w.slack.failNext('files.getUploadURLExternal', { status: 429, retryAfter: 2 });
    const limited = await failure(w.adapter.post(channel(LOUNGE), board('2026-W12')));
    // web-api retries a failed HTTP request twice (the adapter's retryConfig), so fail all three.
    w.slack.failNext('file_upload', { status: 500, times: 3 });
    const uploadsBefore = w.slack.calls('file_upload').length;
    const broken = await failure(w.adapter.post(channel(LOUNGE), board('2026-W13')));
    const brokenUploads = w.slack.calls('file_upload').slice(uploadsBefore);
    w.slack.failNext('files.getUploadURLExternal', { error: 'file_uploads_disabled' });
    const off = await failure(w.adapter.dm(user(ADA), { text: 'card', image: { png, name: 'x.png', alt: 'x' } }));
    w.slack.failNext('files.completeUploadExternal', { error: 'missing_scope', extra: { needed: 'files:write', provided: 'chat:write' } });
    const scope = await failure(w.adapter.post(channel(LOUNGE), board('2026-W14')));

    expect(limited).toMatchObject({ code: 'rate_limited', retryAfterMs: 2000, retryable: true });
    expect(broken).toMatchObject({ code: 'unavailable', retryable: true });
    expect(brokenUploads.map((c) => [c.status, c.injected])).toEqual([[500, true], [500, true], [500, true]]);
    expect(off).toMatchObject({ code: 'missing_permission', fix: expect.stringContaining('allow file uploads') });
    expect(scope).toMatchObject({ code: 'missing_permission', message: expect.stringContaining('files:write') });
    expect(scope.fix).toContain('add the files:write bot scope');
    for (const e of [limited, broken, off, scope]) {
      expect(e).toBeInstanceOf(PlatformError);
      expect(e.message).toContain('the message itself was posted, without the image');
    }
    // Every text went out once; none of these images did.
    const texts = w.slack.messagesIn(LOUNGE).map((m) => m.text);
    for (const week of ['2026-W12', '2026-W13', '2026-W14']) expect(texts.filter((t) => t.includes(`Week ${week}`))).toHaveLength(1);
    expect(w.slack.files().map((f) => f.name).filter((n) => /W1[234]|x\.png/.test(n))).toEqual([]);
  });

  it('GIVEN a program’s board whose image cannot be shared WHEN the dispatcher posts it THEN staff are told what to fix and the board text is posted once', async () => {
    await setUpProgram(w);
    const [program] = await w.app.core.deps.store.programs.inWorkspace('slack', team);
    w.slack.failNext('files.completeUploadExternal', { error: 'not_in_channel' });

    await w.app.core.deps.store.outbox.enqueue({ kind: 'post', programId: program!.id, platform: 'slack', workspaceId: team, channelId: LOUNGE, message: board('2026-W15') });
    await w.settle();

    expect(w.slack.messagesIn(LOUNGE).filter((m) => m.text.includes('Week 2026-W15'))).toHaveLength(1);
    const alert = lastPostIn(w, COMMITTEE);
    expect(alert).toContain('Staff: action needed');
    expect(alert).toContain(`I couldn't post in <#${LOUNGE}>`);
    expect(alert).toContain('the message itself was posted, without the image');
    expect(alert).toContain(`To fix: invite me to <#${LOUNGE}> with /invite @ambassador`);
  });
});
