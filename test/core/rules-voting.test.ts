// Regressions of issue #10 about committee voting (items 5, 6, 8, 11, 12, 13): who counts, what the
// committee post shows, why a no-quorum rejection says so, extensions as news, vote emoji, quorum.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apply, createTestCore, seedProgram, type TestCore, refOf, applicationRow, committeeMessageOf } from '../support/core.js';
import { testProvider } from '../support/database.js';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore();
});
afterEach(() => t.close());

const app = (ref: string) => applicationRow(t, ref);
const messageOf = (ref: string) => committeeMessageOf(t, ref);
const out = () => t.output.join('');
/** Every DM `who` got, in order, as printed by the console. */
const dmsTo = (who: string) => [...out().matchAll(new RegExp(`\\[DM to @${who}\\]\\n((?: {3}.*\\n?)*)`, 'g'))].map((m) => m[1]!);
/** A console message as it stands now (after edits), with its reactions. */
const posted = async (id: string) => {
  const row = await t.db.prisma.consoleMessage.findUniqueOrThrow({ where: { id: Number(id) } });
  const message = row.message as { title?: string; text: string; footer?: string; tone?: string };
  return { ...message, channel: row.channel, reactions: row.reactions as Record<string, string[]> };
};
const votesOn = async (ref: string) =>
  (await t.db.prisma.vote.findMany({ where: { application: { ref } }, include: { voter: true }, orderBy: { id: 'asc' } })).map((v) => `${v.voter.platformUserId} ${v.choice}`);

