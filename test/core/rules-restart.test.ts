// Regressions of issue #10 about restarts (items 1 and 2): votes survive a restart, and reactions
// after a restart land on the application they were meant for. Each item is tested twice: a fresh
// core over the same database in-process (test/support/restart.ts), and the real entry point run
// twice over the same database (test/support/run-bot.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { ConsoleAdapter } from '../../src/platforms/console/adapter.js';
import { memoryConsoleMessages } from '../../src/platforms/console/messages.js';
import { apply, createTestCore, seedProgram, type TestCore, refOf, applicationRow, committeeMessageOf } from '../support/core.js';
import { freshDatabaseUrl, testProvider } from '../support/database.js';
import { restart } from '../support/restart.js';
import { runBot } from '../support/run-bot.js';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore();
  await seedProgram(t);
});
afterEach(() => t.close());

const app = (ref: string) => applicationRow(t, ref);
const messageOf = (ref: string) => committeeMessageOf(t, ref);
const votesOn = async (ref: string) =>
  (await t.db.prisma.vote.findMany({ where: { application: { ref } }, include: { voter: true }, orderBy: { id: 'asc' } })).map((v) => `${v.voter.platformUserId} ${v.choice}`);
const reactionsOn = async (id: string) => (await t.db.prisma.consoleMessage.findUniqueOrThrow({ where: { id: Number(id) } })).reactions as Record<string, string[]>;

describe(`issue #10 — restarts (in-process) on ${testProvider}`, () => {
  it('GIVEN carol voted ❌ on bob WHEN the bot restarts and catches up THEN her vote still stands, nothing is withdrawn, and it still counts', async () => {
    const ref = refOf(await apply(t, 'bob'));
    const msg = await messageOf(ref);
    await t.react('carol', msg, '❌');
    expect(await votesOn(ref)).toEqual(['carol REJECT']);

    t = await restart(t);
    expect(t.output.join('')).not.toContain('(removed'); // catch-up took no reaction away

    expect(await votesOn(ref)).toEqual(['carol REJECT']);
    expect((await reactionsOn(msg))['❌']).toContain('carol');
    expect(await t.db.prisma.auditEvent.count({ where: { action: 'vote.withdrawn' } })).toBe(0);
    const audit = await t.say('admin', '/audit');
    expect(audit).toContain(`carol: vote.cast application ${ref}`);
    expect(audit).not.toContain('vote.withdrawn');
    expect(await t.say('carol', '/application pending')).toContain(`${ref}** — 1 vote (quorum 2)`);

    // A start where the console can't show the message (its messages were lost): no evidence, no withdrawal.
    t = await restart(t, (o) => new ConsoleAdapter({ ...o, messages: memoryConsoleMessages() }));
    expect(await votesOn(ref)).toEqual(['carol REJECT']);
    expect(await t.db.prisma.auditEvent.count({ where: { action: 'vote.withdrawn' } })).toBe(0);

    // Back with its messages, the vote still counts: one more ❌ reaches quorum and rejects bob.
    t = await restart(t);
    await t.react('dave', msg, '❌');
    expect((await app(ref)).status).toBe('REJECTED');
    expect(t.output.join('')).toContain('Not accepted — ✅ 0 · ❌ 2 · 🤔 0');
  });

  it('GIVEN bob applied before a restart WHEN alice applies after it and the committee reacts on her post THEN her post has a new number and the votes decide her application, not bob’s', async () => {
    const bob = refOf(await apply(t, 'bob'));
    const bobMsg = await messageOf(bob);

    t = await restart(t);
    const alice = refOf(await apply(t, 'alice'));
    const aliceMsg = await messageOf(alice);
    expect(Number(aliceMsg)).toBeGreaterThan(Number(bobMsg)); // numbering went on, it did not start at #1 again
    expect(t.output.join('')).toContain(`#${aliceMsg} in #committee:\n   == Application ${alice} — Campus Crew ==`);
    expect((await t.db.prisma.consoleMessage.findUniqueOrThrow({ where: { id: Number(bobMsg) } })).message).toMatchObject({ title: `Application ${bob} — Campus Crew` });

    await t.react('carol', aliceMsg, '✅');
    await t.react('dave', aliceMsg, '✅');
    expect((await app(alice)).status).toBe('ACCEPTED');
    expect((await app(bob)).status).toBe('VOTING');
    expect(await votesOn(bob)).toEqual([]);
    expect(await votesOn(alice)).toEqual(['carol APPROVE', 'dave APPROVE']);
    expect(t.output.join('')).toContain('[DM to @alice]\n   == Welcome to Campus Crew! ==');
    expect(t.output.join('')).not.toContain('[DM to @bob]');
  });
});

