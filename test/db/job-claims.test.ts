import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.js';
import { claimRun, DEFAULT_STALE_AFTER_MS, latestSettledPeriod, markSent, markSkipped } from '../../src/db/job-claims.js';
import type { ClaimOutcome } from '../../src/core/claims.js';
import { createTestDatabase, testProvider, type TestDatabase } from '../support/database.js';

// Two schedulers = two separately opened clients (own connections) on one database.
let db: TestDatabase;
let other: Database;
beforeAll(async () => {
  db = await createTestDatabase();
  other = await openDatabase(db.url);
});
afterAll(async () => {
  await other?.close();
  await db?.destroy();
});

const t0 = new Date('2026-12-07T08:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);
let n = 0;
const job = () => ({ jobKey: `post:${++n}`, period: '2026-12-07T08:00:00.000Z' });

/** 20 claims at once, alternating between the two schedulers' clients. */
async function race(key: { jobKey: string; period: string }, now: Date): Promise<ClaimOutcome[]> {
  return Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      claimRun(i % 2 === 0 ? db.prisma : other.prisma, { ...key, claimedBy: `scheduler-${i % 2}:${i}`, now }),
    ),
  );
}
const tally = (outcomes: ClaimOutcome[]) =>
  outcomes.reduce<Record<string, number>>((acc, o) => ({ ...acc, [o]: (acc[o] ?? 0) + 1 }), {});
const row = (key: { jobKey: string; period: string }) =>
  db.prisma.jobRun.findUniqueOrThrow({ where: { jobKey_period: key } });

describe(`job claims on ${testProvider}`, () => {
  it('GIVEN a period nobody claimed WHEN claimed THEN the caller owns it and a CLAIMED row records who and when', async () => {
    const key = job();
    const outcome = await claimRun(db.prisma, { ...key, claimedBy: 'a', late: true, now: t0 });
    expect(outcome).toBe('claimed');
    expect(await row(key)).toMatchObject({ status: 'CLAIMED', claimedBy: 'a', claimedAt: t0, late: true, attempts: 1 });
  });

  it('GIVEN two schedulers WHEN 20 claims race for one period THEN exactly one is claimed and the rest are busy', async () => {
    const key = job();
    expect(tally(await race(key, t0))).toEqual({ claimed: 1, busy: 19 });
    expect(await db.prisma.jobRun.count({ where: key })).toBe(1);
  });

  it('GIVEN a post that was sent WHEN claimed again, even long after THEN it is never re-sent', async () => {
    const key = job();
    await claimRun(db.prisma, { ...key, claimedBy: 'a', now: t0 });
    expect(await markSent(db.prisma, { ...key, claimedBy: 'a' }, later(1000))).toBe(true);
    const outcomes = await race(key, later(24 * 3600_000));
    expect(tally(outcomes)).toEqual({ 'already-sent': 20 });
    expect(await row(key)).toMatchObject({ status: 'SENT', doneAt: later(1000), attempts: 1 });
  });

  it('GIVEN a claim held recently by a live scheduler WHEN another claims THEN it is busy, not taken over', async () => {
    const key = job();
    await claimRun(db.prisma, { ...key, claimedBy: 'a', now: t0 });
    expect(await claimRun(other.prisma, { ...key, claimedBy: 'b', now: later(DEFAULT_STALE_AFTER_MS - 1) })).toBe('busy');
    expect(await row(key)).toMatchObject({ claimedBy: 'a', attempts: 1 });
  });

  it('GIVEN a crash between claim and send WHEN the claim goes stale and two schedulers race THEN it is retried exactly once', async () => {
    const key = job();
    await claimRun(db.prisma, { ...key, claimedBy: 'crashed', now: t0 }); // ...and never marked

    const takeoverAt = later(DEFAULT_STALE_AFTER_MS + 1);
    const outcomes = await race(key, takeoverAt);
    expect(tally(outcomes)).toEqual({ retry: 1, busy: 19 });
    const winner = await row(key);
    expect(winner).toMatchObject({ status: 'CLAIMED', claimedAt: takeoverAt, attempts: 2 });
    expect(winner.claimedBy).toMatch(/^scheduler-/);

    // The crashed process cannot settle a claim it lost; the new owner can, and then it is final.
    expect(await markSent(db.prisma, { ...key, claimedBy: 'crashed' })).toBe(false);
    expect(await markSent(other.prisma, { ...key, claimedBy: winner.claimedBy }, later(DEFAULT_STALE_AFTER_MS + 2))).toBe(true);
    expect(tally(await race(key, later(10 * DEFAULT_STALE_AFTER_MS)))).toEqual({ 'already-sent': 20 });
  });

  it('GIVEN a period the caller claimed WHEN it decides to skip it THEN its own claim becomes SKIPPED', async () => {
    const key = job();
    await claimRun(db.prisma, { ...key, claimedBy: 'a', now: t0 });
    expect(await markSkipped(db.prisma, { ...key, claimedBy: 'b' })).toBe(false);
    expect(await markSkipped(db.prisma, { ...key, claimedBy: 'a' })).toBe(true);
    expect(await row(key)).toMatchObject({ status: 'SKIPPED', claimedBy: 'a' });
  });

  it('GIVEN several periods of one job WHEN asked for the latest settled THEN it is the most recent sent or skipped one, not an unfinished claim', async () => {
    const jobKey = `post:${++n}`;
    expect(await latestSettledPeriod(db.prisma, jobKey)).toBeNull();
    for (const period of ['2026-12-07T08:00:00.000Z', '2027-01-04T08:00:00.000Z', '2026-12-14T08:00:00.000Z']) {
      await claimRun(db.prisma, { jobKey, period, claimedBy: 'a', now: t0 });
    }
    await markSent(db.prisma, { jobKey, period: '2026-12-14T08:00:00.000Z', claimedBy: 'a' });
    await markSkipped(db.prisma, { jobKey, period: '2026-12-07T08:00:00.000Z', claimedBy: 'a' });
    expect(await latestSettledPeriod(db.prisma, jobKey)).toBe('2026-12-14T08:00:00.000Z'); // 2027-01-04 is still only claimed
  });
});
