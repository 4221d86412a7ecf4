import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apply, createTestCore, seedProgram, type TestCore, refOf, applicationRow, committeeMessageOf } from '../support/core.js';
import { testProvider } from '../support/database.js';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore();
  await seedProgram(t);
});
afterEach(() => t.close());

const app = (ref: string) => applicationRow(t, ref);
const messageOf = (ref: string) => committeeMessageOf(t, ref);
const out = () => t.output.join('');
const audits = (action: string) => t.db.prisma.auditEvent.count({ where: { action } });

describe(`applications and committee voting on ${testProvider}`, () => {
  it('GIVEN an open program WHEN someone applies and two committee members approve THEN they are accepted, granted the role and welcomed', async () => {
    const ref = refOf(await apply(t, 'alice'));
    const msg = await messageOf(ref);
    expect(out()).toContain(`== Application ${ref} — Campus Crew ==`);
    expect(out()).toMatch(/Why do you want to join\?: I swim every day/);

    await t.react('carol', msg, '✅');
    expect((await app(ref)).status).toBe('VOTING');
    await t.react('dave', msg, '✅');

    expect((await app(ref)).status).toBe('ACCEPTED');
    const amb = await t.db.prisma.ambassador.findFirstOrThrow({ include: { member: true } });
    expect(amb.member.platformUserId).toBe('alice');
    expect(amb.grantedAt).not.toBeNull();
    expect(t.platform.granted.get('Ambassadors')?.has('alice')).toBe(true);
    expect(out()).toContain('[DM to @alice]');
    expect(out()).toContain('Welcome to Campus Crew!');
    expect(out()).toContain('Accepted — ✅ 2 · ❌ 0 · 🤔 0');
    expect(await t.say('alice', '/application status')).toContain('accepted');
  });

  it('GIVEN one vote WHEN the window closes THEN it is extended once, then left to staff', async () => {
    const ref = refOf(await apply(t, 'alice'));
    await t.react('carol', await messageOf(ref), '✅');
    t.clock.advanceHours(73);
    expect(await t.job((j) => j.closeDueVotes())).toBe(1);
    expect((await app(ref)).extended).toBe(true);
    expect((await app(ref)).status).toBe('VOTING');
    // News for the committee, not an alert: nobody has to act, and the post shows the new closing time.
    expect(out()).toContain(`== Voting extended: application ${ref} ==`);
    expect(out()).not.toContain('Staff: action needed');
    expect(out()).toMatch(/\(edited #1\)\n#1 in #committee:[\s\S]*closes Sun 8 Mar 2026, 10:00 UTC/);

    t.clock.advanceHours(72);
    expect(await t.job((j) => j.closeDueVotes())).toBe(1);
    expect((await app(ref)).status).toBe('AWAITING_STAFF');
    expect(out()).toContain(`/application decide ref:${ref}`);
    expect(await t.job((j) => j.closeDueVotes())).toBe(0);
  });

  it('GIVEN the reject policy WHEN the window closes without quorum THEN the applicant is turned away kindly', async () => {
    await t.say('admin', '/program rules no_quorum:reject');
    const ref = refOf(await apply(t, 'alice'));
    t.clock.advanceHours(73);
    await t.job((j) => j.closeDueVotes());
    expect((await app(ref)).status).toBe('REJECTED');
    expect(out()).toContain('This time the answer is no');
    const dm = /\[DM to @alice\]\n((?: {3}.*\n)*)/.exec(out())?.[1] ?? '';
    expect(dm).toContain('the committee could not reach a decision in time');
    expect(dm).not.toMatch(/✅|❌|carol|dave|erin/); // no vote counts or names reach the applicant
  });

  it('GIVEN a tie at quorum THEN the application is rejected', async () => {
    const ref = refOf(await apply(t, 'alice'));
    const msg = await messageOf(ref);
    await t.react('carol', msg, '✅');
    await t.react('dave', msg, '❌');
    expect((await app(ref)).status).toBe('REJECTED');
  });

  it('GIVEN a vote WHEN it is changed and then withdrawn THEN only the last state counts', async () => {
    const ref = refOf(await apply(t, 'alice'));
    const msg = await messageOf(ref);
    const { id } = await app(ref);
    await t.react('carol', msg, '✅');
    await t.react('carol', msg, '❌');
    expect((await t.db.prisma.vote.findMany({ where: { applicationId: id } })).map((v) => v.choice)).toEqual(['REJECT']);
    await t.react('carol', msg, '✅', false); // removing the old reaction does not withdraw the new vote
    expect(await t.db.prisma.vote.count({ where: { applicationId: id } })).toBe(1);
    await t.react('carol', msg, '❌', false);
    expect(await t.db.prisma.vote.count({ where: { applicationId: id } })).toBe(0);
    expect(await audits('vote.withdrawn')).toBe(1);
    expect((await app(ref)).status).toBe('VOTING');
  });

  it('GIVEN reactions from a non-member, the applicant and the referrer THEN none counts and they are removed', async () => {
    const ref = refOf(await apply(t, 'alice', undefined, 'referrer:@erin'));
    const msg = await messageOf(ref);
    const { id } = await app(ref);
    await t.react('bob', msg, '✅');
    await t.react('alice', msg, '✅');
    await t.react('erin', msg, '✅');
    await t.react('carol', msg, '🎉');
    expect(await t.db.prisma.vote.count({ where: { applicationId: id } })).toBe(0);
    for (const who of ['bob', 'alice', 'erin']) expect(out()).toContain(`(removed @${who}'s ✅ on #${msg}`);
    expect(out()).toContain('**Referred by:** erin');
  });

  it('GIVEN a full program WHEN another is accepted THEN they wait, and are promoted when a place frees up', async () => {
    const refs: string[] = [];
    for (const who of ['alice', 'bob', 'cleo']) {
      const ref = refOf(await apply(t, who));
      refs.push(ref);
      await t.react('carol', await messageOf(ref), '✅');
      await t.react('dave', await messageOf(ref), '✅');
    }
    expect((await app(refs[2]!)).status).toBe('WAITLISTED');
    expect(out()).toContain("you're on the waitlist");
    expect(await t.say('cleo', '/apply')).toContain('on the waitlist');

    expect(await t.say('bob', '/ambassador remove user:@alice')).toBe('Only staff can use /ambassador remove.');
    const said = await t.say('admin', '/ambassador remove user:@alice reason:"moved away"');
    expect(said).toContain('alice is no longer a Campus Crew ambassador. 1 from the waitlist takes the free place.');
    expect((await app(refs[2]!)).status).toBe('ACCEPTED');
    expect(await t.db.prisma.ambassador.count({ where: { status: 'ACTIVE' } })).toBe(2);
    expect(t.platform.granted.get('Ambassadors')).toEqual(new Set(['bob', 'cleo']));
  });

  it('GIVEN a double submission THEN one application is stored and the second is told where the first stands', async () => {
    const form = await t.run('alice', '/apply');
    if (form.kind !== 'form') throw new Error('expected a form');
    const values = Object.fromEntries(form.form.fields.map((f) => [f.id, 'I swim every day']));
    const submit = () => t.core.sink.formSubmitted({ formId: form.form.id, values, user: t.user('alice'), channel: { platform: 'console', workspaceId: 'local', id: 'general' } });
    const replies = await Promise.all([submit(), submit()]);
    expect(await t.db.prisma.application.count()).toBe(1);
    const texts = replies.map((r) => (r.kind === 'message' ? r.message.text : r.kind));
    expect(texts.filter((x) => x.includes('Your reference is'))).toHaveLength(1);
    expect(texts.filter((x) => x.includes('already have an application in progress'))).toHaveLength(1);
  });

  it('GIVEN voting in progress WHEN the applicant withdraws THEN later votes are ignored', async () => {
    const ref = refOf(await apply(t, 'alice'));
    expect(await t.say('alice', '/application withdraw')).toContain(`Your application ${ref} to Campus Crew is withdrawn`);
    await t.react('carol', await messageOf(ref), '✅');
    expect(await t.db.prisma.vote.count()).toBe(0);
    expect(out()).toContain('Withdrawn by the applicant');
    expect(await t.say('alice', '/application withdraw')).toContain('no open application');
  });

  it('GIVEN staff WHEN they override THEN the decision and its reason reach the applicant; others cannot', async () => {
    const ref = refOf(await apply(t, 'alice'));
    expect(await t.say('carol', `/application decide ref:${ref} outcome:reject`)).toBe('Only staff can use /application decide.');
    expect(await t.say('admin', `/application decide ref:${ref} outcome:reject reason:nope`)).toContain("isn't a preset");
    const said = await t.say('admin', `/application decide ref:${ref} outcome:reject reason:incomplete note:"Tell us more about your swimming"`);
    expect(said).toContain(`Application ${ref} is now **rejected**`);
    expect(out()).toContain('This time the answer is no: the application was incomplete.');
    expect(out()).toContain('A note from the team: Tell us more about your swimming');
    expect(await t.say('admin', `/application decide ref:${ref} outcome:accept`)).toContain('nothing to decide');
    const row = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'application.rejected' } });
    expect(row.reason).toBe('incomplete');
    expect(row.actorId).not.toBeNull();
  });

  it('GIVEN a rejection WHEN they re-apply during the cool-down THEN they are told when they can, and can after', async () => {
    const ref = refOf(await apply(t, 'alice'));
    await t.react('carol', await messageOf(ref), '❌');
    await t.react('dave', await messageOf(ref), '❌');
    expect(await t.say('alice', '/apply')).toContain('You can apply to Campus Crew again from');
    t.clock.advanceHours(24 * 91);
    expect((await t.run('alice', '/apply')).kind).toBe('form');
  });

  it('GIVEN the last needed votes arrive at the same moment THEN exactly one decision is taken', async () => {
    const ref = refOf(await apply(t, 'alice'));
    const msg = await messageOf(ref);
    await Promise.all(['carol', 'dave', 'erin'].map((who) => t.react(who, msg, '✅')));
    expect((await app(ref)).status).toBe('ACCEPTED');
    expect(await audits('application.accepted')).toBe(1);
    expect(await t.db.prisma.ambassador.count()).toBe(1);
    expect(out().split('Welcome to Campus Crew!').length - 1).toBe(1);
  });

  it('GIVEN a decided application WHEN someone votes THEN nothing changes and the reaction is removed', async () => {
    const ref = refOf(await apply(t, 'alice'));
    const msg = await messageOf(ref);
    await t.react('carol', msg, '❌');
    await t.react('dave', msg, '❌');
    await t.react('erin', msg, '✅');
    expect((await app(ref)).status).toBe('REJECTED');
    expect(await t.db.prisma.vote.count()).toBe(2);
    expect(out()).toContain(`(removed @erin's ✅ on #${msg}`);
  });

  it('GIVEN votes nearing the deadline THEN members who have not voted get one reminder', async () => {
    const ref = refOf(await apply(t, 'alice'));
    await t.react('carol', await messageOf(ref), '✅');
    t.clock.advanceHours(50);
    expect(await t.job((j) => j.sendVoteReminders())).toBe(2);
    expect(await t.job((j) => j.sendVoteReminders())).toBe(0);
    expect(out()).toContain('[DM to @dave]');
    expect(out()).toContain('[DM to @erin]');
    expect(out()).not.toContain('[DM to @carol]');
    const pending = await t.say('carol', '/application pending');
    expect(pending).toContain(`${ref}** — 1 vote (quorum 2)`);
    expect(pending).toContain('Not voted yet: dave, erin');
    expect(await t.say('bob', '/application pending')).toContain('Only the Campus Crew committee and staff');
  });
});
