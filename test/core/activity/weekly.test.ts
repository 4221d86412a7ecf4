import { loadImage } from '@napi-rs/canvas';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CARD_WIDTH, cardHeight } from '../../../src/render/leaderboard-card.js';
import { testProvider } from '../../support/database.js';
import { activityTest, ambassador, imageBytes, logged, pngSize, setClock, weeklyTick, type ActivityTest } from './harness.js';

// New York: clocks go forward on Sunday 8 March 2026, so the week of 2 March is 167 hours long and
// the Monday 09:00 post is at 14:00 UTC on 2 March but 13:00 UTC on 9 March.
let t: ActivityTest;
beforeEach(async () => {
  t = await activityTest('2026-03-03T15:00:00Z', 'timezone:America/New_York');
  await ambassador(t, 'ann');
  await ambassador(t, 'bea');
  await ambassador(t, 'cal', new Date('2026-02-01T12:00:00Z'));
});
afterEach(() => t.close());

const jobRuns = () => t.db.prisma.jobRun.findMany({ where: { jobKey: `leaderboard:${t.programId}` }, orderBy: { period: 'asc' } });

/** The first week: ann 40, cal 30 (opted out), bea 20 from $200 raised. */
async function firstWeek() {
  await logged(t, 'ann', 'kind:event amount:2');
  await logged(t, 'bea', 'kind:funds amount:200');
  await logged(t, 'cal', 'kind:share amount:30');
  await t.say('cal', '/leaderboard optout');
}

