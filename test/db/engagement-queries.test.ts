// The engagement report's counts against a fixture computed by hand, on SQLite or PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/db/store.js';
import { createTestDatabase, testProvider, type TestDatabase } from '../support/database.js';
import type { EngagementRepository } from '../../src/core/engagement/repository.js';

let db: TestDatabase;
let repo: EngagementRepository;
let programId: number;
let campaignId: number;
const at = (d: string) => new Date(`${d}T12:00:00Z`);
const march = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') };
const february = { from: new Date('2026-02-01T00:00:00Z'), to: new Date('2026-03-01T00:00:00Z') };

beforeAll(async () => {
  db = await createTestDatabase();
  repo = createStore(db).engagement;
  const p = await db.prisma.program.create({
    data: { platform: 'console', workspaceId: 'w', name: 'River', why: 'why', objectiveText: 'o', objectiveMetric: 'signups', objectiveTarget: 10, capacity: 100, timeZone: 'UTC' },
  });
  programId = p.id;
  // Another program's people and activity must never count.
  const other = await db.prisma.program.create({ data: { platform: 'console', workspaceId: 'w', name: 'Other', why: 'why', objectiveText: 'o', objectiveMetric: 'signups', objectiveTarget: 10, capacity: 100, timeZone: 'UTC' } });
  const share = await db.prisma.activityKind.create({ data: { programId, key: 'share', label: 'Share' } });
  const event = await db.prisma.activityKind.create({ data: { programId, key: 'event', label: 'Event' } });
  const otherKind = await db.prisma.activityKind.create({ data: { programId: other.id, key: 'share', label: 'Share' } });
  campaignId = (await db.prisma.campaign.create({ data: { programId, title: 'Spring', message: 'm', channelIds: [] } })).id;

  let n = 0;
  const person = async (name: string, since: string, o: { removed?: string; program?: number } = {}) => {
    const m = await db.prisma.member.create({ data: { platform: 'console', workspaceId: 'w', platformUserId: `u${++n}`, displayName: name } });
    await db.prisma.ambassador.create({
      data: { programId: o.program ?? programId, memberId: m.id, since: at(since), status: o.removed ? 'REMOVED' : 'ACTIVE', removedAt: o.removed ? at(o.removed) : null },
    });
    return m.id;
  };
  const log = (memberId: number, day: string, kindId: number, points: number, o: { status?: 'VERIFIED' | 'PENDING' | 'REJECTED'; campaign?: boolean; program?: number } = {}) =>
    db.prisma.activity.create({
      data: { programId: o.program ?? programId, memberId, kindId, amount: points, points, status: o.status ?? 'VERIFIED', occurredAt: at(day), campaignId: o.campaign ? campaignId : null },
    });

  const ann = await person('Ann', '2026-01-01'); // active in February and March: engaged, not returning
  await log(ann, '2026-02-20', share.id, 1);
  await log(ann, '2026-03-10', share.id, 5);
  await log(ann, '2026-03-20', event.id, 10, { campaign: true });
  await log(ann, '2026-03-21', event.id, 50, { status: 'REJECTED' });
  const bob = await person('Bob', '2026-01-01'); // silent since January: lapsed
  await log(bob, '2026-01-15', share.id, 2);
  const cy = await person('Cy', '2026-03-15'); // joined in March, only a pending activity: not engaged, too new to lapse
  await log(cy, '2026-03-16', share.id, 4, { status: 'PENDING' });
  const dee = await person('Dee', '2026-01-01', { removed: '2026-03-05' }); // removed in March: not counted at its end
  await log(dee, '2026-03-01', share.id, 7);
  const eve = await person('Eve', '2026-01-01'); // silent in February, back in March: returning
  await log(eve, '2026-01-10', share.id, 1);
  await log(eve, '2026-03-25', event.id, 3);
  const outsider = await person('Out', '2026-01-01', { program: other.id });
  await log(outsider, '2026-03-12', otherKind.id, 9, { program: other.id });
});

afterAll(async () => {
  await db?.destroy();
});

describe(`engagement report queries on ${testProvider}`, () => {
  it('GIVEN the fixture WHEN March is counted THEN ambassadors at its end, engaged, joined, lapsed and returning match the hand count', async () => {
    expect(await repo.turnout({ programId, ...march })).toEqual({ headcount: 4, engaged: 2 }); // Ann, Bob, Cy, Eve; Ann and Eve
    expect(await repo.turnout({ programId, ...february })).toEqual({ headcount: 4, engaged: 1 }); // Ann, Bob, Dee, Eve; Ann
    expect(await repo.movement({ programId, ...march, lapsedWeeks: 4 })).toEqual({ joined: 1, lapsed: 1, returning: 1 }); // Cy; Bob; Eve
    expect(await repo.lapsedNames({ programId, ...march, lapsedWeeks: 4, limit: 10 })).toEqual(['Bob']);
  });

  it('GIVEN a longer lapse window WHEN counted THEN fewer people lapse and fewer return', async () => {
    // 8 weeks before 1 April reaches 4 February: Ann's 20 February and Eve's March activity keep them in; Bob (15 January) lapses.
    expect(await repo.movement({ programId, ...march, lapsedWeeks: 8 })).toEqual({ joined: 1, lapsed: 1, returning: 0 });
  });

  it('GIVEN March WHEN broken down THEN verified activity only, by kind and by campaign, with distinct people', async () => {
    expect(await repo.byKind({ programId, ...march })).toEqual([
      { label: 'Share', activities: 2, points: 12, people: 2 }, // Ann 5, Dee 7
      { label: 'Event', activities: 2, points: 13, people: 2 }, // Ann 10, Eve 3
    ]);
    expect(await repo.byCampaign({ programId, ...march })).toEqual([{ label: 'Spring', activities: 1, points: 10, people: 1 }]);
  });

  it('GIVEN a campaign WHEN counted THEN only its activity makes someone engaged', async () => {
    expect(await repo.turnout({ programId, campaignId, ...march })).toEqual({ headcount: 4, engaged: 1 });
    expect(await repo.byKind({ programId, campaignId, ...march })).toEqual([{ label: 'Event', activities: 1, points: 10, people: 1 }]);
  });
});
