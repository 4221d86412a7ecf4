// Engagement report queries (src/core/engagement/repository.ts): one statement each, the same SQL on
// SQLite and PostgreSQL, dates bound as parameters exactly as in leaderboard-queries.ts (half-open
// ranges on "occurredAt", served by the ("programId", "status", "occurredAt", …) index).
//
// "Ambassador at time t": accepted before t and not removed by then (since < t, removedAt null or
// >= t). "Engaged in a range": a verified activity in it (of the campaign, when one is named); the
// set of engaged members is computed once from the activity index and joined to the ambassadors.
import { Prisma } from './generated/sqlite/client.js';
import { num, type Num, type QueryDb } from './leaderboard-queries.js';
import type { BreakdownRow, EngagementQuery, EngagementRepository, Movement, QuietAmbassador, Turnout } from '../core/engagement/repository.js';
import type { DateRange } from '../core/activity/repository.js';

const WEEK_MS = 7 * 24 * 3_600_000;

function ambassadorAt(programId: number, t: Date): Prisma.Sql {
  return Prisma.sql`b."programId" = ${programId} AND b."since" < ${t} AND (b."removedAt" IS NULL OR b."removedAt" >= ${t})`;
}

/** Members with a verified activity in [from, to) (of the campaign, if named). */
function activeIn(q: EngagementQuery, from: Date, to: Date): Prisma.Sql {
  const campaign = q.campaignId === undefined ? Prisma.empty : Prisma.sql` AND a."campaignId" = ${q.campaignId}`;
  return Prisma.sql`SELECT a."memberId" FROM "Activity" a
    WHERE a."programId" = ${q.programId} AND a."status" = 'VERIFIED' AND a."occurredAt" >= ${from} AND a."occurredAt" < ${to}${campaign}`;
}

export async function turnout(db: QueryDb, q: EngagementQuery & DateRange): Promise<Turnout> {
  const [row] = await db.prisma.$queryRaw<Array<{ headcount: Num; engaged: Num }>>`
    SELECT
      (SELECT COUNT(*) FROM "Ambassador" b WHERE ${ambassadorAt(q.programId, q.to)}) AS "headcount",
      (SELECT COUNT(*) FROM "Ambassador" b WHERE ${ambassadorAt(q.programId, q.to)} AND b."memberId" IN (${activeIn(q, q.from, q.to)})) AS "engaged"`;
  return { headcount: num(row?.headcount), engaged: num(row?.engaged) };
}

/** Lapsed at `to`: an ambassador for longer than the window, with nothing verified in its last `weeks` weeks. */
function lapsedAt(q: EngagementQuery, to: Date, weeks: number): Prisma.Sql {
  const windowStart = new Date(to.getTime() - weeks * WEEK_MS);
  return Prisma.sql`${ambassadorAt(q.programId, to)} AND b."since" < ${windowStart}
    AND b."memberId" NOT IN (${activeIn({ programId: q.programId }, windowStart, to)})`;
}

export async function movement(db: QueryDb, q: EngagementQuery & DateRange & { lapsedWeeks: number }): Promise<Movement> {
  const before = new Date(q.from.getTime() - q.lapsedWeeks * WEEK_MS);
  const [row] = await db.prisma.$queryRaw<Array<{ joined: Num; lapsed: Num; returning: Num }>>`
    SELECT
      (SELECT COUNT(*) FROM "Ambassador" b WHERE b."programId" = ${q.programId} AND b."since" >= ${q.from} AND b."since" < ${q.to}) AS "joined",
      (SELECT COUNT(*) FROM "Ambassador" b WHERE ${lapsedAt(q, q.to, q.lapsedWeeks)}) AS "lapsed",
      (SELECT COUNT(*) FROM "Ambassador" b WHERE ${ambassadorAt(q.programId, q.to)} AND b."since" < ${before}
        AND b."memberId" IN (${activeIn(q, q.from, q.to)})
        AND b."memberId" NOT IN (${activeIn({ programId: q.programId }, before, q.from)})) AS "returning"`;
  return { joined: num(row?.joined), lapsed: num(row?.lapsed), returning: num(row?.returning) };
}

