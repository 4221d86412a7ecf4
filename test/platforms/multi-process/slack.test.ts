// Two real bot processes on one PostgreSQL database behind one Slack app, against the Slack double
// sending every request, byte for byte, to both (as a load balancer spreading Slack's redeliveries
// would), and redelivering events: each request is handled by one process, each effect happens
// once, and the process that loses a claim says nothing and logs no error. PostgreSQL only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../src/db/client.js';
import { testProvider } from '../../support/database.js';
import { BotProcess, freePort } from '../bot-process.js';
import { ADA, AMBASSADORS, BOB, CARL, COMMITTEE, DANA, EVE, LOUNGE, STAFF, committee, dropTemplate, startWorld, type World } from '../slack/harness.js';

describe.runIf(testProvider === 'postgresql')('two bot processes on one PostgreSQL behind one Slack app, every request to both', { timeout: 180_000 }, () => {
  let w: World;
  let db: Database;
  const bots: BotProcess[] = [];
  const urls: string[] = [];

  beforeAll(async () => {
    w = await startWorld();
    await w.stopApp(); // only the double and the database: the bots are real processes
    db = await openDatabase(w.databaseUrl);
    const { slack } = w;
    const ports = [await freePort(), await freePort()];
    for (const port of ports) {
      bots.push(new BotProcess({
        DATABASE_URL: w.databaseUrl, SLACK_BOT_TOKEN: slack.botToken, SLACK_SIGNING_SECRET: slack.signingSecret,
        SLACK_API_URL: slack.apiUrl, SLACK_PORT: String(port), INBOUND_LEASE_SECONDS: '2',
      }));
    }
    await Promise.all(bots.map((b) => b.ready(60_000)));
    urls.push(...ports.map((p) => `http://127.0.0.1:${p}/slack/events`));
    slack.attachApps(urls);
  }, 120_000);

  afterAll(async () => {
    for (const bot of bots) await bot.stop(); // a killed one is already gone
    await db?.close();
    await w?.close();
    await dropTemplate();
  }, 60_000);

  /** A slash command delivered to both processes: both acknowledge, one answers (once). */
  async function command(user: string, text: string): Promise<string> {
    const before = w.slack.calls('response_url').length;
    const res = await w.slack.slashCommand({ user_id: user, channel_id: LOUNGE, text });
    expect(w.slack.lastAnswers().map((a) => [a.status, a.body])).toEqual([[200, ''], [200, '']]);
    expect(res.status).toBe(200);
    await w.slack.waitUntil(() => w.slack.calls('response_url').length > before, 20_000);
    await new Promise((r) => setTimeout(r, 300)); // a second answer would come within moments
    const answers = w.slack.calls('response_url').slice(before);
    expect(answers).toHaveLength(1);
    return JSON.stringify(answers[0]!.args);
  }

  it('GIVEN staff setup, /ambassador apply, votes redelivered to both THEN each request is handled once and each effect happens once, with no error logged', async () => {
    const { slack } = w;
    expect(await command(STAFF, `program setup program:"Campus Crew" why:"Clean water" objective:"Raise $5,000" metric:dollars target:5000 capacity:3 committee_channel:<#${COMMITTEE}|committee> ambassador_role:<#${AMBASSADORS}|>`)).toContain('Campus Crew');
    expect(await command(STAFF, 'program questions add prompt:"Why do you want to join?" kind:paragraph max_length:500')).toContain('Added question 1');
    expect(await command(STAFF, 'program questions add prompt:"Your city?" max_length:40')).toContain('Added question 2');
    for (const member of committee) expect(await command(STAFF, `committee add user:<@${member}|${member.toLowerCase()}>`)).toContain('joined');
    await command(STAFF, 'program rules quorum:2');
    expect(await db.prisma.program.count()).toBe(1);
    expect(await db.prisma.formQuestion.count()).toBe(2);
    expect(await db.prisma.committeeMember.count()).toBe(3);

    // The form: opened once, submitted (to both) once.
    await slack.slashCommand({ user_id: ADA, channel_id: LOUNGE, text: 'apply' });
    const open = await slack.waitFor('views.open', 20_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(slack.calls('views.open')).toHaveLength(1);
    const view = (open.response as { view: { id: string; blocks: Array<{ type: string; block_id: string }> } }).view;
    const answers = ['Because water is life.', 'Lyon'];
    const inputs = Object.fromEntries(view.blocks.filter((b) => b.type === 'input').map((b, i) => [b.block_id, answers[i] ?? '']));
    await slack.viewSubmission({ view_id: view.id, user: ADA, inputs });
    expect(slack.lastAnswers().map((a) => a.status)).toEqual([200, 200]);
    await slack.waitUntil(() => slack.reactionsOn(COMMITTEE, slack.messagesIn(COMMITTEE)[0]?.ts ?? '').length === 3, 20_000);
    expect(await db.prisma.application.count()).toBe(1);
    const [post] = slack.messagesIn(COMMITTEE);
    expect(slack.messagesIn(COMMITTEE)).toHaveLength(1);

    // Votes: each event to both processes, then redelivered (same event_id) to both again.
    for (const voter of [CARL, DANA]) {
      const event = { type: 'reaction_added', user: voter, reaction: 'white_check_mark', item: { type: 'message', channel: COMMITTEE, ts: post!.ts } };
      const { eventId } = await slack.event(event);
      await slack.event(event, { eventId, retryNum: 1, retryReason: 'http_timeout' });
      expect(slack.lastAnswers().map((a) => a.status)).toEqual([200, 200]);
    }
    await slack.waitFor('conversations.invite', 20_000);
    await expect.poll(async () => (await db.prisma.application.findFirstOrThrow()).status, { timeout: 20_000 }).toBe('ACCEPTED');
    await new Promise((r) => setTimeout(r, 1000)); // a duplicate effect would show by now
    expect(slack.calls('conversations.invite')).toHaveLength(1);
    expect(await db.prisma.vote.count()).toBe(2);
    expect(await db.prisma.auditEvent.count({ where: { action: 'vote.cast' } })).toBe(2);
    expect(await db.prisma.auditEvent.count({ where: { action: 'application.accepted' } })).toBe(1);
    expect(slack.membersOf(AMBASSADORS)).toContain(ADA);

    for (const bot of bots) expect(bot.logs.filter((l) => l.level >= 50)).toEqual([]);
    const claimants = await db.prisma.$queryRawUnsafe<Array<{ n: bigint }>>('SELECT COUNT(DISTINCT "claimedBy") AS n FROM "InboundClaim"');
    expect(Number(claimants[0]!.n)).toBeGreaterThanOrEqual(1);
    expect(slack.unknownCalls()).toEqual([]);
  });

  it('GIVEN a vote and a command claimed by a process that is killed before handling them THEN the other finishes both once the lease lapses: one answer, one change, and votes decide once', async () => {
    const { slack } = w;
    await slack.slashCommand({ user_id: BOB, channel_id: LOUNGE, text: 'apply' });
    await slack.waitUntil(() => slack.calls('views.open').length === 2, 20_000);
    const open = slack.calls('views.open')[1]!;
    const view = (open.response as { view: { id: string; blocks: Array<{ type: string; block_id: string }> } }).view;
    const inputs = Object.fromEntries(view.blocks.filter((b) => b.type === 'input').map((b, i) => [b.block_id, ['Wells for all.', 'Dakar'][i] ?? '']));
    await slack.viewSubmission({ view_id: view.id, user: BOB, inputs });
    await slack.waitUntil(() => slack.reactionsOn(COMMITTEE, slack.messagesIn(COMMITTEE)[1]?.ts ?? '').length === 3, 20_000);
    const post = slack.messagesIn(COMMITTEE)[1]!;

    // EVE and FRED have not been seen before: the vote (EVE's) and the command naming FRED wait on
    // users.info, held back, while the command's claimant is killed.
    const FRED = 'U0FRED0001';
    slack.workspace.addUser({ id: FRED, name: 'fred', realName: 'Fred Flint' });
    slack.delayNext('users.info', 4000, { times: 4, when: (a) => a.user === EVE || a.user === FRED });
    const { eventId } = await slack.event({ type: 'reaction_added', user: EVE, reaction: 'white_check_mark', item: { type: 'message', channel: COMMITTEE, ts: post.ts } });
    const answersBefore = slack.calls('response_url').length;
    await slack.slashCommand({ user_id: STAFF, channel_id: LOUNGE, text: `staff add user:<@${FRED}|fred>` });
    await slack.waitFor((c) => c.method === 'users.info' && c.args.user === FRED, 20_000);
    const claimant = async (key: string) => {
      const [row] = await db.prisma.$queryRawUnsafe<Array<{ claimedBy: string }>>('SELECT "claimedBy" FROM "InboundClaim" WHERE "key" = $1', key);
      return Number(row!.claimedBy.split(':')[1]);
    };
    const [commandClaim] = await db.prisma.$queryRawUnsafe<Array<{ key: string }>>(`SELECT "key" FROM "InboundClaim" WHERE "key" LIKE 'slack:command:%' AND "doneAt" IS NULL`);
    expect(commandClaim).toBeDefined();
    const victimPid = await claimant(commandClaim!.key);
    const doomed = bots.find((b) => b.pid === victimPid)!;
    await doomed.kill();
    const survivor = bots.find((b) => b !== doomed)!;
    slack.attachApp(urls[bots.indexOf(survivor)]!); // Slack now reaches only the survivor
    await survivor.waitForLog((l) => l.msg === 'finished an event another process had claimed before it stopped', 30_000);
    await expect.poll(() => db.prisma.staffMember.count({ where: { member: { platformUserId: FRED } } }), { timeout: 20_000 }).toBe(1);
    await slack.waitUntil(() => slack.calls('response_url').length > answersBefore, 20_000);
    await new Promise((r) => setTimeout(r, 500));
    const answers = slack.calls('response_url').slice(answersBefore);
    expect(answers).toHaveLength(1);
    expect(JSON.stringify(answers[0]!.args)).toMatch(/fred/i);
    // The vote (claimed by either process) counts once, whoever finished it.
    await slack.event({ type: 'reaction_added', user: CARL, reaction: 'white_check_mark', item: { type: 'message', channel: COMMITTEE, ts: post.ts } });
    const bobApp = () => db.prisma.application.findFirstOrThrow({ where: { applicant: { platformUserId: BOB } } });
    await expect.poll(async () => (await bobApp()).status, { timeout: 20_000 }).toBe('ACCEPTED');
    await expect.poll(() => slack.calls('conversations.invite').length, { timeout: 20_000 }).toBe(2);
    expect(await db.prisma.vote.count({ where: { applicationId: (await bobApp()).id } })).toBe(2);
    expect((await db.prisma.member.findFirstOrThrow({ where: { platformUserId: EVE } })).displayName).not.toBe(EVE);
    expect(survivor.logs.filter((l) => l.level >= 50)).toEqual([]);
  });
});

describe.runIf(testProvider !== 'postgresql')('two bot processes behind one Slack app', () => {
  it.skip('run on PostgreSQL only (DATABASE_URL=postgresql://…): SQLite is one process per file', () => undefined);
});
