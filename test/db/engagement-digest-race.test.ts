import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allCommands } from '../../commands/index.js';
import { createCore, type Core } from '../../src/core/index.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { createStore } from '../../src/db/store.js';
import { charts } from '../../src/render/charts.js';
import { createTestDatabase, testProvider, type TestDatabase } from '../support/database.js';
import { recordingPlatform, type RecordedPost } from '../support/recording-platform.js';

// Two bot processes = two cores with their own database clients and claimant ids, one database, one clock.
let db: TestDatabase;
let other: Database;
const clock = { now: new Date('2026-03-31T12:00:00Z') };
const posts: RecordedPost[] = [];


function processOn(database: Database, name: string): { core: Core; tick: () => Promise<number> } {
  const core = createCore({ store: createStore(database), commands: allCommands, log: pino({ level: 'silent' }), defaultTimeZone: 'UTC', now: () => clock.now, charts });
  core.attach(recordingPlatform(name, posts));
  return { core, tick: () => core.jobs.postDueDigests({ claimedBy: `process-${name}` }) };
}

let a: ReturnType<typeof processOn>;
let b: ReturnType<typeof processOn>;

beforeAll(async () => {
  db = await createTestDatabase();
  other = await openDatabase(db.url);
  a = processOn(db, 'a');
  b = processOn(other, 'b');
  const base = { platform: 'console', workspaceId: 'local', why: 'why', objectiveText: 'Raise funds', objectiveMetric: 'dollars', objectiveTarget: 1000, capacity: 10 };
  const p = await db.prisma.program.create({ data: { ...base, name: 'Campus Crew', timeZone: 'Europe/Paris', staffChannelId: 'staff', committeeChannelId: 'committee' } });
  await db.prisma.program.create({ data: { ...base, name: 'Empty', timeZone: 'UTC', committeeChannelId: 'empty-committee' } }); // no ambassadors: no digest
  const kind = await db.prisma.activityKind.create({ data: { programId: p.id, key: 'share', label: 'Share' } });
  for (const name of ['ann', 'bea']) {
    const m = await db.prisma.member.create({ data: { platform: 'console', workspaceId: 'local', platformUserId: name, displayName: name } });
    await db.prisma.ambassador.create({ data: { programId: p.id, memberId: m.id, since: new Date('2026-01-01Z') } });
  }
  const ann = (await db.prisma.member.findFirstOrThrow({ where: { platformUserId: 'ann' } })).id;
  await db.prisma.activity.create({ data: { programId: p.id, memberId: ann, kindId: kind.id, amount: 3, points: 3, status: 'VERIFIED', occurredAt: new Date('2026-03-10T12:00:00Z') } });
});
afterAll(async () => {
  await other?.close();
  await db?.destroy();
});

/** Ten ticks at once, alternating processes, then both dispatchers drained; returns the new posts. */
async function race(iso: string): Promise<typeof posts> {
  clock.now = new Date(iso);
  const before = posts.length;
  await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? b : a).tick()));
  await Promise.all([a.core.dispatcher.drain(), b.core.dispatcher.drain()]);
  return posts.slice(before);
}

describe(`monthly staff digest with two processes on ${testProvider}`, { timeout: 30_000 }, () => {
  it('GIVEN two processes ticking together WHEN the 1st of the month 09:00 Paris comes THEN last month is posted once to the staff channel, with its chart', async () => {
    expect(await race('2026-04-01T06:59:00Z')).toEqual([]); // 08:59 in Paris (summer time)
    const sent = await race('2026-04-01T07:00:30Z');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.channel).toBe('staff');
    expect(sent[0]!.message.title).toBe('Campus Crew — monthly digest: March 2026');
    expect(sent[0]!.message.text).toContain('1 of 2 ambassadors engaged: 50%');
    expect(sent[0]!.message.image?.name).toBe('engagement.png');
    expect(Array.from(sent[0]!.message.image!.png.subarray(1, 4))).toEqual([0x50, 0x4e, 0x47]); // "PNG"

    expect(await race('2026-04-01T09:00:00Z')).toEqual([]); // later ticks the same day
    expect(await race('2026-04-02T07:00:00Z')).toEqual([]); // and the next day
    const audit = await db.prisma.auditEvent.findMany({ where: { action: { startsWith: 'digest.' } } });
    expect(audit.map((e) => e.action)).toEqual(['digest.posted', 'digest.skipped']); // Campus Crew; Empty has no ambassadors
  });

  it('GIVEN the next month WHEN its 1st comes THEN April is posted once', async () => {
    const sent = await race('2026-05-01T07:00:10Z');
    expect(sent.map((s) => s.message.title)).toEqual(['Campus Crew — monthly digest: April 2026']);
    expect(sent[0]!.message.text).toContain('0 of 2 ambassadors engaged: 0%** (−50 percentage points on the period before)');
  });

  it('GIVEN the clock WHEN the core is asked what is next due THEN the next 1st at 09:00 in the program zone is among it', async () => {
    const next = await a.core.jobs.nextDue(new Date('2026-05-20T00:00:00Z'));
    expect(next!.getTime()).toBeLessThanOrEqual(new Date('2026-06-01T07:00:00Z').getTime());
  });
});
