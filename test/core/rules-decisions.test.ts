// Regressions of issue #10 about decisions and the people they concern (items 3, 4, 7, 9, 10, 16):
// the waitlist as a queue, staff decisions told truly, removals, opt-outs, and staff alerts that
// can't reach their channel.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlatformError, type ChannelRef, type MessageRef, type OutboundMessage } from '../../src/core/ports/chat-platform.js';
import type { PostOptions } from '../../src/core/ports/chat-platform.js';
import { runDueLeaderboards } from '../../src/core/activity/weekly.js';
import { ConsoleAdapter } from '../../src/platforms/console/adapter.js';
import { renderLeaderboardCard } from '../../src/render/leaderboard-card.js';
import { apply, createTestCore, seedProgram, type TestCore, refOf, applicationRow, committeeMessageOf } from '../support/core.js';
import { testProvider } from '../support/database.js';
import { restart } from '../support/restart.js';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore(); // Monday 2 March 2026, 10:00 UTC
  await seedProgram(t); // capacity 2; committee carol, dave, erin; quorum 2; announcements in #news
});
afterEach(() => t.close());

const app = (ref: string) => applicationRow(t, ref);
const messageOf = (ref: string) => committeeMessageOf(t, ref);
const out = () => t.output.join('');
/** Every DM `who` got, in order, as printed by the console. */
const dmsTo = (who: string) => [...out().matchAll(new RegExp(`\\[DM to @${who}\\]\\n((?: {3}.*\\n?)*)`, 'g'))].map((m) => m[1]!);
/** What the bot posted in a channel (as it stands now). */
const postsIn = async (channel: string) =>
  (await t.db.prisma.consoleMessage.findMany({ where: { channel }, orderBy: { id: 'asc' } })).map((m) => m.message as { title?: string; text: string });
/** Applies as `who` and has carol and dave approve; returns the reference. */
async function approved(who: string): Promise<string> {
  const ref = refOf(await apply(t, who));
  await t.react('carol', await messageOf(ref), '✅');
  await t.react('dave', await messageOf(ref), '✅');
  return ref;
}

/** The bot has lost its permission to post in #committee. */
class NoCommitteeConsole extends ConsoleAdapter {
  override async post(to: ChannelRef, msg: OutboundMessage, opts?: PostOptions): Promise<MessageRef> {
    if (to.id === 'committee') throw new PlatformError('missing_permission', 'I am not allowed to post in #committee', 'give me Send Messages in #committee');
    return super.post(to, msg, opts);
  }
}

