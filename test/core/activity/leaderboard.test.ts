import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testProvider } from '../../support/database.js';
import { activityTest, ambassador, logged, setClock, type ActivityTest } from './harness.js';

let t: ActivityTest;
beforeEach(async () => {
  // Wednesday 4 March 2026, in a program on Paris time.
  t = await activityTest('2026-03-04T10:00:00Z', 'timezone:Europe/Paris');
  for (const who of ['ann', 'bea', 'cal', 'dan']) await ambassador(t, who);
});
afterEach(() => t.close());

describe(`on-demand leaderboards on ${testProvider}`, () => {
  it('GIVEN equal points WHEN the board is shown THEN ties share a rank and the next rank skips', async () => {
    await logged(t, 'ann', 'kind:event amount:1'); // 20
    await logged(t, 'bea', 'kind:event amount:1'); // 20
    await logged(t, 'cal', 'kind:share amount:7'); // 7
    const board = await t.say('dan', '/leaderboard show');
    expect(board).toContain('Campus Crew — Week of 2 March 2026, so far');
    expect(board).toContain('1. ann — 20 pts\n1. bea — 20 pts\n3. cal — 7 pts');
    expect(board).toContain('**You:** 0 pts, not ranked yet');
  });

  it('GIVEN an ambassador who opted out THEN the public board skips them, yet /me and their own board view show their rank', async () => {
    await logged(t, 'ann', 'kind:event amount:2'); // 40
    await logged(t, 'bea', 'kind:share amount:10'); // 10
    expect(await t.say('ann', '/leaderboard optout')).toContain("you're off the public leaderboards");
    expect(await t.say('ann', '/leaderboard optout')).toBe("You're already off the public leaderboards.");

    const seenByBea = await t.say('bea', '/leaderboard show period:all');
    expect(seenByBea).toContain('1. bea — 10 pts');
    expect(seenByBea).not.toContain('ann');
    expect(await t.say('ann', '/leaderboard show period:all')).toContain('**You:** 40 pts, rank 1 of 2 (opted out: only you see this)');
    const me = await t.say('ann', '/me');
    expect(me).toContain('**All time:** 40 pts, rank 1 of 2');
    expect(me).toContain('You opted out of the public board');

    expect(await t.say('ann', '/leaderboard optin')).toContain('Welcome back');
    expect(await t.say('bea', '/leaderboard show period:all')).toContain('1. ann — 40 pts\n2. bea — 10 pts');
    expect(await t.db.prisma.auditEvent.count({ where: { action: { in: ['leaderboard.opted_out', 'leaderboard.opted_in'] } } })).toBe(2);
  });

  it('GIVEN activity this week, last month and in a campaign THEN week, month, all and campaign boards differ', async () => {
    const spring = await t.db.prisma.campaign.create({ data: { programId: t.programId, title: 'Spring', message: 'm', channelIds: [] } });
    setClock(t, '2026-02-20T12:00:00Z');
    await logged(t, 'ann', 'kind:event amount:3'); // 60, February
    setClock(t, '2026-03-03T12:00:00Z');
    await logged(t, 'bea', `kind:share amount:5 campaign:${spring.id}`); // 5, this week
    setClock(t, '2026-03-04T12:00:00Z');
    expect(await t.say('cal', '/leaderboard show period:week')).toContain('1. bea — 5 pts');
    const month = await t.say('cal', '/leaderboard show period:month');
    expect(month).toContain('Campus Crew — March 2026\n1. bea — 5 pts');
    expect(month).not.toContain('ann —');
    expect(await t.say('cal', '/leaderboard show period:all')).toContain('1. ann — 60 pts\n2. bea — 5 pts');
    const campaign = await t.say('cal', `/leaderboard show campaign:${spring.id}`);
    expect(campaign).toContain('Campus Crew — Campaign “Spring”');
    expect(campaign).toContain('1. bea — 5 pts');
    expect(campaign).not.toContain('ann');
  });

  it('GIVEN the week boundary at Monday 00:00 Paris time THEN Sunday 23:30 and Monday 00:30 local fall in different weeks', async () => {
    setClock(t, '2026-03-08T22:30:00Z'); // Sunday 23:30 in Paris (UTC+1)
    await logged(t, 'ann', 'kind:share amount:1');
    setClock(t, '2026-03-08T23:30:00Z'); // Monday 00:30 in Paris, still Sunday in UTC
    await logged(t, 'bea', 'kind:share amount:2');
    const thisWeek = await t.say('cal', '/leaderboard show');
    expect(thisWeek).toContain('Week of 9 March 2026, so far');
    expect(thisWeek).toContain('1. bea — 2 pts');
    expect(thisWeek).not.toContain('ann');
  });

  it('GIVEN the leaderboard settings THEN staff can change day, time and size; others cannot; bad times are refused', async () => {
    expect(await t.say('admin', '/leaderboard settings')).toContain('Next: Mon 9 Mar 2026, 09:00 Europe/Paris.');
    const changed = await t.say('admin', '/leaderboard settings day:friday time:17:30 size:3');
    expect(changed).toContain('(top 3, covering the last full week, Monday to Sunday) is posted in <#news>');
    expect(changed).toContain('Next: Fri 6 Mar 2026, 17:30 Europe/Paris.');
    expect(await t.db.prisma.program.findFirstOrThrow()).toMatchObject({ leaderboardCron: '30 17 * * 5', leaderboardSize: 3 });
    expect(await t.say('admin', '/leaderboard settings time:25:00')).toBe('time: use 24-hour HH:MM, e.g. time:09:00.');
    expect(await t.say('admin', '/leaderboard settings size:0')).toBe('/leaderboard settings size: must be 1 or more — for example size:10.');
    expect(await t.say('ann', '/leaderboard settings size:5')).toBe('Only staff can use /leaderboard settings.');
    for (const who of ['ann', 'bea', 'cal', 'dan']) await logged(t, who, 'kind:share amount:1');
    expect((await t.say('ann', '/leaderboard show')).match(/^1\. /gm)).toHaveLength(3); // four tied, three places: cut by name
  });

  it('GIVEN bad input THEN campaign and opt-out requests get clear answers', async () => {
    expect(await t.say('ann', '/leaderboard show period:campaign')).toContain('campaign: which campaign?');
    expect(await t.say('ann', '/leaderboard show period:campaign campaign:42')).toBe('campaign: Campus Crew has no campaign 42.');
    expect(await t.say('ann', '/leaderboard show period:year')).toBe('/leaderboard show period: must be one of: week, month, all, campaign — for example period:week.');
    expect(await t.say('zoe', '/leaderboard optout')).toContain('Only Campus Crew ambassadors can use /leaderboard optout');
    expect(await t.say('zoe', '/me')).toContain("You're not an ambassador of Campus Crew");
  });
});
