// A burst of 1,000 vote reactions on 100 applications, all at once: no vote lost or double-counted,
// each decision taken exactly once. Run: npx tsx test/bench/votes.bench.ts (BENCH_PG_URL for PostgreSQL).
import { pathToFileURL } from 'node:url';
import { createTestCore, apply, type TestCore } from '../support/core.js';

const APPLICATIONS = 100;
const COMMITTEE = 10;

async function burst(label: string): Promise<void> {
  const t: TestCore = await createTestCore();
  try {
    await t.say('admin', `/program setup program:Bench why:"Benchmarking the committee" objective:"Decide fast" metric:decisions target:100 capacity:${APPLICATIONS} committee_channel:#committee`);
    await t.say('admin', `/program rules quorum:${COMMITTEE} threshold:1/2`);
    await t.say('admin', '/program questions add prompt:"Why?"');
    const voters = Array.from({ length: COMMITTEE }, (_, i) => `voter${i}`);
    for (const v of voters) await t.say('admin', `/committee add user:@${v}`);
    for (let i = 0; i < APPLICATIONS; i++) await apply(t, `applicant${i}`, ['Because']);
    const apps = await t.db.prisma.application.findMany({ select: { id: true, committeeMessageId: true } });

    const reactions = apps.flatMap((a, i) => voters.map((v, j) => ({ v, msg: a.committeeMessageId!, emoji: (i + j) % 3 === 0 ? '❌' : '✅' })));
    const started = performance.now();
    await Promise.all(reactions.map((r) => t.platform.reactAs(r.v, r.msg, r.emoji, true)));
    const votingMs = performance.now() - started;
    await t.core.dispatcher.drain();

    const votes = await t.db.prisma.vote.count();
    const decisions = await t.db.prisma.auditEvent.groupBy({ by: ['subjectId'], where: { action: { in: ['application.accepted', 'application.rejected', 'application.waitlisted'] } }, _count: true });
    const twice = decisions.filter((d) => d._count !== 1).length;
    const undecided = await t.db.prisma.application.count({ where: { status: 'VOTING' } });
    console.log(
      `${label.padEnd(10)} ${reactions.length} reactions in ${votingMs.toFixed(0)} ms (${((reactions.length / votingMs) * 1000).toFixed(0)}/s): ` +
        `${votes} votes stored (expected ${reactions.length}), ${decisions.length} decisions (expected ${APPLICATIONS}), ` +
        `${twice} taken twice, ${undecided} left undecided`,
    );
    if (votes !== reactions.length || decisions.length !== APPLICATIONS || twice || undecided) process.exitCode = 1;
  } finally {
    await t.close();
  }
}

export async function run(): Promise<void> {
  console.log(`\n# Vote burst: ${APPLICATIONS * COMMITTEE} reactions at once on ${APPLICATIONS} applications (committee of ${COMMITTEE}, quorum ${COMMITTEE})`);
  const saved = process.env.DATABASE_URL;
  process.env.DATABASE_URL = 'file:';
  await burst('SQLite');
  process.env.DATABASE_URL = process.env.BENCH_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
  await burst('PostgreSQL').catch((err: unknown) => console.log(`PostgreSQL skipped: ${String(err)}`));
  process.env.DATABASE_URL = saved;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
