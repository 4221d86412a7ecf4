// The engagement report (what /report period:month runs: 12 months of head-count and engaged
// ambassadors, who joined, lapsed and returned, activity by kind and campaign, the lapsed names) over
// the leaderboard bench's 10,000 ambassadors and 1,000,000 activities, beside the floor: the same
// figures from hand-written SQL run through the driver (the trend in one statement). Called by
// leaderboard.bench.ts on the database it seeded: npm run bench -- leaderboard.
import { pino } from 'pino';
import { createCore } from '../../src/core/index.js';
import { engagementReport, type EngagementReport } from '../../src/core/engagement/report.js';
import { lastPeriods } from '../../src/core/engagement/periods.js';
import type { Database } from '../../src/db/client.js';
import { createStore } from '../../src/db/store.js';

/** Runs one hand-written statement: placeholders as the driver wants them, dates bound as it needs. */
export interface RawRunner {
  placeholder(n: number): string;
  /** A timestamp as the driver binds it in a comparison with a stored one. */
  date(d: Date): unknown;
  /** A literal type cast for a date placeholder inside VALUES (PostgreSQL can't infer it there). */
  dateCast: string;
  all(sql: string, values: unknown[]): Promise<Array<Record<string, unknown>>>;
}

const LAPSED_WEEKS = 4;
const WEEK_MS = 7 * 24 * 3_600_000;

/** The floor: what a person would write for the same report. */
async function handWritten(raw: RawRunner, now: Date): Promise<{ trend: Array<[number, number]>; movement: number[]; kinds: number; lapsed: string[] }> {
  const periods = lastPeriods('month', now, 'UTC', 12);
  const last = periods.at(-1)!;
  const p = raw.placeholder;
  const values: unknown[] = [1];
  const rows = periods.map((r, i) => {
    values.push(raw.date(r.from), raw.date(r.to));
    return `(${i}, ${p(values.length - 1)}${raw.dateCast}, ${p(values.length)}${raw.dateCast})`;
  });
  const trend = await raw.all(
    `WITH p(i, f, t) AS (VALUES ${rows.join(', ')}),
    act AS (SELECT DISTINCT p.i, a."memberId" FROM p JOIN "Activity" a ON a."programId" = ${p(1)} AND a."status" = 'VERIFIED' AND a."occurredAt" >= p.f AND a."occurredAt" < p.t)
    SELECT p.i,
      (SELECT COUNT(*) FROM "Ambassador" b WHERE b."programId" = ${p(1)} AND b."since" < p.t AND (b."removedAt" IS NULL OR b."removedAt" >= p.t)) AS headcount,
      (SELECT COUNT(*) FROM act JOIN "Ambassador" b ON b."programId" = ${p(1)} AND b."memberId" = act."memberId"
        WHERE act.i = p.i AND b."since" < p.t AND (b."removedAt" IS NULL OR b."removedAt" >= p.t)) AS engaged
    FROM p ORDER BY p.i`,
    values,
  );
  const window = new Date(last.to.getTime() - LAPSED_WEEKS * WEEK_MS);
  const before = new Date(last.from.getTime() - LAPSED_WEEKS * WEEK_MS);
  const [f, t, w, b] = [last.from, last.to, window, before].map(raw.date);
  const active = (from: number, to: number) => `SELECT a."memberId" FROM "Activity" a WHERE a."programId" = ${p(1)} AND a."status" = 'VERIFIED' AND a."occurredAt" >= ${p(from)} AND a."occurredAt" < ${p(to)}`;
  const at = `b."programId" = ${p(1)} AND b."since" < ${p(3)} AND (b."removedAt" IS NULL OR b."removedAt" >= ${p(3)})`;
  const movement = await raw.all(
    `SELECT
      (SELECT COUNT(*) FROM "Ambassador" b WHERE b."programId" = ${p(1)} AND b."since" >= ${p(2)} AND b."since" < ${p(3)}) AS "joined",
      (SELECT COUNT(*) FROM "Ambassador" b WHERE ${at} AND b."since" < ${p(4)} AND b."memberId" NOT IN (${active(4, 3)})) AS "lapsed",
      (SELECT COUNT(*) FROM "Ambassador" b WHERE ${at} AND b."since" < ${p(5)} AND b."memberId" IN (${active(2, 3)}) AND b."memberId" NOT IN (${active(5, 2)})) AS "returning"`,
    [1, f, t, w, b],
  );
  const kinds = await raw.all(
    `SELECT k."label", COUNT(*) AS n, SUM(a."points") AS points, COUNT(DISTINCT a."memberId") AS people FROM "Activity" a JOIN "ActivityKind" k ON k."id" = a."kindId"
     WHERE a."programId" = ${p(1)} AND a."status" = 'VERIFIED' AND a."occurredAt" >= ${p(2)} AND a."occurredAt" < ${p(3)} GROUP BY k."id", k."label"`,
    [1, f, t],
  );
  await raw.all(
    `SELECT g."title", COUNT(*) AS n, SUM(a."points") AS points, COUNT(DISTINCT a."memberId") AS people FROM "Activity" a JOIN "Campaign" g ON g."id" = a."campaignId"
     WHERE a."programId" = ${p(1)} AND a."status" = 'VERIFIED' AND a."occurredAt" >= ${p(2)} AND a."occurredAt" < ${p(3)} GROUP BY g."id", g."title"`,
    [1, f, t],
  );
  const lapsed = await raw.all(
    `SELECT m."displayName" FROM "Ambassador" b JOIN "Member" m ON m."id" = b."memberId"
     WHERE b."programId" = ${p(1)} AND b."since" < ${p(2)} AND (b."removedAt" IS NULL OR b."removedAt" >= ${p(3)}) AND b."since" < ${p(4)} AND b."memberId" NOT IN (${active(4, 3)})
     ORDER BY b."since", b."id" LIMIT 10`,
    [1, t, t, w],
  );
  const m = movement[0]!;
  return {
    trend: trend.map((r) => [Number(r.headcount), Number(r.engaged)]), movement: [Number(m.joined), Number(m.lapsed), Number(m.returning)],
    kinds: kinds.length, lapsed: lapsed.map((r) => String(r.displayName)),
  };
}

