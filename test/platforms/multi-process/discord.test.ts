// Two real bot processes (the real entry point) on one PostgreSQL database and one Discord token,
// against the Discord double delivering every event to both gateway sessions, as Discord does
// without sharding. Each interaction is answered once, by whichever process claimed it; every
// effect happens once; a form continues on the other process after the first died; a kill -9 in
// the middle of a burst loses nothing and duplicates nothing. PostgreSQL only: SQLite is one process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../src/db/client.js';
import { applyMigrations } from '../../../src/db/migrate.js';
import { DiscordDouble, startDiscordDouble, type InteractionRecord, type OptionInput } from '../../doubles/discord/index.js';
import { freshDatabaseUrl, testProvider } from '../../support/database.js';
import { BotProcess } from '../bot-process.js';
import { answers, CHANNEL_POST, defaultWorld, Harness, REACTION_DELETE, ROLE_GRANT, questions, textOf } from '../discord/harness.js';
import { ApplicationCommandOptionType as Opt } from 'discord.js';

const CALLBACK = 'POST /interactions/:interactionId/:token/callback';

let double: DiscordDouble;
let db: Database;
let drop: () => Promise<void>;
let env: Record<string, string>;
const bots: BotProcess[] = [];
const everyBot: BotProcess[] = [];
const interactions: InteractionRecord[] = [];

function startBot(): BotProcess {
  const bot = new BotProcess(env);
  bots.push(bot);
  everyBot.push(bot);
  return bot;
}

/** Starts processes and waits until each has its gateway session. */
async function startBots(n: number): Promise<BotProcess[]> {
  const started = Array.from({ length: n }, () => startBot());
  await Promise.all(started.map((b) => b.ready(60_000)));
  return started;
}

async function kill(bot: BotProcess): Promise<void> {
  await bot.kill();
  bots.splice(bots.indexOf(bot), 1);
  await expect.poll(() => double.connectedSessions, { timeout: 10_000 }).toBe(bots.length);
}

const opt = {
  user: (name: string): OptionInput => ({ type: Opt.User, value: double.user(name).id }),
  channel: (name: string): OptionInput => ({ type: Opt.Channel, value: double.channel(name).id }),
  role: (name: string): OptionInput => ({ type: Opt.Role, value: double.role(name).id }),
};

/** The answer to an interaction: its callback, and for a deferral the reply that filled it in. */
async function answerTo(record: InteractionRecord): Promise<{ type: number; body: any; text: string }> {
  interactions.push(record);
  const response = await double.waitForResponse(record, 30_000);
  let body = response.data ?? {};
  if (response.type === 5) body = (await double.waitFor({ method: 'PATCH', path: `/webhooks/${double.applicationId}/${record.token}/messages/@original` }, 30_000)).body;
  return { type: response.type, body, text: textOf(body) };
}

const say = async (user: string, name: string, options: Record<string, OptionInput> = {}) => (await answerTo(double.command({ user, name, options, channel: 'general' }))).text;

/** The claimant (a process id) of an interaction, as recorded in its claim. */
async function claimantPid(record: InteractionRecord): Promise<number> {
  const rows = await db.prisma.$queryRawUnsafe<Array<{ claimedBy: string }>>('SELECT "claimedBy" FROM "InboundClaim" WHERE "key" = $1', `discord:interaction:${record.id}`);
  return Number(rows[0]!.claimedBy.split(':')[1]);
}

/** /apply's first step; returns what the next step needs. */
async function applyFirstStep(user: string): Promise<{ button: any; message: string }> {
  const shown = await answerTo(double.command({ user, name: 'apply', channel: 'general' }));
  expect(shown.type).toBe(9);
  const fields = Harness.modalFields(shown.body);
  expect(fields).toHaveLength(5);
  const submit = double.modalSubmit({ user, customId: shown.body.custom_id, values: Object.fromEntries(fields.map((f, i) => [f.custom_id, answers[i] ?? ''])), channel: 'general' });
  const saved = await answerTo(submit);
  expect(saved.text).toBe("Saved step 1 of 2: nothing is submitted until the last step. Continue when you're ready.");
  interactions.push(submit);
  return { button: saved.body.components[0].components[0], message: double.originalMessage(submit)!.id };
}

async function applyLastStep(user: string, step: { button: any; message: string }): Promise<string> {
  const shown = await answerTo(double.button({ user, customId: step.button.custom_id, message: step.message, channel: 'general' }));
  expect(shown.type).toBe(9);
  const fields = Harness.modalFields(shown.body);
  expect(fields.map((f) => f.value ?? '')).toEqual(['', '']); // the second step's questions, not yet answered
  const receipt = await answerTo(double.modalSubmit({ user, customId: shown.body.custom_id, values: Object.fromEntries(fields.map((f, i) => [f.custom_id, answers[5 + i] ?? ''])), channel: 'general' }));
  return /reference is \*\*(A\w{5})\*\*/.exec(receipt.text)?.[1] ?? receipt.text;
}