describe(`issue #10 — decisions and people on ${testProvider}`, () => {
  it('GIVEN a full program with a waitlist WHEN staff raise the capacity THEN the longest-waiting person gets the new place at once and later applicants never overtake them (item 3)', async () => {
    await t.say('admin', '/program setup capacity:1');
    const alice = await approved('alice');
    const bob = await approved('bob');
    expect((await app(alice)).status).toBe('ACCEPTED');
    expect((await app(bob)).status).toBe('WAITLISTED');
    const cara = refOf(await apply(t, 'cara')); // applies while bob waits

    const raised = await t.say('admin', '/program setup capacity:2');
    expect(raised).toContain('1 person from the waitlist took the new place.');
    expect((await app(bob)).status).toBe('ACCEPTED');
    expect(dmsTo('bob').at(-1)).toContain('== Welcome to Campus Crew! ==');
    expect(t.platform.granted.get('Ambassadors')).toEqual(new Set(['alice', 'bob']));

    // cara is voted in after bob: the program is full again, so she queues.
    await t.react('carol', await messageOf(cara), '✅');
    await t.react('dave', await messageOf(cara), '✅');
    expect((await app(cara)).status).toBe('WAITLISTED');
    const finn = await approved('finn');
    expect((await app(finn)).status).toBe('WAITLISTED');
    expect(await t.say('admin', '/program waitlist')).toContain(`2 of 2 places taken.\n1. cara (${cara})\n2. finn (${finn})`);

    expect(await t.say('admin', '/program setup capacity:3')).toContain('1 person from the waitlist took the new place.');
    expect((await app(cara)).status).toBe('ACCEPTED');
    expect((await app(finn)).status).toBe('WAITLISTED');
    expect(await t.db.prisma.ambassador.count({ where: { status: 'ACTIVE' } })).toBe(3);
    expect(await t.db.prisma.auditEvent.count({ where: { action: 'application.promoted' } })).toBe(2);
  });

  it('GIVEN free places WHEN staff waitlist an application THEN it is refused with the reason and the application stays as it was (item 4)', async () => {
    const ref = refOf(await apply(t, 'alice'));
    const { updatedAt: _, ...before } = await app(ref); // (the row lock may touch updatedAt)

    const said = await t.say('admin', `/application decide ref:${ref} outcome:waitlist`);
    expect(said).toBe(`Campus Crew has 2 free places (0 of 2 taken), so there is nothing to wait for. Accept ${ref} with outcome:accept instead.`);
    expect(await app(ref)).toMatchObject(before);
    expect((await app(ref)).status).toBe('VOTING');
    expect(await t.db.prisma.auditEvent.count({ where: { action: { startsWith: 'application.' }, NOT: { action: 'application.submitted' } } })).toBe(0);
    expect(dmsTo('alice')).toEqual([]);

    // Voting simply goes on.
    await t.react('carol', await messageOf(ref), '✅');
    await t.react('dave', await messageOf(ref), '✅');
    expect((await app(ref)).status).toBe('ACCEPTED');
  });

  it('GIVEN staff accept with a note THEN the note reaches the applicant in the welcome DM (item 7)', async () => {
    const ref = refOf(await apply(t, 'alice'));
    const said = await t.say('admin', `/application decide ref:${ref} outcome:accept note:"Start with the spring clean-up on 21 March"`);
    expect(said).toContain(`Application ${ref} is now **accepted**`);
    expect(await app(ref)).toMatchObject({ status: 'ACCEPTED', decisionNote: 'Start with the spring clean-up on 21 March' });
    const dms = dmsTo('alice');
    expect(dms).toHaveLength(1);
    expect(dms[0]).toContain('== Welcome to Campus Crew! ==');
    expect(dms[0]).toContain('**A note from the team:** Start with the spring clean-up on 21 March');
  });

  it('GIVEN an ambassador WHEN staff remove them THEN they are told by DM and their status no longer welcomes them aboard (item 9)', async () => {
    const ref = await approved('alice');
    expect(await t.say('alice', '/application status')).toContain('accepted. Welcome aboard!');
    t.clock.advanceHours(24);

    expect(await t.say('admin', '/ambassador remove user:@alice reason:"moved away"')).toContain('alice is no longer a Campus Crew ambassador.');
    expect((await t.db.prisma.ambassador.findFirstOrThrow()).status).toBe('REMOVED');
    expect(t.platform.granted.get('Ambassadors')?.has('alice')).toBe(false);
    const removal = dmsTo('alice').at(-1)!;
    expect(removal).toContain('== Campus Crew: thank you ==');
    expect(removal).toContain("You're no longer a Campus Crew ambassador.");

    const status = await t.say('alice', '/application status');
    expect(status).not.toContain('Welcome aboard');
    // The first line; their own answers follow (issue #15).
    expect(status.split('\n')[0]).toBe(`Your application ${ref} to Campus Crew: accepted, and you were an ambassador until Tue 3 Mar 2026, 10:00 UTC. Thank you for all you did; you're welcome to apply again.`);
  });

  it('GIVEN an ambassador who opted out of public mentions WHEN they are accepted again and the weekly post goes out THEN neither public post names them (item 10)', async () => {
    await t.say('admin', '/program rules announce_acceptances:true');
    await approved('alice');
    expect((await postsIn('news')).map((m) => m.title)).toEqual(['Welcome, alice!']); // before opting out: named
    expect(await t.say('alice', '/leaderboard optout')).toContain("you're off the public leaderboards");
    await t.say('admin', '/ambassador remove user:@alice');
    const again = await approved('alice'); // accepted again the same week
    expect((await app(again)).status).toBe('ACCEPTED');
    await approved('bob');

    const news = await postsIn('news');
    expect(news.map((m) => m.title)).toEqual(['Welcome, alice!', 'Welcome, bob!']); // no second welcome naming alice

    t.clock.now = new Date('2026-03-09T09:00:30Z'); // Monday 09:00 UTC: the week of 2 March is posted
    expect(await runDueLeaderboards(t.core.deps, { claimedBy: 'test', renderCard: renderLeaderboardCard })).toBe(1);
    await t.core.dispatcher.drain();
    const weekly = (await postsIn('news')).at(-1)!;
    expect(weekly.title).toBe('Campus Crew — weekly leaderboard');
    expect(weekly.text).toContain('**Welcome** to our new ambassador: bob!');
    expect(weekly.text).not.toContain('alice');
  });

  it('GIVEN the committee channel is unreachable WHEN an application cannot be posted THEN every staff member gets the alert by DM and /program show keeps it as the last undelivered alert (item 16)', async () => {
    expect(await t.say('admin', '/staff add user:@sam')).toContain('sam is now staff');
    t = await restart(t, (o) => new NoCommitteeConsole(o));

    const ref = refOf(await apply(t, 'alice'));
    expect((await app(ref)).status).toBe('VOTING'); // the application itself is safe
    expect((await app(ref)).committeeMessageId).toBeNull();
    expect(await postsIn('committee')).toEqual([]);

    for (const who of ['admin', 'sam']) {
      const [alert] = dmsTo(who);
      expect(alert, `DM to ${who}`).toContain('== Staff: action needed ==');
      expect(alert).toContain("I couldn't post an application to the committee channel: I am not allowed to post in #committee. To fix: give me Send Messages in #committee");
      expect(alert).toContain("(I couldn't post this where staff alerts go — #committee: I am not allowed to post in #committee (to fix: give me Send Messages in #committee).)");
    }
    for (const who of ['carol', 'dave', 'erin', 'alice']) expect(dmsTo(who).join('')).not.toContain('Staff: action needed');

    const show = await t.say('admin', '/program show');
    expect(show).toContain("Last undelivered alert: Mon 2 Mar 2026, 10:00 UTC: I couldn't post an application to the committee channel: I am not allowed to post in #committee.");
    expect(show).toContain('not delivered to <#committee>: I am not allowed to post in #committee');
    expect((await t.db.prisma.program.findFirstOrThrow()).lastProblem).toContain("I couldn't post an application to the committee channel");
  });
});
