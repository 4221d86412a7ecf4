// A private reply's chart on Slack (/ambassador report): ephemeral messages can't carry files, so the
// PNG goes to the person's DM with the bot and the ephemeral reply says so, keeping the alt text.
// Real app, real Bolt, the Slack double.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedCall } from '../../doubles/slack/index.js';
import { imageInDmNote } from '../../../src/platforms/slack/replies.js';
import { blocksText } from '../../../src/platforms/slack/blocks.js';
import { LOUNGE, STAFF, acceptAda, dropTemplate, setUpProgram, startWorld, type World } from './harness.js';
import { postedIn, tap } from './taps.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const REPORT = 'report period:month';

describe('Slack adapter: a private reply’s chart', { timeout: 30_000 }, () => {
  let w: World;
  const methods = (calls: RecordedCall[]) => calls.map((c) => c.method).filter((m) => !m.startsWith('users.'));
  const ephemeral = (calls: RecordedCall[]) => {
    const answer = calls.find((c) => c.method === 'response_url')!;
    expect(answer.args.response_type).toBe('ephemeral');
    return blocksText((answer.args.blocks as unknown[]) ?? []);
  };

  beforeAll(async () => {
    w = await startWorld();
    await setUpProgram(w);
    await acceptAda(w);
    // The report covers the last complete month: ADA has to have been an ambassador by its end.
    await w.app.db.prisma.ambassador.updateMany({ data: { since: new Date(Date.now() - 70 * 24 * 60 * 60_000) } });
  }, 60_000);
  afterAll(async () => {
    await w.close();
    await dropTemplate();
  }, 30_000);

  it('GIVEN staff WHEN they run /ambassador report in a channel THEN the PNG is uploaded to their DM, then the ephemeral reply says so and keeps the alt text', async () => {
    const calls = await w.command(STAFF, REPORT);

    const dm = w.slack.dmWith(STAFF)!;
    expect(dm).toMatch(/^D/);
    expect(methods(calls)).toEqual(['conversations.open', 'files.getUploadURLExternal', 'file_upload', 'files.completeUploadExternal', 'response_url']);
    const complete = calls.find((c) => c.method === 'files.completeUploadExternal')!;
    const [file] = w.slack.files(dm);
    expect(complete.args).toMatchObject({ channel_id: dm, files: [{ id: file!.id }] });
    expect(file).toMatchObject({ name: 'engagement.png', channel: dm, completed: true, title: expect.stringMatching(/^Engagement by period\./) });
    expect(file!.bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(file!.bytes.length).toBeGreaterThan(1000);
    // Only the picture went to the DM; the report itself is the ephemeral reply.
    expect(w.slack.messagesIn(dm).map((m) => [m.text, m.files])).toEqual([['', [file!.id]]]);
    const text = ephemeral(calls);
    expect(text).toContain('*Campus Crew — engagement,');
    expect(text).toContain('0 of 1 ambassador engaged');
    expect(text).toContain(imageInDmNote);
    expect(text).toContain('(image: Engagement by period.');
    expect(w.slack.files(LOUNGE)).toEqual([]);
    expect(w.slack.unknownCalls()).toEqual([]);
  });

  it('GIVEN the upload to the DM fails WHEN staff run the report THEN the reply still comes, with the alt text and no word of a DM, and a warning is logged', async () => {
    const dm = w.slack.dmWith(STAFF)!;
    const filesBefore = w.slack.files(dm).length;
    w.slack.failNext('files.getUploadURLExternal', { error: 'file_uploads_disabled' });

    const calls = await w.command(STAFF, REPORT);

    const text = ephemeral(calls);
    expect(text).toContain('*Campus Crew — engagement,');
    expect(text).toContain('(image: Engagement by period.');
    expect(text).not.toContain(imageInDmNote);
    expect(w.slack.files(dm)).toHaveLength(filesBefore);
    expect(w.logs.join('')).toMatch(/"level":40[^\n]*could not send a private reply's image by DM/);
  });

  it('GIVEN a button in the staff’s DM WHEN tapped for the report THEN the answer is a message in the DM with the chart following it', async () => {
    await w.adapter.dm({ platform: 'slack', workspaceId: w.slack.team.id, id: STAFF, isBot: false }, {
      text: 'Monthly check-in', actions: [{ label: 'Engagement report', command: 'report', options: { period: 'month' } }],
    });
    const dm = w.slack.dmWith(STAFF)!;
    const button = w.slack.messagesIn(dm).at(-1)!;
    const filesBefore = w.slack.files(dm).length;

    const calls = await tap(w, STAFF, dm, button.ts, 'Engagement report');

    expect(calls.filter((c) => c.method === 'response_url' || c.method === 'chat.postEphemeral')).toEqual([]);
    const [posted] = postedIn(calls, dm);
    expect(posted).toContain('*Campus Crew — engagement,');
    expect(posted).toContain('(image: Engagement by period.');
    expect(posted).not.toContain(imageInDmNote);
    const files = w.slack.files(dm).slice(filesBefore);
    expect(files.map((f) => f.name)).toEqual(['engagement.png']);
    expect(files[0]!.bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    const last = w.slack.messagesIn(dm).slice(-2);
    expect(last.map((m) => m.files ?? [])).toEqual([[], [files[0]!.id]]);
  });
});
