import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, seedProgram, type TestCore } from '../support/core.js';
import { testProvider } from '../support/database.js';
import { ANSWERS, LINK, NAME, NOTE, applyAs, as, everyTableText, person, textOf } from './harness.js';

let t: TestCore;
afterEach(() => t?.close());

const zeph = person('zeph', NAME);
const bob = person('bob', 'Bob Plain');

async function accept(ref: string): Promise<void> {
  const app = await t.db.prisma.application.findUniqueOrThrow({ where: { ref } });
  for (const m of ['carol', 'dave']) await t.react(m, app.committeeMessageId!, '✅');
}

async function programWithPeople(): Promise<{ zephRef: string; bobRef: string }> {
  t = await createTestCore();
  await seedProgram(t);
  const zephRef = await applyAs(t, zeph, ANSWERS);
  await accept(zephRef);
  // Zeph sits on the committee and votes on Bob: her vote must still count in Bob's tally once she is erased.
  await t.say('admin', '/committee add user:@zeph');
  const bobRef = await applyAs(t, bob, ['Bob likes rivers a lot', 'Paris']);
  const bobApp = await t.db.prisma.application.findUniqueOrThrow({ where: { ref: bobRef } });
  await t.react('zeph', bobApp.committeeMessageId!, '✅');
  await t.react('carol', bobApp.committeeMessageId!, '✅');
  for (const who of [zeph, bob]) await as(t, who, `/log kind:share amount:3 link:${who === zeph ? LINK : 'https://bob.example/post'} note:"${who === zeph ? NOTE : 'bob note'}"`);
  for (const a of await t.db.prisma.activity.findMany()) await t.say('admin', `/activity approve id:${a.id}`);
  await as(t, zeph, `/feedback send text:"About the river walks: ${NOTE}"`); // named: staff see her name and words
  // A multi-step form she started and never sent (kept for any process to continue): her words in progress.
  await t.db.prisma.formDraft.create({ data: { token: 'draft-zeph', personKey: 'console:zeph:apply:1', data: { answers: [ANSWERS[0]!] }, expiresAt: new Date('2030-01-01T00:00:00Z') } });
  return { zephRef, bobRef };
}

/** What must not change when someone else is erased. */
async function aggregates() {
  const p = t.db.prisma;
  const votes = await p.vote.findMany({ orderBy: { id: 'asc' }, select: { applicationId: true, voterId: true, choice: true } });
  const apps = await p.application.findMany({ orderBy: { id: 'asc' }, select: { ref: true, status: true, decisionReason: true } });
  const points = await p.activity.groupBy({ by: ['memberId'], _sum: { points: true }, orderBy: { memberId: 'asc' } });
  return { votes, apps, points: points.map((x) => x._sum.points), activities: await p.activity.count() };
}

