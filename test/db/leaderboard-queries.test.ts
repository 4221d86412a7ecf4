import { DateTime } from 'luxon';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  contributorsCount,
  leaderboard,
  objectiveProgress,
  standingOf,
} from '../../src/db/leaderboard-queries.js';
import { createTestDatabase, testProvider, type TestDatabase } from '../support/database.js';

type Status = 'PENDING' | 'VERIFIED' | 'REJECTED';

let db: TestDatabase;
let seq = 0;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.destroy();
});

/** A program of its own per test, with small builders for people and activity. */
async function aProgram() {
  const program = await db.prisma.program.create({
    data: {
      platform: 'console', workspaceId: 'w', name: `P${++seq}`, why: 'why', objectiveText: 'sign-ups',
      objectiveMetric: 'signups', objectiveTarget: 1000, capacity: 100, timeZone: 'Europe/Paris',
    },
  });
  const kind = async (key: string) => db.prisma.activityKind.create({ data: { programId: program.id, key, label: key } });
  const share = await kind('share');
  return {
    id: program.id,
    share,
    kind,
    async campaign(title: string) {
      return db.prisma.campaign.create({ data: { programId: program.id, title, message: 'm', channelIds: [] } });
    },
    async ambassador(displayName: string, opts: { optOut?: boolean; removed?: boolean } = {}) {
      const member = await db.prisma.member.create({
        data: { platform: 'console', workspaceId: 'w', platformUserId: `u${++seq}`, displayName },
      });
      await db.prisma.ambassador.create({
        data: {
          programId: program.id, memberId: member.id, leaderboardOptOut: opts.optOut ?? false,
          status: opts.removed ? 'REMOVED' : 'ACTIVE', removedAt: opts.removed ? new Date() : null,
        },
      });
      return member.id;
    },
    async log(memberId: number, points: number, o: { status?: Status; at?: Date; kindId?: number; campaignId?: number; amount?: number } = {}) {
      await db.prisma.activity.create({
        data: {
          programId: program.id, memberId, kindId: o.kindId ?? share.id, campaignId: o.campaignId,
          amount: o.amount ?? points, points, status: o.status ?? 'VERIFIED', occurredAt: o.at ?? new Date('2026-01-07T12:00:00Z'),
        },
      });
    },
  };
}

type Program = Awaited<ReturnType<typeof aProgram>>;

