// Leaderboard queries: set-based in the database (GROUP BY + RANK() window), one statement each,
// the same SQL on SQLite (>= 3.25) and PostgreSQL. Honest numbers: only VERIFIED activity counts.
//
// Dates: the periods are half-open [from, to). Date values are bound as parameters, so the driver
// adapter formats them exactly as it formats them on write (SQLite: fixed-width ISO-8601 text
// "2026-01-05T09:00:00.000+00:00", which sorts lexicographically in time order; PostgreSQL:
// TIMESTAMP(3) in UTC). The comparisons are plain range predicates on "occurredAt", so they use
// the ("programId", "status", "occurredAt") index on both.
//
// The one provider difference: tie-break ordering by name uses COLLATE "C" on PostgreSQL, so names
// sort by code point exactly as SQLite's default BINARY collation does, whatever the server locale.
import { Prisma } from './generated/sqlite/client.js';
import type { Db } from './client.js';
import type { Provider } from './provider.js';
import type { BoardRow, Standing } from '../core/activity/repository.js';

/** A client or a transaction client, with its provider: a Database fits, and so does the store's. */
export interface QueryDb {
  prisma: Pick<Db, '$queryRaw' | '$executeRaw'>;
  provider: Provider;
}

export interface Period {
  /** Inclusive lower bound on Activity.occurredAt; none = since the beginning. */
  from?: Date;
  /** Exclusive upper bound on Activity.occurredAt; none = up to now and beyond. */
  to?: Date;
}

export interface LeaderboardQuery extends Period {
  programId: number;
  campaignId?: number;
  /** Maximum rows returned; ties at the cut are broken by name, then member id. */
  limit: number;
  /** Include ambassadors who opted out of public ranking (staff views only). */
  includeOptedOut?: boolean;
}

/** A board row (standard competition ranking: 1, 1, 3) and one person's standing: the core's shapes. */
export type LeaderboardRow = BoardRow;
export type { Standing };

export interface ObjectiveProgress {
  /** Sum of verified amounts (e.g. sign-ups, dollars). */
  amount: number;
  points: number;
  activities: number;
}

export type Num = number | bigint | string | null;

/** COUNT/SUM/RANK come back as bigint on PostgreSQL (and from SQLite through Prisma raw). */
export function num(v: Num | undefined): number {
  return v === null || v === undefined ? 0 : Number(v);
}

function positiveInt(name: string, v: number, max = 10_000): number {
  if (!Number.isInteger(v) || v < 1 || v > max) throw new RangeError(`${name} must be an integer in 1..${max}, got ${v}`);
  return v;
}

/** The WHERE conditions shared by every query: program, verified, period, campaign. */
function verifiedIn(q: { programId: number; campaignId?: number } & Period): Prisma.Sql {
  const parts = [Prisma.sql`a."programId" = ${q.programId}`, Prisma.sql`a."status" = 'VERIFIED'`];
  if (q.from) parts.push(Prisma.sql`a."occurredAt" >= ${q.from}`);
  if (q.to) parts.push(Prisma.sql`a."occurredAt" < ${q.to}`);
  if (q.campaignId !== undefined) parts.push(Prisma.sql`a."campaignId" = ${q.campaignId}`);
  return Prisma.join(parts, ' AND ');
}

/** Per-member verified totals: aggregate first, then join the (much smaller) ambassador set. */
function totals(q: { programId: number; campaignId?: number } & Period): Prisma.Sql {
  return Prisma.sql`
    SELECT a."memberId", SUM(a."points") AS "points", COUNT(*) AS "activities"
    FROM "Activity" a
    WHERE ${verifiedIn(q)}
    GROUP BY a."memberId"`;
}

function byName(db: QueryDb): Prisma.Sql {
  return db.provider === 'postgresql' ? Prisma.sql`"displayName" COLLATE "C"` : Prisma.sql`"displayName"`;
}

/** The ranked board of ACTIVE ambassadors with verified activity in the period. */
export async function leaderboard(db: QueryDb, q: LeaderboardQuery): Promise<LeaderboardRow[]> {
  const limit = positiveInt('limit', q.limit);
  const visibility = q.includeOptedOut ? Prisma.empty : Prisma.sql`AND amb."leaderboardOptOut" = false`;
  const rows = await db.prisma.$queryRaw<Array<Record<keyof LeaderboardRow, Num>>>`
    WITH totals AS (${totals(q)}),
    ranked AS (
      SELECT t."memberId", m."displayName", t."points", t."activities",
             RANK() OVER (ORDER BY t."points" DESC) AS "rank"
      FROM totals t
      JOIN "Ambassador" amb ON amb."programId" = ${q.programId} AND amb."memberId" = t."memberId"
      JOIN "Member" m ON m."id" = t."memberId"
      WHERE amb."status" = 'ACTIVE' ${visibility}
    )
    SELECT "rank", "memberId", "displayName", "points", "activities"
    FROM ranked
    ORDER BY "rank", ${byName(db)}, "memberId"
    LIMIT ${limit}`;
  return rows.map((r) => ({
    rank: num(r.rank),
    memberId: num(r.memberId),
    displayName: String(r.displayName),
    points: num(r.points),
    activities: num(r.activities),
  }));
}