describe(`erasing a person on ${testProvider}`, () => {
  it('GIVEN an ambassador with answers, activity and a name WHEN they ask for their data THEN they see counts and get a complete export', async () => {
    const { zephRef } = await programWithPeople();
    const status = textOf(await as(t, zeph, '/application status'));
    expect(status).toContain(ANSWERS[0]); // their own answers, to them
    const reply = textOf(await as(t, zeph, '/mydata'));
    expect(reply).toMatch(/1 application \(with your answers\) — visible to the committee channel and staff only/);
    expect(reply).toContain('1 logged activity');
    const path = /• (\S+\.json)/.exec(reply)![1]!;
    const doc = JSON.parse(readFileSync(path, 'utf8'));
    expect(doc.member.displayName).toBe(NAME);
    expect(doc.applications[0]).toMatchObject({ ref: zephRef, status: 'accepted', answers: [{ answer: ANSWERS[0] }, { answer: ANSWERS[1] }] });
    expect(doc.applications[0]).not.toHaveProperty('decidedById');
    expect(doc.activity[0]).toMatchObject({ link: LINK, note: NOTE, kindKey: 'share', status: 'verified' });
    expect(doc.ambassadorTerms[0]).toMatchObject({ status: 'active', leaderboardOptOut: false });
    expect(JSON.stringify(doc)).not.toContain('Bob');
    const csv = readFileSync(/• (\S+applications\S+\.csv)/.exec(reply)![1]!, 'utf8');
    expect(csv).toContain(ANSWERS[0]);
  });

  it('GIVEN that ambassador WHEN they erase with the code THEN no table holds their name or words, posts are edited, the role goes, and aggregates stay true', async () => {
    const { zephRef, bobRef } = await programWithPeople();
    const before = await aggregates();
    const ask = textOf(await as(t, zeph, '/mydata erase'));
    expect(ask).toContain('stop being an ambassador of Campus Crew');
    const code = /confirm:(\w+)/.exec(ask)![1]!;
    expect(textOf(await as(t, zeph, '/mydata erase confirm:WRONG1'))).toContain('is not the code I gave');
    expect(await t.db.prisma.member.count({ where: { erasedAt: { not: null } } })).toBe(0);
    const done = textOf(await as(t, zeph, `/mydata erase confirm:${code}`));
    expect(done).toContain('the data is erased');

    const tables = await everyTableText(t);
    for (const [table, text] of Object.entries(tables)) {
      for (const secret of [NAME, ...ANSWERS, LINK, NOTE, 'Zephyrine']) expect(text, `${table} still holds “${secret}”`).not.toContain(secret);
    }
    // The committee post was edited through the outbox and now reads [erased].
    const app = await t.db.prisma.application.findUniqueOrThrow({ where: { ref: zephRef } });
    const post = await t.db.prisma.consoleMessage.findUniqueOrThrow({ where: { id: Number(app.committeeMessageId) } });
    expect(JSON.stringify(post.message)).toContain('[erased]');
    expect(t.output.join('\n')).toContain(`(edited #${app.committeeMessageId})`);
    expect(t.output.join('\n')).toContain('(@zeph no longer has Ambassadors)');
    // Aggregates: votes, decisions, everyone's points and the number of activities are unchanged.
    expect(await aggregates()).toEqual(before);
    // Bob's decided post, shown again, keeps Zeph's vote in its tally; Zeph is off the committee.
    const bobApp = await t.db.prisma.application.findUniqueOrThrow({ where: { ref: bobRef } });
    await t.core.deps.store.outbox.enqueue({ kind: 'committee.refresh', applicationId: bobApp.id });
    await t.core.dispatcher.drain();
    const bobPost = await t.db.prisma.consoleMessage.findUniqueOrThrow({ where: { id: Number(bobApp.committeeMessageId) } });
    expect((bobPost.message as { footer: string }).footer).toBe('Accepted — ✅ 2 · ❌ 0 · 🤔 0');
    expect(await t.db.prisma.committeeMember.count()).toBe(3);
    const erased = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'person.erased' } });
    expect(erased.data).toBeNull();
    expect(await t.db.prisma.ambassador.count({ where: { status: 'ACTIVE' } })).toBe(1);

    // Twice: a clear answer, and the name their second command brought back is gone again.
    expect(textOf(await as(t, zeph, '/mydata erase'))).toMatch(/already erased on/);
    expect(JSON.stringify(await t.db.prisma.member.findMany())).not.toContain(NAME);
    // Their export now shows the erasure.
    const path = /• (\S+\.json)/.exec(textOf(await as(t, zeph, '/mydata')))![1]!;
    expect(JSON.parse(readFileSync(path, 'utf8')).applications[0].answers[0].answer).toBe('[erased]');
  });

  it('GIVEN an application in voting WHEN its applicant erases THEN it is withdrawn first and the committee is told', async () => {
    t = await createTestCore();
    await seedProgram(t);
    const ref = await applyAs(t, zeph, ANSWERS);
    const code = /confirm:(\w+)/.exec(textOf(await as(t, zeph, '/mydata erase')))![1]!;
    const done = textOf(await as(t, zeph, `/mydata erase confirm:${code}`));
    expect(done).toContain(`Withdrawn (the committee was told): ${ref}`);
    expect((await t.db.prisma.application.findUniqueOrThrow({ where: { ref } })).status).toBe('WITHDRAWN');
    expect(t.output.join('\n')).toContain(`Application ${ref} was withdrawn: the applicant asked for their data to be erased.`);
    expect(JSON.stringify(await everyTableText(t))).not.toContain(ANSWERS[0]);
  });

  it('GIVEN staff WHEN they erase someone not in the program, someone unknown, then a member on request THEN each gets a clear answer and the erasure is audited', async () => {
    t = await createTestCore();
    await seedProgram(t);
    await as(t, person('stranger', 'Stranger Danger'), '/about');
    expect(await t.say('admin', '/application erase user:@stranger')).toContain('has no application, ambassador term, activity or committee place in Campus Crew');
    expect(await t.say('admin', '/application erase user:@nobody')).toContain('has never used Campus Crew');
    expect(await t.say('carol', '/application erase user:@zeph')).toContain('Only staff');
    const ref = await applyAs(t, zeph, ANSWERS);
    const code = /confirm:(\w+)/.exec(await t.say('admin', '/application erase user:@zeph'))![1]!;
    expect(await t.say('admin', `/application erase user:@zeph confirm:${code}`)).toContain(`Withdrawn (the committee was told): ${ref}`);
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'person.erased' } });
    const admin = await t.db.prisma.member.findFirstOrThrow({ where: { platformUserId: 'admin' } });
    expect(audit).toMatchObject({ actorId: admin.id, reason: "at the person's request, by staff", data: null });
    expect(t.output.join('\n')).toContain('Your data was erased');
    expect(await t.say('admin', '/application erase user:@zeph')).toMatch(/already erased on/);
  });
});