describe(`issue #10 — committee voting on ${testProvider}`, () => {
  it('GIVEN dave voted ❌ WHEN he is removed from the committee THEN his vote stops counting, the post is updated, and later votes decide by current members only (item 5)', async () => {
    await seedProgram(t); // committee carol, dave, erin; quorum 2, threshold 2/3
    const ref = refOf(await apply(t, 'alice'));
    const msg = await messageOf(ref);
    await t.react('dave', msg, '❌');
    expect((await posted(msg)).text).toContain('**Votes:** dave ❌ (quorum 2)');

    expect(await t.say('admin', '/committee remove user:@dave')).toContain('dave left the Campus Crew committee.');
    const afterRemoval = await posted(msg);
    expect(afterRemoval.text).toContain('**Votes:** none yet (quorum 2)\n**Not voted yet:** carol, erin');
    expect(afterRemoval.text).not.toContain('dave');
    expect((await app(ref)).status).toBe('VOTING');

    // erin's ✅ is the only counted vote: no quorum yet (counting dave's ❌ would have made a 1–1 tie, a rejection).
    await t.react('erin', msg, '✅');
    expect((await app(ref)).status).toBe('VOTING');
    expect((await posted(msg)).text).toContain('**Votes:** erin ✅ (quorum 2)\n**Not voted yet:** carol');
    expect(dmsTo('alice')).toEqual([]);

    await t.react('carol', msg, '✅');
    expect((await app(ref)).status).toBe('ACCEPTED');
    expect((await posted(msg)).footer).toBe('Accepted — ✅ 2 · ❌ 0 · 🤔 0');
    expect(dmsTo('alice')[0]).toContain('== Welcome to Campus Crew! ==');
  });

  it('GIVEN carol voted ✅ WHEN she changes to ❌ THEN the bot removes her ✅, the post shows only her ❌, and one vote is stored (item 6)', async () => {
    await seedProgram(t);
    const ref = refOf(await apply(t, 'alice'));
    const msg = await messageOf(ref);
    await t.react('carol', msg, '✅');
    expect((await posted(msg)).text).toContain('**Votes:** carol ✅ (quorum 2)');

    await t.react('carol', msg, '❌');
    expect(out()).toContain(`(removed @carol's ✅ on #${msg})`);
    const now = await posted(msg);
    expect(now.reactions['✅']).toEqual(['bot']);
    expect(now.reactions['❌']).toEqual(['bot', 'carol']);
    expect(now.text).toContain('**Votes:** carol ❌ (quorum 2)');
    expect(now.text).not.toContain('carol ✅');
    expect(await votesOn(ref)).toEqual(['carol REJECT']);
    expect(await t.db.prisma.auditEvent.count({ where: { action: 'vote.changed' } })).toBe(1);
    expect((await app(ref)).status).toBe('VOTING');
    expect(await t.say('carol', '/application pending')).toContain(`${ref}** — 1 vote (quorum 2)`);
  });

  it('GIVEN no_quorum:reject WHEN an application closes without quorum by the deadline job or by a late reaction THEN the applicant reads the no-quorum reason, which staff can reword but not remove (item 8)', async () => {
    await seedProgram(t);
    await t.say('admin', '/program rules no_quorum:reject');
    const program = await t.db.prisma.program.findFirstOrThrow();
    const reason = () => t.db.prisma.rejectionReason.findFirst({ where: { programId: program.id, code: 'no_quorum' } });

    expect(await t.say('admin', '/program reasons remove code:no_quorum')).toContain("no_quorum is built in: the rules use it to tell applicants why, so it can't be removed.");
    expect((await reason())?.label).toBe('the committee could not reach a decision in time');

    // The deadline job closes the window.
    const first = refOf(await apply(t, 'alice'));
    t.clock.advanceHours(73);
    expect(await t.job((j) => j.closeDueVotes())).toBe(1);
    expect(await app(first)).toMatchObject({ status: 'REJECTED', decisionReason: 'no_quorum' });
    const [toAlice] = dmsTo('alice');
    expect(toAlice).toContain('This time the answer is no: the committee could not reach a decision in time.');
    expect(toAlice).not.toContain('right fit');

    // Staff reword it; a late reaction after the window closes it this time.
    expect(await t.say('admin', '/program reasons add code:no_quorum label:"voting closed before enough of the committee could weigh in"')).toContain('Saved reason no_quorum');
    const second = refOf(await apply(t, 'bob'));
    t.clock.advanceHours(73);
    await t.react('carol', await messageOf(second), '✅'); // one vote, after the window: still no quorum
    expect(await app(second)).toMatchObject({ status: 'REJECTED', decisionReason: 'no_quorum' });
    const [toBob] = dmsTo('bob');
    expect(toBob).toContain('This time the answer is no: voting closed before enough of the committee could weigh in.');
    expect(toBob).not.toContain('right fit');
    expect(toBob).not.toContain('could not reach a decision in time');
    const audits = await t.db.prisma.auditEvent.findMany({ where: { action: 'application.rejected' }, orderBy: { id: 'asc' } });
    expect(audits.map((a) => [a.subjectId, a.reason])).toEqual([[first, 'no_quorum'], [second, 'no_quorum']]);
  });

  it('GIVEN one vote and the default extend-once policy WHEN the window passes THEN the committee gets an information notice, not a staff alert, and the post shows the new closing time (item 11)', async () => {
    await seedProgram(t);
    const ref = refOf(await apply(t, 'alice'));
    const msg = await messageOf(ref);
    expect((await posted(msg)).footer).toContain('closes Thu 5 Mar 2026, 10:00 UTC');
    await t.react('carol', msg, '✅');
    t.clock.advanceHours(73);
    expect(await t.job((j) => j.closeDueVotes())).toBe(1);

    expect(await app(ref)).toMatchObject({ status: 'VOTING', extended: true, votingEndsAt: new Date('2026-03-08T10:00:00Z') });
    const notices = (await t.db.prisma.consoleMessage.findMany({ where: { channel: 'committee' }, orderBy: { id: 'asc' } })).map((m) => m.message as { title?: string; text: string; tone?: string });
    const extended = notices.filter((m) => m.title === `Voting extended: application ${ref}`);
    expect(extended).toHaveLength(1);
    expect(extended[0]!.tone).toBe('info');
    expect(extended[0]!.text).toContain('has 1 vote of the 2 needed, so voting stays open once more, until Sun 8 Mar 2026, 10:00 UTC');
    expect(notices.some((m) => m.title === 'Staff: action needed')).toBe(false);
    expect(out()).not.toContain('Staff: action needed');
    expect(dmsTo('admin')).toEqual([]);
    const post = await posted(msg);
    expect(post.footer).toContain('closes Sun 8 Mar 2026, 10:00 UTC');
    expect(post.footer).not.toContain('5 Mar');
  });

  it('GIVEN vote emoji options WHEN staff set text that is not an emoji THEN it is refused and nothing changes; a real emoji works for voting (item 12)', async () => {
    await seedProgram(t);
    const emoji = async () => {
      const p = await t.db.prisma.program.findFirstOrThrow();
      return [p.emojiApprove, p.emojiReject, p.emojiAbstain];
    };
    const rulesChanges = () => t.db.prisma.auditEvent.count({ where: { action: 'program.rules_changed' } });
    const before = await rulesChanges();
    expect(await t.say('admin', '/program rules approve_emoji:"yes please"')).toBe("approve_emoji: “yes please” isn't an emoji people can react with. Type the emoji itself, e.g. ✅ or 👍.");
    expect(await emoji()).toEqual(['✅', '❌', '🤔']);
    expect(await rulesChanges()).toBe(before);

    const said = await t.say('admin', '/program rules approve_emoji:👍');
    expect(said).not.toContain("isn't an emoji");
    expect(await emoji()).toEqual(['👍', '❌', '🤔']);

    const ref = refOf(await apply(t, 'alice'));
    const msg = await messageOf(ref);
    const post = await posted(msg);
    expect(post.footer).toContain('Vote: 👍 approve · ❌ reject · 🤔 abstain');
    expect(post.reactions['👍']).toEqual(['bot']);
    await t.react('carol', msg, '✅'); // no longer a vote emoji: not counted
    expect(await votesOn(ref)).toEqual([]);
    await t.react('carol', msg, '👍');
    await t.react('dave', msg, '👍');
    expect(await votesOn(ref)).toEqual(['carol APPROVE', 'dave APPROVE']);
    expect((await app(ref)).status).toBe('ACCEPTED');
    expect((await posted(msg)).footer).toBe('Accepted — 👍 2 · ❌ 0 · 🤔 0');
  });

  it('GIVEN a new program with the default quorum of 3 WHEN its committee has fewer members than that THEN setup, rule changes and /committee remove say how to fix it (item 13)', async () => {
    const setup = await t.say('admin', '/program setup program:"Campus Crew" why:"We love clean rivers" objective:"Raise $50,000" metric:dollars target:50000 capacity:3 committee_channel:#committee');
    expect(setup).toContain('Voting needs a quorum of 3 committee votes: add at least 3 members with /committee add, or change it with /program rules quorum:…');
    expect((await t.db.prisma.program.findFirstOrThrow()).quorum).toBe(3);

    // Adding members one by one passes through "too few" (no warning on add since 18d8912).
    expect(await t.say('admin', '/committee add user:@carol')).toContain('carol joined the Campus Crew committee.');
    expect(await t.say('admin', '/committee add user:@dave')).toContain('dave joined the Campus Crew committee.');
    // Two members, quorum 3: a rules change says so, with both fixes.
    const rules = await t.say('admin', '/program rules window_hours:48');
    expect(rules).toContain("Heads up: the quorum is 3 but the committee has 2 members, so votes alone can't decide");
    expect(rules).toContain('Add members with /committee add, or lower the quorum with /program rules quorum:2.');

    expect(await t.say('admin', '/committee add user:@erin')).not.toContain('Heads up');
    const removed = await t.say('admin', '/committee remove user:@erin');
    expect(removed).toContain('erin left the Campus Crew committee.');
    expect(removed).toContain("Heads up: the quorum is 3 but the committee has 2 members, so votes alone can't decide");
    expect(removed).toContain('Add members with /committee add, or lower the quorum with /program rules quorum:2.');
    expect(await t.db.prisma.committeeMember.count()).toBe(2);

    // Following the advice settles it.
    const fixed = await t.say('admin', '/program rules quorum:2');
    expect(fixed).not.toContain('Heads up');
    expect((await t.db.prisma.program.findFirstOrThrow()).quorum).toBe(2);
  });
});