/**
 * The public ranks, in the period, of some members (the previous week's rank of this week's top N):
 * the same ranking as leaderboard(), filtered after ranking. Members not ranked are absent.
 */
export async function ranksOf(
  db: QueryDb,
  q: { programId: number; memberIds: number[]; campaignId?: number } & Period,
): Promise<Map<number, number>> {
  if (q.memberIds.length === 0) return new Map();
  const rows = await db.prisma.$queryRaw<Array<{ memberId: Num; rank: Num }>>`
    WITH totals AS (${totals(q)}),
    ranked AS (
      SELECT t."memberId", RANK() OVER (ORDER BY t."points" DESC) AS "rank"
      FROM totals t
      JOIN "Ambassador" amb ON amb."programId" = ${q.programId} AND amb."memberId" = t."memberId"
      WHERE amb."status" = 'ACTIVE' AND amb."leaderboardOptOut" = false
    )
    SELECT "memberId", "rank" FROM ranked WHERE "memberId" IN (${Prisma.join(q.memberIds)})`;
  return new Map(rows.map((r) => [num(r.memberId), num(r.rank)]));
}

/**
 * One ambassador's points and rank, even if they opted out: ranked among the public board plus
 * themselves, so a member who did not opt out sees exactly the rank the public board shows.
 * Null when the member is not an ACTIVE ambassador of the program.
 */
export async function standingOf(
  db: QueryDb,
  q: { programId: number; memberId: number; campaignId?: number } & Period,
): Promise<Standing | null> {
  const rows = await db.prisma.$queryRaw<
    Array<{ optedOut: boolean | number; points: Num; activities: Num; rank: Num; rankedCount: Num }>
  >`
    WITH totals AS (${totals(q)}),
    ranked AS (
      SELECT t."memberId", t."points", t."activities",
             RANK() OVER (ORDER BY t."points" DESC) AS "rank"
      FROM totals t
      JOIN "Ambassador" amb ON amb."programId" = ${q.programId} AND amb."memberId" = t."memberId"
      WHERE amb."status" = 'ACTIVE' AND (amb."leaderboardOptOut" = false OR amb."memberId" = ${q.memberId})
    )
    SELECT amb."leaderboardOptOut" AS "optedOut", r."points", r."activities", r."rank",
           (SELECT COUNT(*) FROM ranked) AS "rankedCount"
    FROM "Ambassador" amb
    LEFT JOIN ranked r ON r."memberId" = amb."memberId"
    WHERE amb."programId" = ${q.programId} AND amb."memberId" = ${q.memberId} AND amb."status" = 'ACTIVE'`;
  const r = rows[0];
  if (!r) return null;
  return {
    memberId: q.memberId,
    points: num(r.points),
    activities: num(r.activities),
    rank: r.rank === null ? null : num(r.rank),
    rankedCount: num(r.rankedCount),
    optedOut: Boolean(Number(r.optedOut)),
  };
}

/**
 * Everyone with verified activity in the period, whatever their ambassador status or opt-out now:
 * the work was done and counts toward the objective, and a count reveals no one.
 */
export async function contributorsCount(
  db: QueryDb,
  q: { programId: number; from: Date; to: Date; campaignId?: number },
): Promise<number> {
  const rows = await db.prisma.$queryRaw<Array<{ n: Num }>>`
    SELECT COUNT(DISTINCT a."memberId") AS "n" FROM "Activity" a WHERE ${verifiedIn(q)}`;
  return num(rows[0]?.n);
}

/**
 * Verified amounts toward an objective, optionally only for some activity kinds (by key) and a
 * campaign. An empty key list measures nothing (zero), it does not mean "all kinds".
 */
export async function objectiveProgress(
  db: QueryDb,
  q: { programId: number; metricKindKeys?: string[]; campaignId?: number } & Period,
): Promise<ObjectiveProgress> {
  if (q.metricKindKeys && q.metricKindKeys.length === 0) return { amount: 0, points: 0, activities: 0 };
  const kinds = q.metricKindKeys
    ? Prisma.sql`JOIN "ActivityKind" k ON k."id" = a."kindId" AND k."key" IN (${Prisma.join(q.metricKindKeys)})`
    : Prisma.empty;
  const rows = await db.prisma.$queryRaw<Array<{ amount: Num; points: Num; activities: Num }>>`
    SELECT COALESCE(SUM(a."amount"), 0) AS "amount", COALESCE(SUM(a."points"), 0) AS "points",
           COUNT(*) AS "activities"
    FROM "Activity" a ${kinds}
    WHERE ${verifiedIn(q)}`;
  const r = rows[0];
  return { amount: num(r?.amount), points: num(r?.points), activities: num(r?.activities) };
}