describe.runIf(testProvider === 'postgresql')('two bot processes on one PostgreSQL, one Discord token, every event to both', { timeout: 240_000 }, () => {
  beforeAll(async () => {
    double = await startDiscordDouble(defaultWorld());
    const fresh = await freshDatabaseUrl();
    drop = fresh.drop;
    await applyMigrations(fresh.url);
    db = await openDatabase(fresh.url);
    env = {
      DATABASE_URL: fresh.url, DISCORD_TOKEN: double.token, DISCORD_APPLICATION_ID: double.applicationId, DISCORD_API_URL: double.apiUrl,
      INBOUND_LEASE_SECONDS: '2', OUTBOX_LEASE_SECONDS: '10',
    };
    await startBots(2);
    for (const deadline = Date.now() + 10_000; double.connectedSessions < 2 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 50));
  }, 120_000);

  afterAll(async () => {
    for (const bot of bots.splice(0)) await bot.stop();
    await db?.close();
    await double?.close();
    await drop?.();
  });

  it('GIVEN staff setup, a two-step /apply, votes, /log and a campaign post THEN each interaction has one answer and each effect happens once, with no error logged', async () => {
    expect(await say('owner', 'program setup', {
      program: 'Campus Crew', why: 'We love clean rivers', objective: 'Raise $50,000', metric: 'dollars', target: 50000, capacity: 10,
      committee_channel: opt.channel('committee'), ambassador_role: opt.role('Ambassador'), announce_channel: opt.channel('announcements'),
    })).toContain('Campus Crew');
    await say('owner', 'program rules', { quorum: 2, threshold: '2/3' });
    for (const q of questions) await say('owner', 'program questions add', { ...q });
    for (const who of ['carol', 'dave', 'erin']) await say('owner', 'committee add', { user: opt.user(who) });
    // A one-off campaign post at the next minute (the scheduler of both processes ticks each minute).
    const next = new Date(Math.ceil((Date.now() + 5_000) / 60_000) * 60_000);
    expect(await say('owner', 'campaign create', { title: 'Spring clean-up', message: 'Join us at the river!', channels: `<#${double.channel('announcements').id}>` })).toMatch(/campaign/i);
    expect(await say('owner', 'campaign schedule', { campaign: 1, at: next.toISOString().slice(0, 16).replace('T', ' ') })).toMatch(/Spring clean-up/);

    expect(await db.prisma.program.count()).toBe(1);
    expect(await db.prisma.formQuestion.count()).toBe(questions.length);
    expect(await db.prisma.committeeMember.count()).toBe(3);

    const ref = await applyLastStep('alice', await applyFirstStep('alice'));
    expect(ref).toMatch(/^A\w{5}$/);
    expect(await db.prisma.application.count()).toBe(1);
    await expect.poll(() => double.messagesIn('committee').length, { timeout: 15_000 }).toBe(1);
    const [post] = double.messagesIn('committee');
    await expect.poll(() => double.reactionsOn(post!.id, '🤔').length, { timeout: 15_000 }).toBe(1);

    // Votes: every reaction event reaches both processes; the deciding ✅ stays on the message.
    expect(double.reactionAdd(post!.id, 'committee', 'carol', '✅')).toBe(true);
    expect(double.reactionAdd(post!.id, 'committee', 'dave', '✅')).toBe(true);
    await expect.poll(async () => (await db.prisma.application.findFirstOrThrow()).status, { timeout: 20_000 }).toBe('ACCEPTED');
    await expect.poll(() => double.calls({ route: ROLE_GRANT }).length, { timeout: 20_000 }).toBe(1);
    expect(await db.prisma.vote.count()).toBe(2);
    expect(await db.prisma.auditEvent.count({ where: { action: 'application.accepted' } })).toBe(1);

    expect(await say('alice', 'log', { kind: 'share', amount: 3, note: 'River post' })).toMatch(/logged|review/i);
    expect(await db.prisma.activity.count()).toBe(1);

    await expect.poll(() => double.messagesIn('announcements').filter((m) => textOf(m.body).includes('Join us at the river')).length, { timeout: 100_000, interval: 1000 }).toBe(1);
    await new Promise((r) => setTimeout(r, 1500)); // a second process's late duplicate would show by now
    expect(double.messagesIn('announcements').filter((m) => textOf(m.body).includes('Join us at the river'))).toHaveLength(1);
    expect(double.calls({ route: CHANNEL_POST, path: `/channels/${double.channel('committee').id}/messages` })).toHaveLength(1);
    expect(double.calls({ route: REACTION_DELETE }).filter((c) => c.params.userId !== double.botId)).toEqual([]);
    // The acceptance DM, once.
    const dms = double.messagesIn(double.world.dmChannelFor(double.user('alice').id).id).map((m) => textOf(m.body));
    expect(dms).toHaveLength(1);
    expect(dms[0]).toMatch(/welcome|accepted/i);

    for (const record of interactions) {
      const callbacks = double.calls((c) => c.route === CALLBACK && c.params.interactionId === record.id);
      expect(callbacks.map((c) => c.status)).toEqual([expect.any(Number)]);
      expect(callbacks[0]!.status).toBeLessThan(300);
    }
    for (const bot of bots) expect(bot.logs.filter((l) => l.level >= 50)).toEqual([]);
    // Both processes took part (each won some claims).
    const claimants = new Set((await db.prisma.$queryRawUnsafe<Array<{ claimedBy: string }>>('SELECT DISTINCT "claimedBy" FROM "InboundClaim"')).map((r) => r.claimedBy));
    expect(claimants.size).toBe(2);
  });

  it('GIVEN a form started on one process WHEN that process is killed THEN the other continues it and the application is filed once', async () => {
    const first = await applyFirstStep('bob');
    const submitted = interactions.at(-1)!;
    const pid = await claimantPid(submitted);
    const dying = bots.find((b) => b.pid === pid);
    expect(dying, `the step was claimed by a process that runs (pid ${pid})`).toBeDefined();
    await kill(dying!);
    const ref = await applyLastStep('bob', first);
    expect(ref).toMatch(/^A\w{5}$/);
    const apps = await db.prisma.application.findMany({ where: { applicant: { platformUserId: double.user('bob').id } } });
    expect(apps).toHaveLength(1);
    expect(Object.keys(apps[0]!.answers as object).length).toBeGreaterThan(0);
    await expect.poll(() => double.messagesIn('committee').length, { timeout: 15_000 }).toBe(2);
    await startBots(1); // two again for the burst
    await expect.poll(() => double.connectedSessions, { timeout: 10_000 }).toBe(2);
  });

  it('GIVEN a burst of /log and votes WHEN one process is killed mid-burst THEN the other finishes what it had claimed once the lease lapses: nothing lost, nothing twice', async () => {
    const bobPost = double.messagesIn('committee')[1]!;
    await expect.poll(() => double.reactionsOn(bobPost.id, '🤔').length, { timeout: 15_000 }).toBe(1);
    // Acknowledgements reach Discord at once but their answers are held back, so both processes hold
    // claimed work, not yet done, when one of them dies.
    double.delayNext({ route: CALLBACK }, 5000, 12);
    const burst = Array.from({ length: 12 }, (_, i) => double.command({ user: 'alice', name: 'log', options: { kind: 'share', amount: 1, note: `burst ${i}` }, channel: 'general' }));
    double.reactionAdd(bobPost.id, 'committee', 'carol', '✅');
    double.reactionAdd(bobPost.id, 'committee', 'erin', '✅');
    await expect.poll(() => double.calls({ route: CALLBACK }).filter((c) => burst.some((r) => r.id === c.params.interactionId)).length, { timeout: 20_000 }).toBe(12);
    const victim = bots[0]!;
    const victimClaims = async () => (await db.prisma.$queryRawUnsafe<Array<{ key: string }>>(`SELECT "key" FROM "InboundClaim" WHERE "claimedBy" LIKE $1 AND "doneAt" IS NULL`, `%:${victim.pid}:%`)).map((r) => r.key);
    const unfinished = await victimClaims();
    await kill(victim);

    await expect.poll(() => db.prisma.activity.count({ where: { note: { startsWith: 'burst ' } } }), { timeout: 40_000, interval: 500 }).toBe(12);
    const notes = (await db.prisma.activity.findMany({ where: { note: { startsWith: 'burst ' } } })).map((a) => a.note).sort();
    expect(notes).toEqual(Array.from({ length: 12 }, (_, i) => `burst ${i}`).sort());
    // Every /log of the burst is answered once: one callback, then its reply filled in (by the survivor for the dead one's).
    for (const record of burst) {
      expect(double.calls((c) => c.route === CALLBACK && c.params.interactionId === record.id)).toHaveLength(1);
      const edit = await double.waitFor({ method: 'PATCH', path: `/webhooks/${double.applicationId}/${record.token}/messages/@original` }, 30_000);
      expect(textOf(edit.body)).toMatch(/logged|review/i);
    }
    if (unfinished.length) {
      const survivor = bots[0]!;
      await survivor.waitForLog((l) => l.msg === 'finished an event another process had claimed before it stopped', 20_000);
    }
    await expect.poll(async () => (await db.prisma.application.findFirstOrThrow({ where: { applicant: { platformUserId: double.user('bob').id } } })).status, { timeout: 20_000 }).toBe('ACCEPTED');
    await expect.poll(() => double.calls({ route: ROLE_GRANT }).length, { timeout: 20_000 }).toBe(2);
    expect(await db.prisma.vote.count()).toBe(4);
    for (const bot of bots) expect(bot.logs.filter((l) => l.level >= 50)).toEqual([]);
    expect(double.unknownRoutes()).toEqual([]);
  });
});

describe.runIf(testProvider !== 'postgresql')('two bot processes on one database', () => {
  it.skip('run on PostgreSQL only (DATABASE_URL=postgresql://…): SQLite is one process per file', () => undefined);
});