describe(`the weekly leaderboard post on ${testProvider}`, () => {
  it('GIVEN a week of verified activity WHEN Monday 09:00 New York comes THEN one post has the top, changes, objective, welcome, count and card', async () => {
    await firstWeek();
    await logged(t, 'ann', 'kind:share amount:9', false); // pending: never on the board
    setClock(t, '2026-03-09T12:59:00Z'); // 08:59 in New York
    expect(await weeklyTick(t)).toBe(0);
    setClock(t, '2026-03-09T13:00:20Z');
    expect(await weeklyTick(t)).toBe(1);

    expect(t.posts).toHaveLength(1);
    const { channel, message } = t.posts[0]!;
    expect(channel).toBe('news');
    expect(message.title).toBe('Campus Crew — weekly leaderboard');
    expect(message.text).toContain('**Week of 2 March 2026** (America/New_York) — top 10\n1. ann — 40 pts (new)\n2. bea — 20 pts (new)\n');
    expect(message.text).not.toContain('cal —');
    expect(message.text).toContain('**Objective — Raise $50,000 for clean-ups:** 200 / 50,000 dollars — 0%');
    expect(message.text).toContain('**Welcome** to our new ambassadors: ann, bea!');
    expect(message.text).toContain('**3 people** contributed this week.'); // the opted-out one counts, unnamed
    expect(message.image?.alt).toBe('Campus Crew leaderboard, Week of 2 March 2026: 1. ann 40 pts; 2. bea 20 pts. Objective: 200 / 50,000 dollars — 0%');
    expect(t.output.join('')).toContain('[image: Campus Crew leaderboard, Week of 2 March 2026');

    const png = imageBytes(message.image!.png as Uint8Array | string);
    expect(pngSize(png)).toEqual({ width: CARD_WIDTH, height: cardHeight(2, true) });
    const decoded = await loadImage(Buffer.from(png));
    expect([decoded.width, decoded.height]).toEqual([800, cardHeight(2, true)]);
    expect((await jobRuns()).map((r) => [r.period, r.status])).toEqual([['2026-03-02', 'SENT']]);
  });

  it('GIVEN three weeks WHEN each is posted THEN rank changes compare with the week before, ties share a rank', async () => {
    await firstWeek();
    setClock(t, '2026-03-09T13:00:05Z');
    await weeklyTick(t);
    await ambassador(t, 'dan');
    await logged(t, 'bea', 'kind:event amount:3'); // 60
    await logged(t, 'ann', 'kind:share amount:10'); // 10
    await logged(t, 'dan', 'kind:share amount:5'); // 5
    setClock(t, '2026-03-16T13:00:05Z');
    expect(await weeklyTick(t)).toBe(1);
    expect(t.posts[1]!.message.text).toContain('1. bea — 60 pts (▲1)\n2. ann — 10 pts (▼1)\n3. dan — 5 pts (new)');
    expect(t.posts[1]!.message.text).toContain('**Welcome** to our new ambassador: dan!');

    await logged(t, 'ann', 'kind:share amount:20');
    await logged(t, 'bea', 'kind:share amount:20');
    setClock(t, '2026-03-23T13:00:05Z');
    expect(await weeklyTick(t)).toBe(1);
    expect(t.posts[2]!.message.text).toContain('1. ann — 20 pts (▲1)\n1. bea — 20 pts (=)');
    expect(t.posts[2]!.message.text).not.toContain('Welcome');
    expect((await jobRuns()).map((r) => r.period)).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
  });

  it('GIVEN activity either side of Monday 00:00 New York time THEN each counts in its local week, not the UTC one', async () => {
    setClock(t, '2026-03-09T03:30:00Z'); // Sunday 23:30 EDT: the week of 2 March
    await logged(t, 'ann', 'kind:share amount:1');
    setClock(t, '2026-03-09T04:30:00Z'); // Monday 00:30 EDT: the week of 9 March
    await logged(t, 'bea', 'kind:share amount:2');
    setClock(t, '2026-03-09T13:00:05Z');
    await weeklyTick(t);
    expect(t.posts[0]!.message.text).toContain('1. ann — 1 pt (new)\n');
    expect(t.posts[0]!.message.text).not.toContain('bea —');
    setClock(t, '2026-03-16T13:00:05Z');
    await weeklyTick(t);
    expect(t.posts[1]!.message.text).toContain('1. bea — 2 pts (new)\n');
  });

  it('GIVEN the bot was down at 09:00 WHEN it is back within the grace THEN the week is posted late, once; beyond the grace it is left to next week', async () => {
    await firstWeek();
    setClock(t, '2026-03-09T20:00:00Z'); // 7 hours late
    expect(await weeklyTick(t)).toBe(1);
    expect(await weeklyTick(t)).toBe(0);
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'leaderboard.posted' } });
    expect(audit.data).toMatchObject({ week: '2026-03-02', late: true });

    await logged(t, 'ann', 'kind:share amount:3');
    setClock(t, '2026-03-17T02:00:01Z'); // 13 hours after Monday 16 March 09:00
    expect(await weeklyTick(t)).toBe(0);
    expect(t.posts).toHaveLength(1);
    expect((await jobRuns()).map((r) => r.period)).toEqual(['2026-03-02']);
  });

  it('GIVEN a week with no verified activity and no newcomer THEN nothing is posted and the week is settled as skipped', async () => {
    setClock(t, '2026-03-16T13:00:05Z'); // the week of 9 March: ann and bea joined the week before
    expect(await weeklyTick(t)).toBe(0);
    expect(t.posts).toHaveLength(0);
    expect((await jobRuns()).map((r) => [r.period, r.status, r.error])).toEqual([['2026-03-09', 'SKIPPED', 'no verified activity and no new ambassadors']]);
  });

  it('GIVEN no announcement channel THEN no post and no claim', async () => {
    await firstWeek();
    await t.db.prisma.program.update({ where: { id: t.programId }, data: { announceChannelId: null } });
    setClock(t, '2026-03-09T13:00:05Z');
    expect(await weeklyTick(t)).toBe(0);
    expect(await jobRuns()).toHaveLength(0);
  });

  it('GIVEN staff moved the post to Friday 17:30 THEN it goes out then, still reporting the last full week, and only once that week', async () => {
    await firstWeek();
    await t.say('admin', '/leaderboard settings day:friday time:17:30 size:1');
    setClock(t, '2026-03-06T22:30:10Z'); // Friday 17:30 EST: the last full week is the one of 23 February
    expect(await weeklyTick(t)).toBe(0); // cal joined before it, but nobody did anything that week
    setClock(t, '2026-03-13T21:30:10Z'); // Friday 17:30 EDT
    expect(await weeklyTick(t)).toBe(1);
    expect(t.posts[0]!.message.text).toContain('— top 1\n1. ann — 40 pts (new)\n\n');
    await t.say('admin', '/leaderboard settings day:saturday');
    setClock(t, '2026-03-14T21:30:10Z');
    expect(await weeklyTick(t)).toBe(0); // the week of 2 March is already posted
  });
});
