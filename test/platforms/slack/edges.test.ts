// Bad input and bad days on Slack: forged requests, unknown subcommands, missing permissions,
// people who left, a restart while votes came in.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ADA, AMBASSADORS, CARL, COMMITTEE, DANA, EVE, LOUNGE, RANDOM, STAFF, dmTexts, lastPostIn, setUpProgram, dropTemplate, startWorld, type World } from './harness.js';

describe('Slack adapter: bad input and bad days', { timeout: 20_000 }, () => {
  let w: World | undefined;
  afterAll(dropTemplate, 30_000);
  afterEach(async () => {
    await w?.close();
    w = undefined;
  });

  it('GIVEN requests not signed by Slack WHEN unsigned, wrongly signed or stale THEN Bolt answers 401 and the core never hears of them', async () => {
    w = await startWorld();
    const command = { user_id: STAFF, channel_id: LOUNGE, text: 'program setup program:"Forged" capacity:1' };

    expect((await w.slack.slashCommand(command, { unsigned: true })).status).toBe(401);
    expect((await w.slack.slashCommand(command, { badSignature: true })).status).toBe(401);
    expect((await w.slack.slashCommand(command, { stale: true })).status).toBe(401);
    const forgedVote = { type: 'reaction_added', user: CARL, reaction: 'white_check_mark', item: { type: 'message', channel: COMMITTEE, ts: '1.000001' } };
    expect((await w.slack.event(forgedVote, { stale: true })).status).toBe(401);
    await w.settle();

    expect(w.slack.calls().filter((c) => c.method !== 'auth.test')).toEqual([]);
    expect(await w.app.core.deps.store.programs.inWorkspace('slack', w.slack.team.id)).toEqual([]);
  });

  it('GIVEN /ambassador with no or an unknown subcommand WHEN run THEN the answer is the list of subcommands', async () => {
    w = await startWorld();

    const none = await w.reply(ADA, '');
    const unknown = await w.reply(ADA, 'frobnicate now');
    const badOption = await w.reply(ADA, 'apply oops');

    expect(none.responseType).toBe('ephemeral');
    expect(none.text).toContain('/ambassador apply — Apply to become an ambassador');
    expect(none.text).not.toContain('/ambassador program setup'); // staff commands only for staff
    expect(unknown.text).toContain('I don\'t know “/ambassador frobnicate now”');
    expect(unknown.text).toContain('/ambassador application status');
    expect(badOption.text).toContain('“oops” isn\'t an option');
    expect((await w.reply(STAFF, 'help')).text).toContain('/ambassador program setup');
  });

  it('GIVEN a member applying from a channel the bot is not in WHEN the form is submitted THEN the receipt comes by DM', async () => {
    w = await startWorld();
    await setUpProgram(w);

    const calls = await w.command(ADA, 'apply', RANDOM);
    expect(calls.find((c) => c.method === 'views.open')?.response.ok).toBe(true);
    const view = w.slack.views().at(-1)!;
    const inputs = (view.view.blocks as Array<{ type: string; block_id: string }>).filter((b) => b.type === 'input');
    await w.slack.viewSubmission({ view_id: view.id, user: ADA, inputs: { [inputs[0]!.block_id]: 'Because water is life.', [inputs[1]!.block_id]: 'Lyon' } });
    await w.settle();

    expect(w.slack.calls('chat.postEphemeral').at(-1)?.response).toMatchObject({ ok: false, error: 'not_in_channel' });
    expect(dmTexts(w, ADA).join('\n')).toContain('Your application to Campus Crew is in');
    expect((await w.application(ADA))?.status).toBe('voting');
  });

  it('GIVEN the bot is not in the ambassadors channel WHEN an applicant is accepted THEN staff are told what to fix in the committee channel and the decision stands', async () => {
    w = await startWorld();
    await setUpProgram(w);
    await w.apply(ADA, ['Because water is life.', 'Lyon']);
    const post = await w.committeePost(ADA);
    w.slack.failNext('conversations.invite', { error: 'not_in_channel' });

    for (const member of [CARL, DANA, EVE]) await w.react(member, 'white_check_mark', post);

    expect((await w.application(ADA))?.status).toBe('accepted');
    expect(w.slack.membersOf(AMBASSADORS)).not.toContain(ADA);
    const alert = lastPostIn(w, COMMITTEE);
    expect(alert).toContain('Staff: action needed');
    expect(alert).toContain('ada was accepted, but I couldn\'t give them');
    expect(alert).toContain(`To fix: invite me to <#${AMBASSADORS}> with /invite @ambassador`);
    expect(alert).toContain('/ambassador ambassador sync');
    expect(dmTexts(w, ADA).join('\n')).toContain('Welcome to Campus Crew!');

    // Staff fix it and sync: the invite goes through.
    const sync = await w.reply(STAFF, 'ambassador sync');
    expect(sync.text).not.toContain('Something went wrong');
    expect(w.slack.membersOf(AMBASSADORS)).toContain(ADA);
  });

  it('GIVEN an applicant who left the workspace WHEN they are accepted THEN the decision, the notice and the staff alert are kept', async () => {
    w = await startWorld();
    await setUpProgram(w);
    await w.apply(ADA, ['Because water is life.', 'Lyon']);
    const post = await w.committeePost(ADA);
    w.slack.workspace.users.get(ADA)!.deleted = true;

    for (const member of [CARL, DANA, EVE]) await w.react(member, 'white_check_mark', post);

    const app = (await w.application(ADA))!;
    expect(app.status).toBe('accepted');
    expect(w.slack.calls('conversations.invite')[0]?.response).toMatchObject({ ok: false, error: 'user_not_found' });
    expect(w.slack.calls('conversations.open')[0]?.response).toMatchObject({ ok: false, error: 'user_disabled' });
    expect(lastPostIn(w, COMMITTEE)).toContain('no longer in the workspace');
    const member = await w.app.core.deps.store.members.byId(app.applicantId);
    const notices = await w.app.core.deps.store.notices.take(member!.id, new Date());
    expect(notices.join('\n')).toContain('Welcome to Campus Crew!');
    expect(w.slack.messagesIn(COMMITTEE).find((m) => m.ts === post.id)?.edited).toBeDefined();
  });

  it('GIVEN the bot was down while the committee voted WHEN a new app starts on the same database THEN the catch-up reads reactions.get and the decision is taken once', async () => {
    w = await startWorld();
    await setUpProgram(w);
    await w.apply(ADA, ['Because water is life.', 'Lyon']);
    const post = await w.committeePost(ADA);
    await w.app.stop();
    // Reactions made while nothing was listening: Slack keeps them on the message.
    for (const member of [CARL, DANA, EVE]) w.slack.workspace.addReaction(COMMITTEE, post.id, 'white_check_mark', member);
    w.slack.workspace.addReaction(COMMITTEE, post.id, 'thumbsup', ADA);

    await w.restart(); // startApp runs the core's catch-up, which calls the adapter's reactionsOn
    await w.settle();

    expect(w.slack.calls('reactions.get').at(-1)?.args).toMatchObject({ channel: COMMITTEE, timestamp: post.id });
    expect((await w.application(ADA))?.status).toBe('accepted');
    expect(w.slack.membersOf(AMBASSADORS)).toContain(ADA);
    expect(lastPostIn(w, COMMITTEE)).toContain('Accepted — ✅ 3');
    // Catching up again finds nothing to replay: the decision is taken once.
    expect(await w.app.core.catchUp(w.adapter)).toEqual({ messages: 0, replayed: 0 });
    await w.settle();
    expect(w.slack.calls('conversations.invite')).toHaveLength(1);
    expect(await w.app.core.deps.store.votes.list((await w.application(ADA))!.id)).toHaveLength(3);
  });

  it('GIVEN votes cast while the bot was down WHEN the core catches up on the open committee messages THEN they count', async () => {
    w = await startWorld();
    await setUpProgram(w);
    await w.apply(ADA, ['Because water is life.', 'Lyon']);
    const post = await w.committeePost(ADA);
    w.slack.workspace.addReaction(COMMITTEE, post.id, 'x', CARL); // no event: Slack's delivery was lost

    const result = await w.app.core.catchUp(w.adapter);
    await w.settle();

    expect(w.slack.calls('reactions.get').at(-1)?.args).toMatchObject({ channel: COMMITTEE, timestamp: post.id });
    expect(result).toEqual({ messages: 1, replayed: 1 });
    expect((await w.app.core.deps.store.votes.list((await w.application(ADA))!.id)).map((v) => v.choice)).toEqual(['reject']);
  });

  it('GIVEN the committee is the committee channel itself WHEN its members vote THEN conversations.members decides who counts', async () => {
    w = await startWorld();
    await setUpProgram(w, `committee:<#${COMMITTEE}|committee>`);
    await w.apply(ADA, ['Because water is life.', 'Lyon']);
    const post = await w.committeePost(ADA);

    await w.react(STAFF, 'x', post); // STAFF is in the channel, though not on the /committee list
    await w.react(CARL, 'x', post);
    await w.react(DANA, 'x', post);

    expect(w.slack.calls('conversations.members').length).toBeGreaterThan(0);
    expect((await w.application(ADA))?.status).toBe('rejected');
  });
});
