import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testProvider, type TestDatabase } from '../support/database.js';
import { forkTestProcess, type TestProcess } from '../support/test-process.js';
import { Clock, programSetup, scheduled, testCore, type TestCore } from '../core/campaigns/harness.js';
import type { FromBot, ToBot } from '../core/campaigns/bot-process.js';

// Two bot processes — real OS processes, each with its own database client, claimant id and
// platform — tick at the same moments against one database. (SQLite clients in one process would
// block each other's thread on a lock; separate processes are what production runs anyway.)
let db: TestDatabase;
let setup: TestCore;
const bots: Array<TestProcess<FromBot>> = [];
const jobKeys: string[] = [];
type Post = { channel: string; footer: string | undefined };
const posts: Post[] = [];

function spawnBot(name: string) {
  return forkTestProcess<FromBot>(new URL('../core/campaigns/bot-process.ts', import.meta.url), [name], { CAMPAIGN_TEST_DB: db.url });
}

beforeAll(async () => {
  db = await createTestDatabase();
  setup = testCore(db, new Clock('2026-11-30T07:00:00Z'));
  await setup.run('program setup', programSetup);
  for (const when of ['every day 09:00', 'every day 09:00', 'weekdays 09:00', '0 9 * * *']) {
    jobKeys.push((await scheduled(setup, { every: when }, { channels: '#announcements #general' })).jobKey);
  }
  bots.push(spawnBot('bot-a'), spawnBot('bot-b'));
  for (const bot of bots) expect(await bot.next()).toEqual({ type: 'ready' });
}, 60_000);
afterAll(async () => {
  for (const bot of bots) bot.child.send({ type: 'stop' } satisfies ToBot);
  await Promise.all(bots.map((b) => new Promise((r) => (b.child.exitCode !== null ? r(null) : b.child.once('exit', r)))));
  await db?.destroy();
});

/**
 * Both processes tick at `iso` and deliver what they queued. On PostgreSQL each also runs three
 * ticks at once; on SQLite one (node-cron's noOverlap), since one better-sqlite3 connection runs
 * every statement of the process inside whichever transaction is open on it.
 */
async function race(iso: string): Promise<number> {
  for (const bot of bots) bot.child.send({ type: 'tick', now: iso, parallel: testProvider === 'postgresql' ? 3 : 1 } satisfies ToBot);
  let posted = 0;
  for (const bot of bots) {
    const m = await bot.next();
    if (m.type !== 'ticked') throw new Error(JSON.stringify(m));
    posted += m.posted;
    posts.push(...m.posts);
  }
  return posted;
}
const inChannel = (channel: string) => posts.filter((p) => p.channel === channel);

describe(`exactly-once campaign posts with two bot processes on ${testProvider}`, () => {
  it('GIVEN four daily schedules WHEN two processes tick together on three days THEN each run is posted exactly once per channel', async () => {
    expect(await race('2026-11-30T08:00:05Z')).toBe(4);
    expect(await race('2026-11-30T08:00:40Z')).toBe(0);
    expect(await race('2026-12-01T08:00:01Z')).toBe(4);
    expect(await race('2026-12-02T08:00:59Z')).toBe(4);
    expect(inChannel('announcements')).toHaveLength(12);
    expect(inChannel('general')).toHaveLength(12);
    const runs = await db.prisma.jobRun.findMany({ where: { jobKey: { in: jobKeys } } });
    expect(runs.map((r) => r.status)).toEqual(Array(12).fill('SENT'));
  }, 60_000);

  it('GIVEN a process crashed holding claims WHEN both survivors race after the claims go stale THEN each run is taken over and posted once, late', async () => {
    const period = '2026-12-03T08:00:00.000Z';
    for (const jobKey of jobKeys) {
      await setup.deps.store.claims.claim({ jobKey, period, claimedBy: 'crashed', late: false, now: new Date('2026-12-03T08:00:02Z') });
    }
    expect(await race('2026-12-03T08:02:00Z')).toBe(0);
    expect(await race('2026-12-03T08:06:00Z')).toBe(4);
    expect(await race('2026-12-03T08:07:00Z')).toBe(0);
    expect(inChannel('announcements')).toHaveLength(16);
    expect(inChannel('announcements').filter((p) => p.footer?.includes('Posted late'))).toHaveLength(4);
  }, 60_000);

  it('GIVEN both processes were down past the grace WHEN they come back together THEN nothing stale is posted and staff are told once per schedule', async () => {
    expect(await race('2026-12-04T15:00:00Z')).toBe(0); // 7 h after 09:00 Paris, beyond the 6 h grace
    expect(await race('2026-12-04T15:01:00Z')).toBe(0);
    expect(inChannel('announcements')).toHaveLength(16);
    expect(inChannel('committee')).toHaveLength(4);
  }, 60_000);
});