// The real entry point (`npm start`), run twice over one database: two processes, one conversation.
describe(`issue #10 — restarts of npm start on ${testProvider}`, { timeout: 120_000 }, () => {
  const drops: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const drop of drops.splice(0)) await drop();
  });
  const database = async () => {
    const fresh = await freshDatabaseUrl();
    drops.push(fresh.drop);
    return fresh.url;
  };
  const session = (url: string, lines: string[]) => runBot({ DATABASE_URL: url }, `${lines.join('\n')}\n`);
  const setup = [
    '/program setup program:"Campus Crew" why:"We love clean rivers" objective:"Raise $50,000" metric:dollars target:50000 capacity:3 committee_channel:#committee ambassador_role:Ambassadors',
    '/program rules quorum:2',
    '/program questions add prompt:"Why do you want to join?" kind:paragraph max_length:200',
    '/committee add user:@carol',
    '/committee add user:@dave',
  ];
  const readDb = async <T>(url: string, read: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> => {
    const db = await openDatabase(url);
    try {
      return await read(db);
    } finally {
      await db.close();
    }
  };

  it('GIVEN carol reacted ❌ on bob in one run WHEN the bot is started again THEN her vote and reaction are still there and /audit shows no withdrawal', async () => {
    const url = await database();
    const first = await session(url, [...setup, ':as bob', '/apply', 'I swim every day', ':as carol', ':in #committee', ':react ^ ❌']);
    expect(first.code).toBe(0);
    const msg = /#(\d+) in #committee:\n {3}== Application (A\w{5})/.exec(first.stdout);
    expect(msg).not.toBeNull();
    const [, id, ref] = msg!;
    expect(first.stdout).toContain(`(reacted ❌ on #${id})`);

    const second = await session(url, [`:show #${id}`, '/audit', ':as carol', '/application pending']);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/reactions: .*❌ [\w,]*carol/);
    expect(second.stdout).toContain(`carol: vote.cast application ${ref}`);
    expect(second.stdout).not.toContain('vote.withdrawn');
    expect(second.stdout).not.toContain("(removed @carol's");
    expect(second.stdout).toContain(`${ref} — 1 vote (quorum 2)`); // a script sees Markdown as plain text
    const stored = await readDb(url, async (db) => ({
      votes: (await db.prisma.vote.findMany({ include: { voter: true } })).map((v) => `${v.voter.platformUserId} ${v.choice}`),
      withdrawn: await db.prisma.auditEvent.count({ where: { action: 'vote.withdrawn' } }),
    }));
    expect(stored).toEqual({ votes: ['carol REJECT'], withdrawn: 0 });
  });

  it('GIVEN bob applied in one run WHEN alice applies in the next and the committee reacts on her new post THEN numbering continues and alice, not bob, is accepted', async () => {
    const url = await database();
    const first = await session(url, [...setup, ':as bob', '/apply', 'I swim every day']);
    expect(first.code).toBe(0);
    const bobPost = /#(\d+) in #committee:\n {3}== Application (A\w{5})/.exec(first.stdout);
    expect(bobPost).not.toBeNull();

    const second = await session(url, [':as alice', '/apply', 'I love rivers', ':as carol', ':in #committee', ':react ^ ✅', ':as dave', ':react ^ ✅', ':as bob', '/application status']);
    expect(second.code).toBe(0);
    const alicePost = /#(\d+) in #committee:\n {3}== Application (A\w{5})/.exec(second.stdout);
    expect(alicePost).not.toBeNull();
    expect(Number(alicePost![1])).toBeGreaterThan(Number(bobPost![1])); // not #1 again
    expect(alicePost![2]).not.toBe(bobPost![2]);
    expect(second.stdout).toContain(`(reacted ✅ on #${alicePost![1]})`);
    expect(second.stdout).toContain('[DM to @alice]\n   == Welcome to Campus Crew! ==');
    expect(second.stdout).not.toContain('[DM to @bob]');
    expect(second.stdout).toContain(`Your application ${bobPost![2]} to Campus Crew: the committee is reviewing it`);
    const statuses = await readDb(url, async (db) =>
      Object.fromEntries((await db.prisma.application.findMany({ include: { applicant: true } })).map((a) => [a.applicant.platformUserId, a.status])),
    );
    expect(statuses).toEqual({ bob: 'VOTING', alice: 'ACCEPTED' });
  });
});