export async function lapsedNames(db: QueryDb, q: EngagementQuery & DateRange & { lapsedWeeks: number; limit: number }): Promise<string[]> {
  const rows = await db.prisma.$queryRaw<Array<{ displayName: string }>>`
    SELECT m."displayName" FROM "Ambassador" b JOIN "Member" m ON m."id" = b."memberId"
    WHERE ${lapsedAt(q, q.to, q.lapsedWeeks)}
    ORDER BY b."since" ASC, b."id" ASC
    LIMIT ${q.limit}`;
  return rows.map((r) => r.displayName);
}

async function breakdown(db: QueryDb, q: EngagementQuery & DateRange, by: 'kind' | 'campaign'): Promise<BreakdownRow[]> {
  const campaign = q.campaignId === undefined ? Prisma.empty : Prisma.sql` AND a."campaignId" = ${q.campaignId}`;
  const join = by === 'kind' ? Prisma.sql`JOIN "ActivityKind" g ON g."id" = a."kindId"` : Prisma.sql`JOIN "Campaign" g ON g."id" = a."campaignId"`;
  const label = by === 'kind' ? Prisma.sql`g."label"` : Prisma.sql`g."title"`;
  const rows = await db.prisma.$queryRaw<Array<{ label: string; activities: Num; points: Num; people: Num }>>`
    SELECT ${label} AS "label", COUNT(*) AS "activities", SUM(a."points") AS "points", COUNT(DISTINCT a."memberId") AS "people"
    FROM "Activity" a ${join}
    WHERE a."programId" = ${q.programId} AND a."status" = 'VERIFIED' AND a."occurredAt" >= ${q.from} AND a."occurredAt" < ${q.to}${campaign}
    GROUP BY g."id", ${label}
    ORDER BY COUNT(*) DESC, g."id" ASC`;
  return rows.map((r) => ({ label: r.label, activities: num(r.activities), points: num(r.points), people: num(r.people) }));
}

export async function quiet(db: QueryDb, q: { programId: number; at: Date; weeks: number; limit: number }): Promise<QuietAmbassador[]> {
  const rows = await db.prisma.$queryRaw<Array<{ memberId: Num; since: Date | string; lastActiveAt: Date | string | null }>>`
    SELECT b."memberId", b."since",
      (SELECT MAX(a."occurredAt") FROM "Activity" a WHERE a."programId" = ${q.programId} AND a."memberId" = b."memberId" AND a."status" = 'VERIFIED') AS "lastActiveAt"
    FROM "Ambassador" b
    WHERE b."status" = 'ACTIVE' AND b."nudgesOff" = ${false} AND ${lapsedAt({ programId: q.programId }, q.at, q.weeks)}
    ORDER BY b."id" ASC
    LIMIT ${q.limit}`;
  // Raw SQLite rows give dates as the text the adapter wrote.
  const date = (v: Date | string) => (v instanceof Date ? v : new Date(v));
  return rows.map((r) => ({ memberId: num(r.memberId), since: date(r.since), lastActiveAt: r.lastActiveAt === null ? null : date(r.lastActiveAt) }));
}

export function engagementRepository(db: QueryDb): EngagementRepository {
  return {
    quiet: (q) => quiet(db, q),
    programsWithNudges: async () =>
      (await db.prisma.$queryRaw<Array<{ id: Num }>>`SELECT "id" FROM "Program" WHERE "nudgeAfterWeeks" IS NOT NULL ORDER BY "id"`).map((r) => num(r.id)),
    setNudgesOff: async (programId, memberId, off) =>
      Number(await db.prisma.$executeRaw`UPDATE "Ambassador" SET "nudgesOff" = ${off} WHERE "programId" = ${programId} AND "memberId" = ${memberId} AND "status" = 'ACTIVE'`) === 1,
    programsWithStaffChannel: async () =>
      (await db.prisma.$queryRaw<Array<{ id: Num }>>`SELECT "id" FROM "Program" WHERE "staffChannelId" IS NOT NULL OR "committeeChannelId" IS NOT NULL ORDER BY "id"`).map((r) => num(r.id)),
    turnout: (q) => turnout(db, q),
    movement: (q) => movement(db, q),
    lapsedNames: (q) => lapsedNames(db, q),
    byKind: (q) => breakdown(db, q, 'kind'),
    byCampaign: (q) => breakdown(db, q, 'campaign'),
  };
}
