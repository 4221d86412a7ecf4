// Pulse rounds with two processes ticking at once: each round opens once (one DM per person),
// reminds once, closes once (one results post) and schedules its next round once.
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allCommands } from '../../commands/index.js';
import { createCore, type Core } from '../../src/core/index.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { createStore } from '../../src/db/store.js';
import { charts } from '../../src/render/charts.js';
import { createTestDatabase, testProvider, type TestDatabase } from '../support/database.js';
import { recordingPlatform, type RecordedPost } from '../support/recording-platform.js';

let db: TestDatabase;
let other: Database;
const clock = { now: new Date('2026-03-02T08:00:00Z') };
const posts: RecordedPost[] = [];
const dms: RecordedPost[] = [];
const people = ['ann', 'bea', 'cal'];

function processOn(database: Database, name: string): Core {
  const core = createCore({ store: createStore(database), commands: allCommands, log: pino({ level: 'silent' }), defaultTimeZone: 'UTC', now: () => clock.now, charts });
  core.attach(recordingPlatform(name, posts, dms));
  return core;
}

let a: Core;
let b: Core;
const user = (id: string) => ({ platform: 'console' as const, workspaceId: 'local', id, name: id, isBot: false, isAdmin: id === 'admin' });
const run = async (core: Core, who: string, line: string, options: Record<string, unknown>) => {
  const reply = await core.sink.command({ name: line, options, user: user(who), channel: { platform: 'console', workspaceId: 'local', id: 'general' } });
  return reply.kind === 'message' ? reply.message.text : reply.kind;
};

beforeAll(async () => {
  db = await createTestDatabase();
  other = await openDatabase(db.url);
  a = processOn(db, 'a');
  b = processOn(other, 'b');
  const p = await db.prisma.program.create({
    data: { platform: 'console', workspaceId: 'local', name: 'Campus Crew', why: 'why', objectiveText: 'Raise funds', objectiveMetric: 'dollars', objectiveTarget: 1000, capacity: 10, timeZone: 'UTC', staffChannelId: 'staff', committeeChannelId: 'committee' },
  });
  for (const name of people) {
    const m = await db.prisma.member.create({ data: { platform: 'console', workspaceId: 'local', platformUserId: name, displayName: name } });
    await db.prisma.ambassador.create({ data: { programId: p.id, memberId: m.id, since: new Date('2026-01-01Z') } });
  }
});
afterAll(async () => {
  await other?.close();
  await db?.destroy();
});

/** Ten ticks at once, alternating processes, then both dispatchers drained. */
async function race(iso: string): Promise<void> {
  clock.now = new Date(iso);
  await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? b : a).jobs.runDuePulses()));
  await Promise.all([a.dispatcher.drain(), b.dispatcher.drain()]);
}
const titled = (list: RecordedPost[], start: string) => list.filter((p) => p.message.title?.startsWith(start));

// Two processes share PostgreSQL only: a SQLite file takes one process (src/db/process-lock.ts).
describe.runIf(testProvider === 'postgresql')('pulse rounds with two processes on PostgreSQL', { timeout: 60_000 }, () => {
  it('GIVEN a weekly pulse WHEN both processes tick through two rounds THEN every open, reminder, close and next round happens once', async () => {
    expect(await run(a, 'admin', 'pulse create', { question: 'How was your week?', kind: 'scale', repeat: 'every monday 10:00', closes: '2 days' })).toContain('The first round opens');
    await race('2026-03-02T10:00:30Z');
    expect(titled(dms, 'Campus Crew asks').map((d) => d.channel).sort()).toEqual(people);
    const first = await db.prisma.pulseRound.findFirstOrThrow({ where: { number: 1 } });
    // Answers through both processes at once, one of them twice.
    await Promise.all([
      run(a, 'ann', 'pulse answer', { round: first.id, value: '2' }), run(b, 'ann', 'pulse answer', { round: first.id, value: '4' }),
      run(b, 'bea', 'pulse answer', { round: first.id, value: '5' }),
    ]);
    expect(await db.prisma.pulseAnswer.count()).toBe(2);
    await race('2026-03-03T10:00:30Z');
    expect(titled(dms, 'Campus Crew: a reminder').map((d) => d.channel).sort()).toEqual(people); // anonymous: everyone asked, once
    await race('2026-03-04T10:00:30Z');
    expect(titled(posts, 'Pulse results').map((p) => p.channel)).toEqual(['staff']);
    expect(titled(posts, 'Pulse results')[0]!.message.text).toContain('2 of 3 people answered (67%)');
    expect(titled(posts, 'Pulse results')[0]!.message.image?.name).toBe('pulse.png');
    expect(await db.prisma.pulseRound.count({ where: { number: 2 } })).toBe(1);

    await race('2026-03-09T10:00:30Z');
    expect(titled(dms, 'Campus Crew asks')).toHaveLength(6);
    const second = await db.prisma.pulseRound.findFirstOrThrow({ where: { number: 2 } });
    await run(b, 'cal', 'pulse answer', { round: second.id, value: '3' });
    await race('2026-03-11T10:00:30Z');
    const results = titled(posts, 'Pulse results');
    expect(results).toHaveLength(2);
    expect(results[1]!.message.text).toContain('**Trend** (answered, average): #1: 67%, avg');
    expect(await db.prisma.pulseRound.count({ where: { number: 3 } })).toBe(1);
  });
});
