// The core's Store, implemented with Prisma. Identical on SQLite and PostgreSQL.
import type { Prisma } from './generated/sqlite/client.js';
import type { Database, Db } from './client.js';
import type { Provider } from './provider.js';
import type { Repositories, Store } from '../core/repositories.js';
import type { Effect } from '../core/effects/effect.js';
import type { VoteChoice } from '../core/ports/chat-platform.js';
import { openStatuses } from '../core/model.js';
import { campaignRepository } from './campaign-store.js';
import { activityRepository } from './activity-store.js';
import { claimsRepository } from './job-claims.js';
import { engagementRepository } from './engagement-queries.js';
import { feedbackRepository } from './feedback-store.js';
import { pulseRepository } from './pulse-store.js';
import { peopleRepository } from './people-store.js';
import { memoryInboundClaims, sqlInboundClaims } from './inbound-claims.js';
import { formDrafts } from './form-drafts.js';
import type { InboundClaimsRepository } from '../core/inbound.js';
import {
  applicationColumns, lower, programColumns, toAmbassador, toApplication, toAudit, toMember, toProgram, toQuestion, upper,
} from './mappers.js';

type Tx = Prisma.TransactionClient | Db;
type Choice = 'APPROVE' | 'REJECT' | 'ABSTAIN';

const isUniqueViolation = (err: unknown) => (err as { code?: string })?.code === 'P2002';

export function createStore({ prisma, provider, fast }: Pick<Database, 'prisma' | 'provider'> & Partial<Pick<Database, 'fast'>>): Store {
  // One process per SQLite file (process-lock.ts): its claims live in memory, shared by every transaction.
  const memoryClaims = provider === 'sqlite' ? memoryInboundClaims() : undefined;
  return {
    ...repositories(prisma, provider, memoryClaims, fast),
    // Long enough for a slow disk; short enough that a stuck transaction fails rather than hangs.
    transaction: (fn) => prisma.$transaction((tx) => fn(repositories(tx, provider, memoryClaims)), { maxWait: 10_000, timeout: 20_000 }),
  };
}