export async function measureEngagement(label: string, db: Database, raw: RawRunner, now: Date, medians: (a: () => Promise<unknown>, b: () => Promise<unknown>) => Promise<[number, number, number]>): Promise<void> {
  const core = createCore({ store: createStore(db), commands: [], log: pino({ level: 'silent' }), defaultTimeZone: 'UTC', now: () => now });
  const program = (await core.deps.store.programs.byId(1))!;
  const report = (): Promise<EngagementReport> => engagementReport(core.deps, { program, period: 'month' });
  const mine = await report();
  const hand = await handWritten(raw, now);
  const same =
    JSON.stringify(mine.trend.map((t) => [t.headcount, t.engaged])) === JSON.stringify(hand.trend) &&
    JSON.stringify([mine.current.joined, mine.current.lapsed, mine.current.returning]) === JSON.stringify(hand.movement) &&
    JSON.stringify(mine.lapsedNames) === JSON.stringify(hand.lapsed) && mine.byKind.length === hand.kinds;
  if (!same) throw new Error(`${label} engagement report: the report and the floor disagree: ${JSON.stringify({ mine: [mine.trend, mine.current], hand })}`);
  const [ours, base, runs] = await medians(report, () => handWritten(raw, now));
  const c = mine.current;
  console.log(
    `${label.padEnd(10)} report    /report period:month ${ours.toFixed(1).padStart(7)} ms   floor ${base.toFixed(1).padStart(7)} ms   ratio ${(ours / base).toFixed(2)}x   (${runs} runs; ` +
      `${c.engaged} of ${c.headcount} engaged, ${c.joined} joined, ${c.lapsed} lapsed, ${c.returning} returning; target < 250 ms on PostgreSQL, ≤ 1.5x)`,
  );
}
