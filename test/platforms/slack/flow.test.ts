// The whole ambassador flow on Slack, end to end: real app, real Bolt, the Slack double.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ADA, AMBASSADORS, CARL, COMMITTEE, DANA, EVE, LOUNGE, STAFF, dmTexts, lastPostIn, setUpProgram, dropTemplate, startWorld, type World } from './harness.js';

describe('Slack adapter: apply, vote, decide', { timeout: 20_000 }, () => {
  let w: World | undefined;
  afterAll(dropTemplate, 30_000);
  afterEach(async () => {
    await w?.close();
    w = undefined;
  });

  it('GIVEN a Slack admin WHEN they set up a program, questions and committee THEN each answer is an ephemeral reply in Slack form', async () => {
    w = await startWorld();
    await setUpProgram(w);

    const show = await w.reply(STAFF, 'program questions list');

    expect(show.responseType).toBe('ephemeral');
    expect(show.text).toContain('Why do you want to join?');
    expect(show.text).toContain('Your city?');
    const card = JSON.stringify(w.slack.calls('response_url')[0]!.args.blocks);
    // The core's "/committee list" reads as this app's slash command; its channel reference stays a link.
    expect(card).toContain('the /ambassador committee list');
    expect(card).toContain('<#C0COMMITTEE>');
    expect(w.slack.unknownCalls()).toEqual([]);
  });

  it('GIVEN a member who is not staff WHEN they run a staff command THEN the core refuses it', async () => {
    w = await startWorld();
    const res = await w.reply(ADA, 'program setup program:"Mine" capacity:1');
    expect(res.text).toContain('Only staff can use /ambassador program setup');
  });

  it('GIVEN an open program WHEN a member applies THEN a modal opens with the questions, and submitting it posts to the committee with votes pre-added', async () => {
    w = await startWorld();
    await setUpProgram(w);

    const calls = await w.command(ADA, 'apply');
    const open = calls.find((c) => c.method === 'views.open')!;
    expect(open.response.ok).toBe(true);
    const view = open.args.view as { title: { text: string }; callback_id: string; private_metadata: string; blocks: Array<Record<string, any>> };
    expect(view.title.text).toBe('Apply: Campus Crew');
    expect(JSON.parse(view.private_metadata)).toMatchObject({ f: expect.stringMatching(/^apply:/), c: LOUNGE });
    const inputs = view.blocks.filter((b) => b.type === 'input');
    expect(inputs.map((b) => [b.label.text, b.element.multiline, b.element.max_length, b.optional])).toEqual([
      ['Why do you want to join?', true, 500, false],
      ['Your city?', false, 40, false],
    ]);
    expect(JSON.stringify(view.blocks[0])).toContain('We bring clean water to schools &amp; families.');

    const res = await w.apply(ADA, ['Because water is life, and I <3 it.', 'Lyon']);

    expect(res.status).toBe(200);
    expect(res.json).toBeUndefined(); // a bare ack closes the modal
    const receipt = w.slack.ephemeralsIn(LOUNGE).find((e) => e.user === ADA)!;
    expect(receipt.text).toContain('Your application to Campus Crew is in');
    const post = await w.committeePost(ADA);
    expect(post.channel.id).toBe(COMMITTEE);
    const text = lastPostIn(w, COMMITTEE);
    expect(text).toContain('*Applicant:* ada');
    expect(text).toContain('*Why do you want to join?*\nBecause water is life, and I &lt;3 it.');
    expect(w.slack.reactionsOn(COMMITTEE, post.id).map((r) => r.name)).toEqual(['white_check_mark', 'x', 'thinking_face']);
  });

  it('GIVEN the form WHEN a required answer is empty and another too long THEN Slack shows both errors inline and nothing is saved', async () => {
    w = await startWorld();
    await setUpProgram(w);

    const res = await w.apply(ADA, ['   ', 'x'.repeat(41)]);

    expect(res.json).toEqual({
      response_action: 'errors',
      errors: { q1: 'This question needs an answer.', q2: 'Please keep this under 40 characters (it has 41).' },
    });
    expect(await w.application(ADA)).toBeNull();
    expect(w.slack.messagesIn(COMMITTEE)).toEqual([]);
  });

  it('GIVEN an answer with <!channel> and a user mention WHEN it is posted to the committee THEN nobody is notified', async () => {
    w = await startWorld();
    await setUpProgram(w);

    await w.apply(ADA, ['Hey <!channel> <!here> <@U0STAFF001> look at me & my **plan**', 'Paris <#C0LOUNGE001>']);

    const posted = w.slack.messagesIn(COMMITTEE)[0]!;
    const json = JSON.stringify([posted.text, posted.blocks]);
    expect(json).not.toMatch(/<!channel>|<!here>|<@U0STAFF001>/);
    expect(json).toContain('&lt;!channel&gt; &lt;!here&gt; &lt;@U0STAFF001&gt; look at me &amp; my');
  });

  it('GIVEN three committee approvals by reaction WHEN the quorum is reached THEN the applicant is invited, welcomed by DM and the post shows the outcome', async () => {
    w = await startWorld();
    await setUpProgram(w);
    await w.apply(ADA, ['Because water is life.', 'Lyon']);
    const post = await w.committeePost(ADA);

    for (const member of [CARL, DANA, EVE]) await w.react(member, 'white_check_mark', post);

    expect((await w.application(ADA))?.status).toBe('accepted');
    expect(w.slack.calls('conversations.invite').map((c) => c.args)).toEqual([{ channel: AMBASSADORS, users: ADA }]);
    expect(w.slack.membersOf(AMBASSADORS)).toContain(ADA);
    expect(w.slack.calls('conversations.open')[0]?.args).toMatchObject({ users: ADA });
    expect(dmTexts(w, ADA).join('\n')).toContain('Welcome to Campus Crew!');
    const update = w.slack.calls('chat.update').at(-1)!;
    expect(update.args).toMatchObject({ channel: COMMITTEE, ts: post.id });
    expect(w.slack.messagesIn(COMMITTEE)).toHaveLength(1); // no new post: the outcome is an edit
    expect(lastPostIn(w, COMMITTEE)).toContain('Accepted — ✅ 3 · ❌ 0 · 🤔 0');
  });

  it('GIVEN three rejections WHEN the vote closes THEN the applicant gets a kind rejection DM and no invite', async () => {
    w = await startWorld();
    await setUpProgram(w);
    await w.apply(ADA, ['Because water is life.', 'Lyon']);
    const post = await w.committeePost(ADA);

    for (const member of [CARL, DANA, EVE]) await w.react(member, 'x', post);

    expect((await w.application(ADA))?.status).toBe('rejected');
    expect(w.slack.calls('conversations.invite')).toEqual([]);
    expect(dmTexts(w, ADA).join('\n')).toContain('This time the answer is no');
  });

  it('GIVEN Slack retries a reaction event WHEN the same event_id arrives again after the vote was withdrawn THEN it is not counted twice', async () => {
    w = await startWorld();
    await setUpProgram(w);
    await w.apply(ADA, ['Because water is life.', 'Lyon']);
    const post = await w.committeePost(ADA);
    const app = (await w.application(ADA))!;

    const first = await w.react(CARL, 'white_check_mark', post);
    expect(await w.app.core.deps.store.votes.list(app.id)).toHaveLength(1);
    await w.react(CARL, 'white_check_mark', post, { removed: true });
    expect(await w.app.core.deps.store.votes.list(app.id)).toHaveLength(0);
    await w.react(CARL, 'white_check_mark', post, { eventId: first, retryNum: 1 });

    expect(await w.app.core.deps.store.votes.list(app.id)).toHaveLength(0);
    const audit = await w.app.core.deps.store.audit.latest([app.programId], 50);
    expect(audit.filter((e) => e.action === 'vote.cast')).toHaveLength(1);
  });

  it('GIVEN the bot’s own reactions and a non-member’s WHEN they arrive THEN neither is a vote', async () => {
    w = await startWorld();
    await setUpProgram(w);
    await w.apply(ADA, ['Because water is life.', 'Lyon']);
    const post = await w.committeePost(ADA);
    const app = (await w.application(ADA))!;

    await w.react(w.slack.bot.userId, 'white_check_mark', post);
    await w.react(STAFF, 'white_check_mark', post);
    await w.react(ADA, 'white_check_mark', post);

    expect(await w.app.core.deps.store.votes.list(app.id)).toEqual([]);
    // Slack can't remove someone else's reaction: the adapter logs it instead of calling reactions.remove.
    expect(w.slack.calls('reactions.remove')).toEqual([]);
  });
});
