import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allCommands } from '../../commands/index.js';
import { createCore, type Core } from '../../src/core/index.js';
import { createStore } from '../../src/db/store.js';
import { nextRetentionDue } from '../../src/core/people/retention.js';
import { createTestDatabase, testProvider, type TestDatabase } from '../support/database.js';
import { forkTestProcess, type TestProcess } from '../support/test-process.js';
import type { FromBot } from '../people/retention-process.js';

// Two bot processes (real OS processes, each with its own database client and claimant id) run the
// retention job at the same moments on one database: each application's answers are erased,
// audited and re-posted once.
let db: TestDatabase;
let reader: Core;
const edits: string[] = [];
let keptProgram: number;
const bots: Array<TestProcess<FromBot>> = [];

function spawnBot(name: string) {
  return forkTestProcess<FromBot>(new URL('../people/retention-process.ts', import.meta.url), [name], { RETENTION_TEST_DB: db.url });
}

beforeAll(async () => {
  db = await createTestDatabase();
  reader = createCore({ store: createStore(db), commands: allCommands, log: pino({ level: 'silent' }), defaultTimeZone: 'UTC' });
  const base = { platform: 'console', workspaceId: 'local', why: 'why', objectiveText: 'Raise funds', objectiveMetric: 'dollars', objectiveTarget: 1000, capacity: 10, timeZone: 'UTC', committeeChannelId: 'committee' };
  const limited = await db.prisma.program.create({ data: { ...base, name: 'Limited', retentionDays: 30 } });
  const kept = await db.prisma.program.create({ data: { ...base, name: 'Kept', retentionDays: null } });
  keptProgram = kept.id;
  let n = 0;
  for (const program of [limited, kept]) {
    for (const [status, decidedAt] of [['REJECTED', '2026-01-10T12:00:00Z'], ['WITHDRAWN', '2026-01-20T12:00:00Z'], ['ACCEPTED', '2026-01-05T12:00:00Z'], ['VOTING', null]] as const) {
      const m = await db.prisma.member.create({ data: { platform: 'console', workspaceId: 'local', platformUserId: `p${++n}`, displayName: `Person ${n}` } });
      await db.prisma.application.create({
        data: {
          ref: `A${String(n).padStart(5, '0')}`, programId: program.id, applicantId: m.id, status, decidedAt: decidedAt ? new Date(decidedAt) : null,
          answers: [{ questionId: 1, prompt: 'Why?', answer: `secret answer ${n}` }], votingEndsAt: new Date('2026-01-04T00:00:00Z'),
          committeeChannelId: 'committee', committeeMessageId: `m${n}`,
        },
      });
    }
  }
  bots.push(spawnBot('bot-a'), spawnBot('bot-b'));
  for (const bot of bots) expect(await bot.next()).toEqual({ type: 'ready' });
}, 60_000);
afterAll(async () => {
  for (const bot of bots) bot.child.send({ type: 'stop' });
  await Promise.all(bots.map((b) => new Promise((resolve) => b.child.once('exit', resolve))));
  await db?.destroy();
});

async function race(iso: string): Promise<number> {
  for (const bot of bots) bot.child.send({ type: 'run', now: iso, parallel: 4 });
  let erased = 0;
  for (const bot of bots) {
    const m = await bot.next();
    if (m.type !== 'ran') throw new Error(JSON.stringify(m));
    erased += m.erased;
    edits.push(...m.edits);
  }
  return erased;
}

describe(`answer retention with two processes on ${testProvider}`, () => {
  it('GIVEN rejected and withdrawn applications WHEN their retention period passes THEN each is erased, audited and re-posted exactly once', async () => {
    // The retention job's own next time (the core's nextDue also holds other jobs, e.g. the monthly digest).
    expect(await nextRetentionDue(reader.deps, new Date('2026-02-01T00:00:00Z'))).toEqual(new Date('2026-02-09T12:00:00Z'));
    expect(await race('2026-02-09T11:59:00Z')).toBe(0);
    expect(await race('2026-02-09T12:00:00Z')).toBe(1); // the rejection, 30 days on
    expect(await race('2026-02-19T12:00:01Z')).toBe(1); // the withdrawal
    expect(await race('2026-06-01T00:00:00Z')).toBe(0);
    const audits = await db.prisma.auditEvent.findMany({ where: { action: 'application.answers_erased' }, orderBy: { subjectId: 'asc' } });
    expect(audits.map((e) => e.subjectId)).toEqual(['A00001', 'A00002']);
    expect(await db.prisma.outboxItem.count({ where: { kind: 'committee.refresh' } })).toBe(2);
    expect(edits.sort()).toEqual(['m1', 'm2']);
    const runs = await db.prisma.jobRun.findMany({ where: { jobKey: { startsWith: 'retention:' } } });
    expect(runs.map((r) => r.status)).toEqual(['SENT', 'SENT']);
    const apps = await db.prisma.application.findMany({ orderBy: { id: 'asc' } });
    const answers = apps.map((x) => (x.answers as Array<{ answer: string }>)[0]!.answer);
    expect(answers).toEqual(['[erased]', '[erased]', 'secret answer 3', 'secret answer 4', 'secret answer 5', 'secret answer 6', 'secret answer 7', 'secret answer 8']);
    expect(apps.filter((x) => x.programId === keptProgram).every((x) => x.answersErasedAt === null)).toBe(true);
    expect(await nextRetentionDue(reader.deps, new Date('2026-06-01T00:00:00Z'))).toBeNull();
  });
});
