// Activity, kinds, leaderboards, weekly claims and exports, on Prisma. Identical on both providers.
import type { Prisma } from './generated/sqlite/client.js';
import type * as P from './generated/sqlite/client.js';
import type { Db } from './client.js';
import type { Provider } from './provider.js';
import type { ActivityRepository, DateRange } from '../core/activity/repository.js';
import type { Activity, ActivityKind, ActivityStatus } from '../core/activity/model.js';
import { lower, upper } from './mappers.js';
import { contributorsCount, leaderboard, objectiveProgress, ranksOf, standingOf, type QueryDb } from './leaderboard-queries.js';

type Tx = Prisma.TransactionClient | Db;
type Status = 'PENDING' | 'VERIFIED' | 'REJECTED';

const withNames = { member: { select: { displayName: true } }, kind: { select: { key: true, label: true } } } as const;
type ActivityRow = P.Activity & { member: { displayName: string }; kind: { key: string; label: string } };

function toKind(k: P.ActivityKind): ActivityKind {
  return {
    id: k.id, programId: k.programId, key: k.key, label: k.label, pointsPerUnit: k.pointsPerUnit, unitSize: k.unitSize,
    maxAmount: k.maxAmount, autoVerify: k.autoVerify, campaignId: k.campaignId,
  };
}

function toActivity(a: ActivityRow): Activity {
  return {
    id: a.id, programId: a.programId, memberId: a.memberId, memberName: a.member.displayName, kindId: a.kindId,
    kindKey: a.kind.key, kindLabel: a.kind.label, campaignId: a.campaignId, amount: a.amount, points: a.points,
    link: a.link, note: a.note, status: lower<ActivityStatus>(a.status), occurredAt: a.occurredAt, loggedAt: a.loggedAt,
    reviewedById: a.reviewedById, reviewedAt: a.reviewedAt, reviewReason: a.reviewReason,
  };
}

const inRange = (r: DateRange) => ({ gte: r.from, lt: r.to });

async function namesOf(db: Tx, ids: Array<number | null>): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((i): i is number => i !== null))];
  if (!wanted.length) return new Map();
  const rows = await db.member.findMany({ where: { id: { in: wanted } }, select: { id: true, displayName: true } });
  return new Map(rows.map((m) => [m.id, m.displayName]));
}

