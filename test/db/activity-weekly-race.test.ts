import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allCommands } from '../../commands/index.js';
import { createCore, type Core } from '../../src/core/index.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { createStore } from '../../src/db/store.js';
import { leaderboardJobs } from '../../src/scheduler/leaderboard-jobs.js';
import { createTestDatabase, testProvider, type TestDatabase } from '../support/database.js';
import { recordingPlatform, type RecordedPost } from '../support/recording-platform.js';

// Two bot processes = two cores, each with its own database client (own connections), platform
// and claimant id, sharing one database and one clock.
let db: TestDatabase;
let other: Database;
let programId: number;
const clock = { now: new Date('2026-03-09T08:00:05Z') };
const posts: RecordedPost[] = [];


function core(database: Database, name: string): { core: Core; tick: () => Promise<unknown> } {
  const c = createCore({ store: createStore(database), commands: allCommands, log: pino({ level: 'silent' }), defaultTimeZone: 'UTC', now: () => clock.now });
  c.attach(recordingPlatform(name, posts));
  const [job] = leaderboardJobs(c, `process-${name}`);
  return { core: c, tick: () => job!.run() };
}

let a: ReturnType<typeof core>;
let b: ReturnType<typeof core>;

beforeAll(async () => {
  db = await createTestDatabase();
  other = await openDatabase(db.url);
  a = core(db, 'a');
  b = core(other, 'b');
  const p = await db.prisma.program.create({
    data: {
      platform: 'console', workspaceId: 'local', name: 'Campus Crew', why: 'why', objectiveText: 'Raise funds', objectiveMetric: 'dollars',
      objectiveTarget: 1000, capacity: 10, timeZone: 'Europe/London', announceChannelId: 'news',
    },
  });
  programId = p.id;
  const kind = await db.prisma.activityKind.create({ data: { programId, key: 'share', label: 'Share' } });
  for (const name of ['ann', 'bea']) {
    const m = await db.prisma.member.create({ data: { platform: 'console', workspaceId: 'local', platformUserId: name, displayName: name } });
    await db.prisma.ambassador.create({ data: { programId, memberId: m.id, since: new Date('2026-01-01Z') } });
    for (const at of ['2026-03-04T12:00:00Z', '2026-03-11T12:00:00Z', '2026-03-18T12:00:00Z']) {
      await db.prisma.activity.create({ data: { programId, memberId: m.id, kindId: kind.id, amount: 3, points: 3, status: 'VERIFIED', occurredAt: new Date(at) } });
    }
  }
});
afterAll(async () => {
  await other?.close();
  await db?.destroy();
});

/** Ten ticks at once, alternating processes, then both dispatchers drained; returns new posts. */
async function race(iso: string): Promise<number> {
  clock.now = new Date(iso);
  const before = posts.length;
  await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? b : a).tick()));
  await Promise.all([a.core.dispatcher.drain(), b.core.dispatcher.drain()]);
  return posts.length - before;
}

describe(`exactly-once weekly leaderboard with two processes on ${testProvider}`, () => {
  it('GIVEN two processes ticking together WHEN Monday 09:00 London comes THEN each week is posted exactly once', async () => {
    expect(await race('2026-03-09T08:59:59Z')).toBe(0);
    expect(await race('2026-03-09T09:00:01Z')).toBe(1);
    expect(await race('2026-03-09T09:00:40Z')).toBe(0);
    expect(await race('2026-03-16T09:00:02Z')).toBe(1);
    const runs = await db.prisma.jobRun.findMany({ where: { jobKey: `leaderboard:${programId}` }, orderBy: { period: 'asc' } });
    expect(runs.map((r) => [r.period, r.status])).toEqual([['2026-03-02', 'SENT'], ['2026-03-09', 'SENT']]);
    expect(await db.prisma.outboxItem.count({ where: { kind: 'post' } })).toBe(2);
    expect(posts.map((p) => p.channel)).toEqual(['news', 'news']);
  });

  it('GIVEN a process crashed holding the claim WHEN the survivors race THEN they wait until it is stale, then post once, late', async () => {
    const period = '2026-03-16';
    await a.core.deps.store.claims.claim({ jobKey: `leaderboard:${programId}`, period, claimedBy: 'crashed', late: false, now: new Date('2026-03-23T09:00:01Z') });
    expect(await race('2026-03-23T09:01:00Z')).toBe(0); // the claim is fresh: someone may still be posting
    expect(await race('2026-03-23T09:06:00Z')).toBe(1); // stale: one survivor takes it over
    expect(await race('2026-03-23T09:07:00Z')).toBe(0);
    const run = await db.prisma.jobRun.findUniqueOrThrow({ where: { jobKey_period: { jobKey: `leaderboard:${programId}`, period } } });
    expect(run).toMatchObject({ status: 'SENT', attempts: 2, late: true });
    expect(run.claimedBy).toMatch(/^process-[ab]$/);
    expect(posts.at(-1)!.message.text).toContain('1. ann — 3 pts (=)\n1. bea — 3 pts (=)');
  });
});