describe(`leaderboard queries on ${testProvider}`, () => {
  let p: Program;
  beforeEach(async () => {
    p = await aProgram();
  });

  it('GIVEN pending, rejected and verified activity WHEN the board is computed THEN only verified points count', async () => {
    const ann = await p.ambassador('Ann');
    await p.log(ann, 5);
    await p.log(ann, 100, { status: 'PENDING' });
    await p.log(ann, 1000, { status: 'REJECTED' });

    const rows = await leaderboard(db, { programId: p.id, limit: 10 });

    expect(rows).toEqual([{ rank: 1, memberId: ann, displayName: 'Ann', points: 5, activities: 1 }]);
  });

  it('GIVEN equal points WHEN ranked THEN ties share a rank (1,1,3) and are ordered by name', async () => {
    const [zoe, bob, cat, dan] = [await p.ambassador('Zoe'), await p.ambassador('Bob'), await p.ambassador('Cat'), await p.ambassador('Dan')];
    await p.log(zoe, 10);
    await p.log(bob, 6);
    await p.log(bob, 4);
    await p.log(cat, 7);
    await p.log(dan, 7);

    const rows = await leaderboard(db, { programId: p.id, limit: 10 });

    expect(rows.map((r) => [r.rank, r.displayName, r.points, r.activities])).toEqual([
      [1, 'Bob', 10, 2], [1, 'Zoe', 10, 1], [3, 'Cat', 7, 1], [3, 'Dan', 7, 1],
    ]);
  });

  it('GIVEN more contributors than the limit WHEN ranked THEN only the top rows come back', async () => {
    for (let i = 1; i <= 5; i++) await p.log(await p.ambassador(`A${i}`), i);

    const rows = await leaderboard(db, { programId: p.id, limit: 3 });

    expect(rows.map((r) => r.displayName)).toEqual(['A5', 'A4', 'A3']);
  });

  it('GIVEN an opted-out ambassador WHEN the public board is computed THEN they are left out but still see their own standing', async () => {
    const shy = await p.ambassador('Shy', { optOut: true });
    const ann = await p.ambassador('Ann');
    const bob = await p.ambassador('Bob');
    await p.log(shy, 50);
    await p.log(ann, 20);
    await p.log(bob, 10);

    const board = await leaderboard(db, { programId: p.id, limit: 10 });
    const staffView = await leaderboard(db, { programId: p.id, limit: 10, includeOptedOut: true });

    expect(board.map((r) => [r.rank, r.displayName])).toEqual([[1, 'Ann'], [2, 'Bob']]);
    expect(staffView.map((r) => [r.rank, r.displayName])).toEqual([[1, 'Shy'], [2, 'Ann'], [3, 'Bob']]);
    expect(await standingOf(db, { programId: p.id, memberId: shy })).toEqual({
      memberId: shy, points: 50, activities: 1, rank: 1, rankedCount: 3, optedOut: true,
    });
    // Someone who did not opt out sees the rank the public board shows.
    expect(await standingOf(db, { programId: p.id, memberId: bob })).toMatchObject({ rank: 2, rankedCount: 2, optedOut: false });
  });

  it('GIVEN a removed ambassador WHEN ranked THEN they are excluded and have no standing', async () => {
    const gone = await p.ambassador('Gone', { removed: true });
    const ann = await p.ambassador('Ann');
    await p.log(gone, 99);
    await p.log(ann, 1);

    expect((await leaderboard(db, { programId: p.id, limit: 10 })).map((r) => [r.rank, r.displayName])).toEqual([[1, 'Ann']]);
    expect(await standingOf(db, { programId: p.id, memberId: gone })).toBeNull();
  });

  it('GIVEN an ambassador without verified activity WHEN asking their standing THEN zero points and no rank', async () => {
    const idle = await p.ambassador('Idle');
    await p.log(idle, 3, { status: 'PENDING' });
    await p.log(await p.ambassador('Ann'), 1);

    expect(await standingOf(db, { programId: p.id, memberId: idle })).toEqual({
      memberId: idle, points: 0, activities: 0, rank: null, rankedCount: 1, optedOut: false,
    });
  });

  it('GIVEN activity around a week in the program time zone WHEN the week is queried THEN [from, to) is inclusive then exclusive', async () => {
    const from = DateTime.fromISO('2026-03-23T00:00', { zone: 'Europe/Paris' }); // Monday, UTC+1
    const to = from.plus({ weeks: 1 }); // Monday 30 March 00:00, UTC+2 after the DST change
    expect(to.toJSDate().getTime() - from.toJSDate().getTime()).toBe((7 * 24 - 1) * 3_600_000);
    const ann = await p.ambassador('Ann');
    const at = (d: DateTime, ms = 0) => d.plus({ milliseconds: ms }).toJSDate();
    await p.log(ann, 1, { at: at(from) }); // first instant: in
    await p.log(ann, 2, { at: at(to, -1) }); // last millisecond: in
    await p.log(ann, 4, { at: at(from, -1) }); // previous week
    await p.log(ann, 8, { at: at(to) }); // next week

    const week = { programId: p.id, from: from.toJSDate(), to: to.toJSDate() };
    expect((await leaderboard(db, { ...week, limit: 10 }))[0]?.points).toBe(3);
    expect(await standingOf(db, { ...week, memberId: ann })).toMatchObject({ points: 3, rank: 1 });
    expect(await contributorsCount(db, week)).toBe(1);
    expect((await leaderboard(db, { programId: p.id, to: from.toJSDate(), limit: 10 }))[0]?.points).toBe(4);
    expect((await leaderboard(db, { programId: p.id, from: to.toJSDate(), limit: 10 }))[0]?.points).toBe(8);
    expect((await leaderboard(db, { programId: p.id, limit: 10 }))[0]?.points).toBe(15);
  });

  it('GIVEN activity in two campaigns WHEN filtered by campaign THEN only that campaign counts', async () => {
    const spring = await p.campaign('Spring');
    const fall = await p.campaign('Fall');
    const ann = await p.ambassador('Ann');
    const bob = await p.ambassador('Bob');
    await p.log(ann, 5, { campaignId: spring.id });
    await p.log(bob, 9, { campaignId: fall.id });
    await p.log(bob, 1, { campaignId: spring.id });

    const rows = await leaderboard(db, { programId: p.id, campaignId: spring.id, limit: 10 });

    expect(rows.map((r) => [r.rank, r.displayName, r.points])).toEqual([[1, 'Ann', 5], [2, 'Bob', 1]]);
  });

  it('GIVEN several kinds and statuses WHEN measuring objective progress THEN verified amounts of the chosen kinds are summed', async () => {
    const signup = await p.kind('signup');
    const campaign = await p.campaign('Drive');
    const ann = await p.ambassador('Ann');
    const gone = await p.ambassador('Gone', { removed: true });
    await p.log(ann, 1, { kindId: signup.id, amount: 600 });
    await p.log(gone, 1, { kindId: signup.id, amount: 12, campaignId: campaign.id });
    await p.log(ann, 1, { kindId: signup.id, amount: 50, status: 'PENDING' });
    await p.log(ann, 7, { amount: 3 }); // a share, not a sign-up

    const all = await objectiveProgress(db, { programId: p.id });
    const signups = await objectiveProgress(db, { programId: p.id, metricKindKeys: ['signup'] });

    expect(all).toEqual({ amount: 615, points: 9, activities: 3 });
    expect(signups).toEqual({ amount: 612, points: 2, activities: 2 });
    expect(await objectiveProgress(db, { programId: p.id, metricKindKeys: ['signup'], campaignId: campaign.id })).toEqual({
      amount: 12, points: 1, activities: 1,
    });
    expect(await objectiveProgress(db, { programId: p.id, metricKindKeys: [] })).toEqual({ amount: 0, points: 0, activities: 0 });
    expect(await objectiveProgress(db, { programId: p.id, from: new Date('2027-01-01Z') })).toEqual({ amount: 0, points: 0, activities: 0 });
  });

  it('GIVEN opted-out and removed contributors WHEN counting contributors THEN each person with verified activity counts once', async () => {
    const ann = await p.ambassador('Ann');
    await p.log(ann, 1);
    await p.log(ann, 1);
    await p.log(await p.ambassador('Shy', { optOut: true }), 1);
    await p.log(await p.ambassador('Gone', { removed: true }), 1);
    await p.log(await p.ambassador('Pending'), 1, { status: 'PENDING' });

    expect(await contributorsCount(db, { programId: p.id, from: new Date('2026-01-05Z'), to: new Date('2026-01-12Z') })).toBe(3);
  });

  it('GIVEN another program with activity WHEN ranked THEN it does not leak in', async () => {
    const other = await aProgram();
    await other.log(await other.ambassador('Elsewhere'), 100);
    await p.log(await p.ambassador('Ann'), 1);

    expect((await leaderboard(db, { programId: p.id, limit: 10 })).map((r) => r.displayName)).toEqual(['Ann']);
  });

  it('GIVEN names needing quoting WHEN ranked THEN they come back verbatim', async () => {
    const name = `O'Brien "🦄" ); DROP TABLE "Activity"; --`;
    await p.log(await p.ambassador(name), 1);

    expect((await leaderboard(db, { programId: p.id, limit: 10 }))[0]?.displayName).toBe(name);
  });

  it('GIVEN a bad limit WHEN asking for the board THEN it is refused', async () => {
    await expect(leaderboard(db, { programId: p.id, limit: 0 })).rejects.toThrow(RangeError);
  });
});