export function activityRepository(db: Tx, provider: Provider): ActivityRepository {
  const q: QueryDb = { prisma: db, provider };
  return {
    kinds: async (programId) => (await db.activityKind.findMany({ where: { programId }, orderBy: { id: 'asc' } })).map(toKind),
    async insertKinds(programId, kinds, onlyIfNone) {
      if (onlyIfNone && (await db.activityKind.count({ where: { programId } })) > 0) return;
      // ON CONFLICT DO NOTHING on both providers: a race between two first uses is harmless, and
      // no failed INSERT aborts an enclosing PostgreSQL transaction (creditReferral runs in one).
      for (const k of kinds) {
        await db.$executeRaw`
          INSERT INTO "ActivityKind" ("programId", "key", "label", "pointsPerUnit", "unitSize", "maxAmount", "autoVerify", "campaignId")
          VALUES (${programId}, ${k.key}, ${k.label}, ${k.pointsPerUnit}, ${k.unitSize}, ${k.maxAmount}, ${k.autoVerify}, ${k.campaignId})
          ON CONFLICT ("programId", "key") DO NOTHING`;
      }
    },
    updateKind: async (id, patch) => toKind(await db.activityKind.update({ where: { id }, data: patch })),

    async log(a) {
      const { status, ...rest } = a;
      return toActivity(await db.activity.create({ data: { ...rest, status: upper<Status>(status) }, include: withNames }));
    },
    byId: async (id) => {
      const a = await db.activity.findUnique({ where: { id }, include: withNames });
      return a ? toActivity(a) : null;
    },
    sameLink: async (programId, link, exceptId) =>
      (await db.activity.findMany({ where: { link, programId, ...(exceptId ? { id: { not: exceptId } } : {}) }, include: withNames, orderBy: { id: 'asc' }, take: 20 })).map(toActivity),
    async pending(programId, limit) {
      const where = { programId, status: 'PENDING' as const };
      const [items, total] = await Promise.all([
        db.activity.findMany({ where, include: withNames, orderBy: { id: 'asc' }, take: limit }),
        db.activity.count({ where }),
      ]);
      return { items: items.map(toActivity), total };
    },
    recent: async (programId, memberId, limit) =>
      (await db.activity.findMany({ where: { programId, memberId }, include: withNames, orderBy: { id: 'desc' }, take: limit })).map(toActivity),
    review: async (id, p) =>
      (await db.activity.updateMany({ where: { id, status: 'PENDING' }, data: { ...p, status: upper<Status>(p.status) } })).count === 1,
    referralCredited: async (programId, ref) =>
      (await db.activity.count({ where: { programId, kind: { key: 'referral' }, note: { endsWith: `(application ${ref})` } } })) > 0,

    isOptedOut: async (programId, memberId) =>
      (await db.ambassador.count({ where: { programId, memberId, leaderboardOptOut: true } })) > 0,
    setOptOut: async (programId, memberId, optOut) =>
      (await db.ambassador.updateMany({ where: { programId, memberId, status: 'ACTIVE', leaderboardOptOut: !optOut }, data: { leaderboardOptOut: optOut } })).count === 1,
    async boardSettings(programId) {
      const p = await db.program.findUnique({ where: { id: programId }, select: { leaderboardCron: true, leaderboardSize: true } });
      return p ? { cron: p.leaderboardCron, size: p.leaderboardSize } : null;
    },
    async setBoardSettings(programId, s) {
      await db.program.update({ where: { id: programId }, data: { leaderboardCron: s.cron, leaderboardSize: s.size } });
    },
    programsWithBoards: async () =>
      (await db.program.findMany({ where: { announceChannelId: { not: null } }, select: { id: true }, orderBy: { id: 'asc' } })).map((p) => p.id),
    campaign: async (programId, id) =>
      db.campaign.findFirst({ where: { id, programId }, select: { id: true, programId: true, title: true, objectiveMetric: true, objectiveTarget: true } }),
    campaignById: async (id) =>
      db.campaign.findUnique({ where: { id }, select: { id: true, programId: true, title: true, objectiveMetric: true, objectiveTarget: true } }),

    leaderboard: (b) => leaderboard(q, b),
    standing: (b) => standingOf(q, b),
    ranksOf: (b) => ranksOf(q, b),
    contributors: (b) => contributorsCount(q, b),
    objectiveAmount: async (b) => (await objectiveProgress(q, { ...b, metricKindKeys: b.kindKeys })).amount,
    newAmbassadors: async (programId, range) =>
      (
        await db.ambassador.findMany({
          where: { programId, status: 'ACTIVE', leaderboardOptOut: false, since: inRange(range) }, include: { member: { select: { displayName: true } } }, orderBy: [{ since: 'asc' }, { id: 'asc' }],
        })
      ).map((a) => a.member.displayName),
    async exportAmbassadors(programId, range, after, take) {
      const rows = await db.ambassador.findMany({
        where: { programId, id: { gt: after } }, include: { member: true }, orderBy: { id: 'asc' }, take,
      });
      // One grouped query per page: the verified points of this page's people in the range.
      const sums = rows.length
        ? await db.activity.groupBy({
            by: ['memberId'], where: { programId, status: 'VERIFIED', occurredAt: inRange(range), memberId: { in: rows.map((r) => r.memberId) } },
            _sum: { points: true }, _count: { _all: true },
          })
        : [];
      const byMember = new Map(sums.map((s) => [s.memberId, s]));
      return rows.map((a) => ({
        id: a.id, name: a.member.displayName, platformUserId: a.member.platformUserId, status: lower(a.status), since: a.since,
        removedAt: a.removedAt, optedOut: a.leaderboardOptOut, points: byMember.get(a.memberId)?._sum.points ?? 0,
        activities: byMember.get(a.memberId)?._count._all ?? 0,
      }));
    },
    async exportApplications(programId, range, after, take) {
      const rows = await db.application.findMany({
        where: { programId, submittedAt: inRange(range), id: { gt: after } }, include: { applicant: true, referrer: true }, orderBy: { id: 'asc' }, take,
      });
      const deciders = await namesOf(db, rows.map((r) => r.decidedById));
      return rows.map((a) => ({
        id: a.id, ref: a.ref, applicant: a.applicant.displayName, referrer: a.referrer?.displayName ?? null, status: lower(a.status),
        submittedAt: a.submittedAt, decidedAt: a.decidedAt, decidedBy: a.decidedById ? (deciders.get(a.decidedById) ?? null) : a.decidedAt ? 'committee' : null,
        decisionReason: a.decisionReason, decisionNote: a.decisionNote,
      }));
    },
    async exportActivity(programId, range, after, take) {
      const rows = await db.activity.findMany({
        where: { programId, occurredAt: inRange(range), id: { gt: after } }, include: withNames, orderBy: { id: 'asc' }, take,
      });
      const reviewers = await namesOf(db, rows.map((r) => r.reviewedById));
      return rows.map((a) => ({
        id: a.id, member: a.member.displayName, kind: a.kind.key, campaignId: a.campaignId, amount: a.amount, points: a.points,
        link: a.link, note: a.note, status: lower(a.status), occurredAt: a.occurredAt, loggedAt: a.loggedAt,
        reviewedBy: a.reviewedById ? (reviewers.get(a.reviewedById) ?? null) : null, reviewedAt: a.reviewedAt, reviewReason: a.reviewReason,
      }));
    },
  };
}