function repositories(db: Tx, provider: Provider, memoryClaims?: InboundClaimsRepository, fast?: Database['fast']): Repositories {
  return {
    inbound: memoryClaims ?? sqlInboundClaims(db, provider, fast),
    drafts: formDrafts(db, provider === 'postgresql', provider === 'postgresql' ? fast : undefined),
    campaigns: campaignRepository(db),
    claims: claimsRepository(db),
    people: peopleRepository(db),
    activity: activityRepository(db, provider),
    engagement: engagementRepository({ prisma: db, provider }),
    feedback: feedbackRepository(db),
    pulses: pulseRepository(db),
    members: {
      async upsert(u) {
        const key = { platform: u.platform, workspaceId: u.workspaceId, platformUserId: u.id };
        const name = u.name ?? u.id;
        const m = await db.member.upsert({
          where: { platform_workspaceId_platformUserId: key },
          create: { ...key, displayName: name, joinedAt: u.joinedAt ?? null },
          // Without a name (an event finished for another process knows only the id), keep the one we have.
          update: { ...(u.name ? { displayName: u.name } : {}), ...(u.joinedAt ? { joinedAt: u.joinedAt } : {}) },
        });
        return toMember(m);
      },
      byId: async (id) => nullable(await db.member.findUnique({ where: { id } }), toMember),
      byPlatformId: async (platform, workspaceId, platformUserId) =>
        nullable(await db.member.findUnique({ where: { platform_workspaceId_platformUserId: { platform, workspaceId, platformUserId } } }), toMember),
      async ensure(platform, workspaceId, platformUserId, displayName) {
        const key = { platform, workspaceId, platformUserId };
        return toMember(
          await db.member.upsert({
            where: { platform_workspaceId_platformUserId: key },
            create: { ...key, displayName: displayName ?? platformUserId },
            update: displayName ? { displayName } : {},
          }),
        );
      },
    },
    staff: {
      isStaff: async (memberId) => (await db.staffMember.count({ where: { memberId } })) > 0,
      async add(memberId) {
        await db.staffMember.upsert({ where: { memberId }, create: { memberId }, update: {} });
      },
      remove: async (memberId) => (await db.staffMember.deleteMany({ where: { memberId } })).count > 0,
      inWorkspace: async (platform, workspaceId) =>
        (await db.staffMember.findMany({ where: { member: { platform, workspaceId } }, include: { member: true }, orderBy: { id: 'asc' } })).map((s) => toMember(s.member)),
    },
    programs: {
      create: async (platform, workspaceId, s) =>
        toProgram(await db.program.create({ data: { ...(programColumns(s) as Prisma.ProgramCreateInput), platform, workspaceId } })),
      update: async (id, patch) => toProgram(await db.program.update({ where: { id }, data: programColumns(patch) })),
      byId: async (id) => nullable(await db.program.findUnique({ where: { id } }), toProgram),
      inWorkspace: async (platform, workspaceId) =>
        (await db.program.findMany({ where: { platform, workspaceId }, orderBy: { id: 'asc' } })).map(toProgram),
    },
    committee: {
      async add(programId, memberId) {
        await db.committeeMember.upsert({
          where: { programId_memberId: { programId, memberId } },
          create: { programId, memberId },
          update: {},
        });
      },
      remove: async (programId, memberId) => (await db.committeeMember.deleteMany({ where: { programId, memberId } })).count > 0,
      memberIds: async (programId) => (await db.committeeMember.findMany({ where: { programId }, select: { memberId: true } })).map((c) => c.memberId),
      list: async (programId) =>
        (await db.committeeMember.findMany({ where: { programId }, include: { member: true }, orderBy: { id: 'asc' } })).map((c) =>
          toMember(c.member),
        ),
    },
    questions: {
      list: async (programId) => (await db.formQuestion.findMany({ where: { programId }, orderBy: [{ position: 'asc' }, { id: 'asc' }] })).map(toQuestion),
      async add(programId, q) {
        const last = await db.formQuestion.aggregate({ where: { programId }, _max: { position: true } });
        return toQuestion(
          await db.formQuestion.create({ data: { programId, ...q, kind: upper<'SHORT' | 'PARAGRAPH'>(q.kind), position: (last._max.position ?? 0) + 1 } }),
        );
      },
      update: async (id, patch) =>
        toQuestion(await db.formQuestion.update({ where: { id }, data: { ...patch, kind: patch.kind ? upper<'SHORT' | 'PARAGRAPH'>(patch.kind) : undefined } })),
      async remove(id) {
        await db.formQuestion.delete({ where: { id } });
      },
      async reorder(programId, ids) {
        for (const [i, id] of ids.entries()) await db.formQuestion.updateMany({ where: { id, programId }, data: { position: i + 1 } });
      },
    },
    reasons: {
      list: async (programId) =>
        (await db.rejectionReason.findMany({ where: { programId }, orderBy: { position: 'asc' } })).map((r) => ({
          code: r.code, label: r.label, position: r.position,
        })),
      async upsert(programId, code, label) {
        const last = await db.rejectionReason.aggregate({ where: { programId }, _max: { position: true } });
        await db.rejectionReason.upsert({
          where: { programId_code: { programId, code } },
          create: { programId, code, label, position: (last._max.position ?? 0) + 1 },
          update: { label },
        });
      },
      remove: async (programId, code) => (await db.rejectionReason.deleteMany({ where: { programId, code } })).count > 0,
    },
    applications: {
      async create(d) {
        try {
          const a = await db.application.create({
            data: { ...d, answers: d.answers as never, openKey: `${d.programId}:${d.applicantId}`, status: 'VOTING' },
          });
          return toApplication(a);
        } catch (err) {
          if (isUniqueViolation(err)) return null;
          throw err;
        }
      },
      byId: async (id) => nullable(await db.application.findUnique({ where: { id } }), toApplication),
      byRef: async (ref) => nullable(await db.application.findUnique({ where: { ref } }), toApplication),
      openFor: async (programId, applicantId) =>
        nullable(await db.application.findUnique({ where: { openKey: `${programId}:${applicantId}` } }), toApplication),
      latestFor: async (programId, applicantId) =>
        nullable(await db.application.findFirst({ where: { programId, applicantId }, orderBy: { id: 'desc' } }), toApplication),
      byCommitteeMessage: (committeeChannelId, committeeMessageId) =>
        db.application.findFirst({
          where: { committeeChannelId, committeeMessageId },
          select: { id: true, ref: true, programId: true, applicantId: true, referrerId: true, committeeChannelId: true, committeeMessageId: true },
        }),
      withStatus: async (programId, statuses) =>
        (await db.application.findMany({ where: { programId, status: { in: statuses.map((s) => upper(s)) } as never }, orderBy: { id: 'asc' } })).map(
          toApplication,
        ),
      votingWithMessages: async (platform) =>
        (
          await db.application.findMany({
            where: { status: 'VOTING', committeeMessageId: { not: null }, program: { platform } },
            orderBy: { id: 'asc' },
          })
        ).map(toApplication),
      votingEndedBy: async (now) =>
        (await db.application.findMany({ where: { status: 'VOTING', votingEndsAt: { lte: now } }, orderBy: { id: 'asc' } })).map(toApplication),
      needingReminder: async (before) =>
        (await db.application.findMany({ where: { status: 'VOTING', reminderSentAt: null, votingEndsAt: { lte: before } }, orderBy: { id: 'asc' } })).map(
          toApplication,
        ),
      async lock(id) {
        // A write as the transaction's first statement: PostgreSQL takes the row lock, SQLite the write
        // lock; RETURNING reads the row under that lock in the same statement.
        const [row] = await db.application.updateManyAndReturn({ where: { id }, data: { updatedAt: new Date() } });
        return row ? toApplication(row) : null;
      },
      async transition(id, from, patch) {
        const data = applicationColumns(patch);
        if (patch.status && !openStatuses.includes(patch.status)) data.openKey = null;
        const r = await db.application.updateMany({ where: { id, status: { in: from.map((s) => upper(s)) } as never }, data });
        return r.count === 1;
      },
      async setCommitteeMessage(id, committeeChannelId, committeeMessageId) {
        await db.application.update({ where: { id }, data: { committeeChannelId, committeeMessageId } });
      },
      markReminded: async (id, at) =>
        (await db.application.updateMany({ where: { id, reminderSentAt: null }, data: { reminderSentAt: at } })).count === 1,
    },
    votes: {
      async set(applicationId, voterId, choice, at) {
        await db.vote.upsert({
          where: { applicationId_voterId: { applicationId, voterId } },
          create: { applicationId, voterId, choice: upper<Choice>(choice), createdAt: at },
          update: { choice: upper<Choice>(choice) },
        });
      },
      async remove(applicationId, voterId) {
        const before = await db.vote.findUnique({ where: { applicationId_voterId: { applicationId, voterId } } });
        if (!before) return null;
        await db.vote.delete({ where: { id: before.id } });
        return lower<VoteChoice>(before.choice);
      },
      list: async (applicationId) =>
        (await db.vote.findMany({ where: { applicationId }, orderBy: { id: 'asc' } })).map((v) => ({
          voterId: v.voterId, choice: lower<VoteChoice>(v.choice), at: v.updatedAt,
        })),
    },
    ambassadors: {
      activeCount: (programId) => db.ambassador.count({ where: { programId, status: 'ACTIVE' } }),
      async create(d) {
        // A removed ambassador accepted again gets their row back rather than a second one.
        const a = await db.ambassador.upsert({
          where: { programId_memberId: { programId: d.programId, memberId: d.memberId } },
          create: { ...d, status: 'ACTIVE' },
          update: { status: 'ACTIVE', since: d.since, removedAt: null, applicationId: d.applicationId, grantedAt: null, grantError: null },
        });
        return toAmbassador(a);
      },
      byMember: async (programId, memberId) =>
        nullable(await db.ambassador.findUnique({ where: { programId_memberId: { programId, memberId } } }), toAmbassador),
      byId: async (id) => nullable(await db.ambassador.findUnique({ where: { id } }), toAmbassador),
      remove: async (id, at) =>
        (await db.ambassador.updateMany({ where: { id, status: 'ACTIVE' }, data: { status: 'REMOVED', removedAt: at } })).count === 1,
      async setGrant(id, result) {
        await db.ambassador.update({
          where: { id },
          data: 'grantedAt' in result ? { grantedAt: result.grantedAt, grantError: null } : { grantError: result.error },
        });
      },
      active: async (programId) =>
        (await db.ambassador.findMany({ where: { programId, status: 'ACTIVE' }, orderBy: { since: 'asc' } })).map(toAmbassador),
    },
    audit: {
      async record(e) {
        await db.auditEvent.create({ data: { ...e, data: (e.data ?? undefined) as never } });
      },
      latest: async (programIds, limit) =>
        (await db.auditEvent.findMany({ where: { programId: { in: programIds } }, orderBy: { id: 'desc' }, take: limit })).map(toAudit),
      firstActor: async (programId, action) =>
        (await db.auditEvent.findFirst({ where: { programId, action, actorId: { not: null } }, orderBy: { id: 'asc' }, select: { actorId: true } }))?.actorId ?? null,
    },
    outbox: {
      async enqueue(effect: Effect, at?: Date) {
        // Without a time, "as soon as possible": the epoch, so it is due whatever clock the core runs on.
        await db.outboxItem.create({ data: { kind: effect.kind, payload: effect as never, nextAttemptAt: at ?? new Date(0) } });
      },
      async enqueueMany(effects) {
        for (let i = 0; i < effects.length; i += 500) {
          await db.outboxItem.createMany({ data: effects.slice(i, i + 500).map((e) => ({ kind: e.kind, payload: e as never, nextAttemptAt: new Date(0) })) });
        }
      },
      due: async (now, limit) =>
        (
          await db.outboxItem.findMany({
            where: { doneAt: null, failedAt: null, nextAttemptAt: { lte: now } },
            orderBy: { id: 'asc' },
            take: limit,
          })
        ).map((o) => ({ id: o.id, effect: reviveBytes(o.payload as unknown as Effect), attempts: o.attempts, nextAttemptAt: o.nextAttemptAt })),
      claim: async (id, seen, until) =>
        (await db.outboxItem.updateMany({ where: { id, nextAttemptAt: seen, doneAt: null, failedAt: null }, data: { nextAttemptAt: until } })).count === 1,
      async done(id, at) {
        await db.outboxItem.update({ where: { id }, data: { doneAt: at, attempts: { increment: 1 } } });
      },
      async skip(ids, at) {
        if (ids.length) await db.outboxItem.updateMany({ where: { id: { in: ids }, doneAt: null }, data: { doneAt: at } });
      },
      async retryAt(id, at, error) {
        await db.outboxItem.update({ where: { id }, data: { nextAttemptAt: at, lastError: error, attempts: { increment: 1 } } });
      },
      async failed(id, at, error) {
        await db.outboxItem.update({ where: { id }, data: { failedAt: at, lastError: error, attempts: { increment: 1 } } });
      },
      nextAttemptAfter: async (after) =>
        (
          await db.outboxItem.findFirst({
            where: { doneAt: null, failedAt: null, nextAttemptAt: { gt: after } },
            orderBy: { nextAttemptAt: 'asc' },
            select: { nextAttemptAt: true },
          })
        )?.nextAttemptAt ?? null,
    },
    notices: {
      async add(memberId, text) {
        await db.notice.create({ data: { memberId, text } });
      },
      async take(memberId, at) {
        const rows = await db.notice.findMany({ where: { memberId, deliveredAt: null }, orderBy: { id: 'asc' } });
        if (rows.length) await db.notice.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { deliveredAt: at } });
        return rows.map((r) => r.text);
      },
    },
  };
}

/** Json keeps an image's bytes as base64 text: give them back as bytes. */
function reviveBytes(e: Effect): Effect {
  if ((e.kind !== 'post' && e.kind !== 'dm') || !e.message.image) return e;
  const png: unknown = e.message.image.png;
  if (typeof png !== 'string') return e;
  return { ...e, message: { ...e.message, image: { ...e.message.image, png: new Uint8Array(Buffer.from(png, 'base64')) } } };
}

function nullable<T, U>(v: T | null, f: (t: T) => U): U | null {
  return v === null ? null : f(v);
}
