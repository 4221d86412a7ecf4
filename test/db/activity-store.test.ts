import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultKinds } from '../../src/core/activity/model.js';
import { leaderboard } from '../../src/db/leaderboard-queries.js';
import { createStore } from '../../src/db/store.js';
import type { Store } from '../../src/core/repositories.js';
import { createTestDatabase, testProvider, type TestDatabase } from '../support/database.js';

let db: TestDatabase;
let store: Store;
let seq = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  store = createStore(db);
});
afterAll(async () => {
  await db?.destroy();
});

async function aProgram() {
  return db.prisma.program.create({
    data: { platform: 'console', workspaceId: 'w', name: `P${++seq}`, why: 'w', objectiveText: 'o', objectiveMetric: 'dollars', objectiveTarget: 100, capacity: 10, timeZone: 'UTC' },
  });
}

async function anAmbassador(programId: number, displayName: string) {
  const m = await db.prisma.member.create({ data: { platform: 'console', workspaceId: 'w', platformUserId: `u${++seq}`, displayName } });
  await db.prisma.ambassador.create({ data: { programId, memberId: m.id } });
  return m.id;
}

describe(`activity store on ${testProvider}`, () => {
  it('GIVEN many first uses at once WHEN defaults are inserted THEN each kind exists once and nobody fails', async () => {
    const p = await aProgram();
    await Promise.all(Array.from({ length: 8 }, () => store.activity.insertKinds(p.id, defaultKinds, true)));
    expect((await store.activity.kinds(p.id)).map((k) => k.key)).toEqual(['share', 'referral', 'event', 'funds']);
    const funds = (await store.activity.kinds(p.id)).find((k) => k.key === 'funds');
    expect(funds).toMatchObject({ pointsPerUnit: 1, unitSize: 10, maxAmount: 100_000, autoVerify: false, campaignId: null });
  });

  it('GIVEN a kind that exists WHEN it is inserted again inside a transaction THEN the transaction carries on (no aborted PostgreSQL transaction)', async () => {
    const p = await aProgram();
    await store.activity.insertKinds(p.id, defaultKinds, false);
    const keys = await store.transaction(async (r) => {
      await r.activity.insertKinds(p.id, [{ ...defaultKinds[1]!, autoVerify: true }], false);
      await r.activity.insertKinds(p.id, [{ key: 'talk', label: 'Talks', pointsPerUnit: 5, unitSize: 1, maxAmount: 3, autoVerify: true, campaignId: null }], false);
      return (await r.activity.kinds(p.id)).map((k) => [k.key, k.autoVerify]);
    });
    expect(keys).toEqual([['share', false], ['referral', false], ['event', false], ['funds', false], ['talk', true]]);
  });

  it('GIVEN a pending activity WHEN two reviews race THEN exactly one applies', async () => {
    const p = await aProgram();
    const ann = await anAmbassador(p.id, 'Ann');
    await store.activity.insertKinds(p.id, defaultKinds, true);
    const kind = (await store.activity.kinds(p.id))[0]!;
    const now = new Date('2026-03-02T10:00:00Z');
    const a = await store.activity.log({
      programId: p.id, memberId: ann, kindId: kind.id, campaignId: null, amount: 2, points: 2, link: null, note: null, status: 'pending',
      occurredAt: now, loggedAt: now, reviewedById: null, reviewedAt: null, reviewReason: null,
    });
    expect(a).toMatchObject({ memberName: 'Ann', kindKey: 'share', status: 'pending' });
    const results = await Promise.all([
      store.activity.review(a.id, { status: 'verified', reviewedById: null, reviewedAt: now, reviewReason: null }),
      store.activity.review(a.id, { status: 'rejected', reviewedById: null, reviewedAt: now, reviewReason: 'no' }),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('GIVEN the store inside and outside a transaction THEN its leaderboard is the one the queries give, ties broken by name on both providers', async () => {
    const p = await aProgram();
    await store.activity.insertKinds(p.id, defaultKinds, true);
    const kind = (await store.activity.kinds(p.id))[0]!;
    for (const name of ['bob', 'Zed', 'alice', 'Émile']) {
      const id = await anAmbassador(p.id, name);
      await db.prisma.activity.create({ data: { programId: p.id, memberId: id, kindId: kind.id, amount: 1, points: 5, status: 'VERIFIED' } });
    }
    const direct = await leaderboard(db, { programId: p.id, limit: 10 });
    expect(direct.map((r) => r.displayName)).toEqual(['Zed', 'alice', 'bob', 'Émile']); // code point order
    expect(await store.activity.leaderboard({ programId: p.id, limit: 10 })).toEqual(direct);
    expect(await store.transaction((r) => r.activity.leaderboard({ programId: p.id, limit: 10 }))).toEqual(direct);
    const ranks = await store.activity.ranksOf({ programId: p.id, memberIds: direct.map((r) => r.memberId) });
    expect([...ranks.values()]).toEqual([1, 1, 1, 1]);
  });

  it('GIVEN opted-out and pending activity WHEN ranks are asked for THEN only the public, verified board counts', async () => {
    const p = await aProgram();
    await store.activity.insertKinds(p.id, defaultKinds, true);
    const kind = (await store.activity.kinds(p.id))[0]!;
    const [ann, bea, cal] = [await anAmbassador(p.id, 'Ann'), await anAmbassador(p.id, 'Bea'), await anAmbassador(p.id, 'Cal')];
    const log = (memberId: number, points: number, status: 'VERIFIED' | 'PENDING' = 'VERIFIED') =>
      db.prisma.activity.create({ data: { programId: p.id, memberId, kindId: kind.id, amount: 1, points, status } });
    await log(ann, 10);
    await log(bea, 20);
    await log(cal, 30, 'PENDING');
    expect(await store.activity.setOptOut(p.id, bea, true)).toBe(true);
    expect(await store.activity.setOptOut(p.id, bea, true)).toBe(false);
    const ranks = await store.activity.ranksOf({ programId: p.id, memberIds: [ann, bea, cal] });
    expect([...ranks.entries()]).toEqual([[ann, 1]]);
  });
});
