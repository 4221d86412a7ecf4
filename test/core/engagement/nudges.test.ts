// Inactivity nudges: off by default; once on, one kind DM per quiet spell, at 10:00 program time,
// never to someone who turned them off; a new spell after new activity earns a new one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acceptAmbassadors, createTestCore, seedProgram, type TestCore } from '../../support/core.js';
import { testProvider } from '../../support/database.js';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore(new Date('2026-03-02T09:00:00Z'));
  await seedProgram(t, 'capacity:5');
  await acceptAmbassadors(t, ['alice', 'bob']);
});
afterEach(async () => {
  await t.close();
});

const at = async (iso: string) => {
  t.clock.now = new Date(iso);
  return t.job((jobs) => jobs.sendDueNudges({ claimedBy: 'test' }));
};
const nudgesTo = (who: string) => t.output.join('').split(`[DM to @${who}]\n   == Campus Crew misses you ==`).length - 1;

describe(`inactivity nudges on ${testProvider}`, () => {
  it('GIVEN nudges off (the default) WHEN weeks pass THEN nobody is nudged', async () => {
    expect(await at('2026-04-20T10:00:00Z')).toBe(0);
    expect(await t.core.deps.store.engagement.programsWithNudges()).toEqual([]);
  });

  it('GIVEN nudges after 2 weeks WHEN ambassadors stay quiet THEN each gets one nudge at 10:00, not again the next days; new activity starts a new spell', async () => {
    expect(await t.say('admin', '/program nudges after_weeks:2')).toContain('Nudges on: an ambassador with no verified activity for 2 weeks gets one kind DM (at 10:00 UTC)');
    expect(await at('2026-03-10T10:00:00Z')).toBe(0); // a week in: too early
    expect(await at('2026-03-17T09:59:00Z')).toBe(0); // before the daily time
    expect(await at('2026-03-17T10:00:30Z')).toBe(2);
    expect(nudgesTo('alice')).toBe(1);
    expect(t.output.join('')).toContain('Log what you do with /log kind:<kind> amount:<n>');
    expect(await at('2026-03-18T10:00:00Z')).toBe(0);
    expect(await at('2026-03-17T10:05:00Z')).toBe(0); // a second tick the same day

    // alice logs, staff verify; two quiet weeks later she gets one more; bob none (same spell)
    await t.say('alice', '/log kind:funds amount:100');
    const activity = await t.db.prisma.activity.findFirstOrThrow();
    await t.say('admin', `/activity approve id:${activity.id}`);
    await t.db.prisma.activity.update({ where: { id: activity.id }, data: { occurredAt: new Date('2026-03-18T12:00:00Z') } });
    expect(await at('2026-04-02T10:00:00Z')).toBe(1);
    expect([nudgesTo('alice'), nudgesTo('bob')]).toEqual([2, 1]);
  });

  it('GIVEN an ambassador who turned nudges off THEN they get none; someone who is not an ambassador is told so', async () => {
    await t.say('admin', '/program nudges after_weeks:2');
    expect(await t.say('bob', '/nudges off')).toContain("Done: I won't send you reminders");
    expect(await at('2026-03-17T10:00:00Z')).toBe(1);
    expect([nudgesTo('alice'), nudgesTo('bob')]).toEqual([1, 0]);
    expect(await t.say('zoe', '/nudges off')).toBe("Nudges are for ambassadors of Campus Crew, and you aren't one at the moment.");
    expect(await t.say('admin', '/program nudges after_weeks:2 off:true')).toBe('Either after_weeks: to turn nudges on, or off:true — not both.');
    expect(await t.say('admin', '/program nudges')).toContain('after_weeks: how many quiet weeks before a nudge');
    expect(await t.say('admin', '/program nudges after_weeks:0')).toContain('after_weeks: must be 1 or more');
    expect(await t.say('alice', '/program nudges off:true')).toBe('Only staff can use /program nudges.');
    expect(await t.say('admin', '/program nudges off:true')).toContain('Nudges off');
    expect(await at('2026-04-20T10:00:00Z')).toBe(0);
  });
});
