// What claiming an inbound event costs on PostgreSQL (src/db/inbound-claims.ts: one INSERT … ON
// CONFLICT statement before each acknowledgement, on the plain pool), beside its floor in the same run: the cheapest
// statement the same client can send (SELECT 1). Sequential claims show the added latency; 200 at
// once (a burst, as two processes see it: every event claimed twice, once by each) show the wait.
// Run: npm run bench -- claims   (BENCH_PG_URL for the PostgreSQL server; BENCH_ROUNDS=3 default)
import { pathToFileURL } from 'node:url';
import { sqlInboundClaims } from '../../src/db/inbound-claims.js';
import { openDatabase } from '../../src/db/client.js';
import { applyMigrations } from '../../src/db/migrate.js';
import { freshDatabaseUrl } from '../support/database.js';
import { fmt, load, percentile } from './lib/measure.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

async function timed(n: number, one: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await one(i);
    out.push(performance.now() - t);
  }
  return out;
}

export async function run(): Promise<void> {
  const prev = process.env.DATABASE_URL;
  process.env.DATABASE_URL = process.env.BENCH_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
  const fresh = await freshDatabaseUrl();
  if (prev === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = prev;
  await applyMigrations(fresh.url);
  const db = await openDatabase(fresh.url);
  // As production claims (the plain pool), and through Prisma for comparison.
  const claims = sqlInboundClaims(db.prisma, db.provider, db.fast);
  const viaPrisma = sqlInboundClaims(db.prisma, db.provider);
  const work = { kind: 'command' as const, platform: 'discord' as const, inv: { name: 'log', options: { kind: 'share', amount: 1 }, user: { platform: 'discord' as const, workspaceId: 'g', id: 'u', isBot: false }, channel: { platform: 'discord' as const, workspaceId: 'g', id: 'c' } }, replyTo: { applicationId: 'a', token: 't'.repeat(80) } };
  const r = { floorP50: [] as number[], floorP99: [] as number[], claimP50: [] as number[], claimP99: [] as number[], prismaP50: [] as number[], burstP99: [] as number[], burstFloorP99: [] as number[] };
  try {
    for (let round = 0; round < ROUNDS; round++) {
      await timed(50, () => db.prisma.$queryRawUnsafe('SELECT 1')); // warm both paths
      await timed(50, (i) => claims.claim({ key: `warm:${round}:${i}`, claimedBy: 'a', now: new Date(), leaseMs: 30_000, work }));
      const floor = await timed(500, () => db.prisma.$queryRawUnsafe('SELECT 1'));
      const claim = await timed(500, (i) => claims.claim({ key: `seq:${round}:${i}`, claimedBy: 'a', now: new Date(), leaseMs: 30_000, work }));
      r.floorP50.push(percentile(floor, 50));
      r.floorP99.push(percentile(floor, 99));
      r.claimP50.push(percentile(claim, 50));
      r.claimP99.push(percentile(claim, 99));
      r.prismaP50.push(percentile(await timed(200, (i) => viaPrisma.claim({ key: `prisma:${round}:${i}`, claimedBy: 'a', now: new Date(), leaseMs: 30_000, work })), 50));
      // A burst: 200 events, each claimed by two "processes" (two repositories on one pool) at once.
      const burst = async (fn: (i: number) => Promise<unknown>) => {
        const t0 = performance.now();
        const done = await Promise.all(Array.from({ length: 400 }, async (_, i) => {
          await fn(i);
          return performance.now() - t0;
        }));
        return percentile(done, 99);
      };
      r.burstFloorP99.push(await burst(() => db.prisma.$queryRawUnsafe('SELECT 1')));
      r.burstP99.push(await burst((i) => claims.claim({ key: `burst:${round}:${i >> 1}`, claimedBy: i % 2 ? 'a' : 'b', now: new Date(), leaseMs: 30_000, work })));
    }
  } finally {
    await db.close();
    await fresh.drop();
  }
  console.log(`\nInbound claims on PostgreSQL, ${ROUNDS} rounds (median (range) of each round's figure), ${load()}`);
  console.log(`  one claim, sequential:  p50 ${fmt(r.claimP50, 2)} ms, p99 ${fmt(r.claimP99, 2)} ms (through Prisma instead: p50 ${fmt(r.prismaP50, 2)} ms)   floor SELECT 1 (Prisma): p50 ${fmt(r.floorP50, 2)} ms, p99 ${fmt(r.floorP99, 2)} ms`);
  console.log(`  200 events x 2 claimants at once, until the last is answered (p99): ${fmt(r.burstP99)} ms   floor 400 x SELECT 1: ${fmt(r.burstFloorP99)} ms`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
