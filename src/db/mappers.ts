// Prisma rows -> the core's plain data. Enums are UPPER_CASE in the database, lower-case in the core.
import type * as P from './generated/sqlite/client.js';
import type { Ambassador, Answer, Application, AuditEntry, Member, Program, Question } from '../core/model.js';
import type { Platform } from '../core/ports/chat-platform.js';

export const lower = <T extends string>(v: string) => v.toLowerCase() as T;
export const upper = <T extends string>(v: string) => v.toUpperCase() as T;

export function toMember(m: P.Member): Member {
  return {
    id: m.id, platform: m.platform as Platform, workspaceId: m.workspaceId, platformUserId: m.platformUserId,
    displayName: m.displayName, joinedAt: m.joinedAt, erasedAt: m.erasedAt,
  };
}

export function toProgram(p: P.Program): Program {
  return {
    id: p.id, platform: p.platform as Platform, workspaceId: p.workspaceId, name: p.name, why: p.why,
    objectiveText: p.objectiveText, objectiveMetric: p.objectiveMetric, objectiveTarget: p.objectiveTarget,
    capacity: p.capacity, committeeChannelId: p.committeeChannelId, committeeRef: p.committeeRef,
    ambassadorTarget: p.ambassadorTarget, announceChannelId: p.announceChannelId, timeZone: p.timeZone,
    applicationsOpen: p.applicationsOpen, reapplyCooldownDays: p.reapplyCooldownDays, quorum: p.quorum,
    thresholdNumerator: p.thresholdNumerator, thresholdDenominator: p.thresholdDenominator,
    votingWindowHours: p.votingWindowHours, noQuorumPolicy: lower(p.noQuorumPolicy), blindReview: p.blindReview,
    emoji: { approve: p.emojiApprove, reject: p.emojiReject, abstain: p.emojiAbstain },
    announceAcceptances: p.announceAcceptances, staffChannelId: p.staffChannelId, retentionDays: p.retentionDays, nudgeAfterWeeks: p.nudgeAfterWeeks,
    lastProblem: p.lastProblem && p.lastProblemAt ? { text: p.lastProblem, at: p.lastProblemAt } : null,
  };
}

/** Core settings -> Prisma columns (only the keys present). */
export function programColumns(s: Partial<Omit<Program, 'id' | 'platform' | 'workspaceId'>>): Record<string, unknown> {
  const { emoji, noQuorumPolicy, lastProblem, ...rest } = s;
  const out: Record<string, unknown> = { ...rest };
  if (lastProblem !== undefined) Object.assign(out, { lastProblem: lastProblem?.text ?? null, lastProblemAt: lastProblem?.at ?? null });
  if (noQuorumPolicy) out.noQuorumPolicy = upper(noQuorumPolicy);
  if (emoji) Object.assign(out, { emojiApprove: emoji.approve, emojiReject: emoji.reject, emojiAbstain: emoji.abstain });
  return out;
}

export function toQuestion(q: P.FormQuestion): Question {
  return {
    id: q.id, programId: q.programId, position: q.position, prompt: q.prompt, kind: lower(q.kind),
    required: q.required, minLength: q.minLength, maxLength: q.maxLength,
  };
}

export function toApplication(a: P.Application): Application {
  return {
    id: a.id, ref: a.ref, programId: a.programId, applicantId: a.applicantId, referrerId: a.referrerId,
    status: lower(a.status), answers: a.answers as unknown as Answer[], submittedAt: a.submittedAt,
    votingEndsAt: a.votingEndsAt, extended: a.extended, committeeChannelId: a.committeeChannelId,
    committeeMessageId: a.committeeMessageId, reminderSentAt: a.reminderSentAt, decidedAt: a.decidedAt,
    decidedById: a.decidedById, decisionReason: a.decisionReason, decisionNote: a.decisionNote,
    answersErasedAt: a.answersErasedAt,
  };
}

export function applicationColumns(a: Partial<Application>): Record<string, unknown> {
  const { status, answers, id: _id, ...rest } = a;
  const out: Record<string, unknown> = { ...rest };
  if (status) out.status = upper(status);
  if (answers) out.answers = answers;
  return out;
}

export function toAmbassador(a: P.Ambassador): Ambassador {
  return {
    id: a.id, programId: a.programId, memberId: a.memberId, applicationId: a.applicationId, status: lower(a.status),
    since: a.since, removedAt: a.removedAt, grantedAt: a.grantedAt, grantError: a.grantError,
  };
}

export function toAudit(e: P.AuditEvent): AuditEntry {
  return {
    id: e.id, programId: e.programId, actorId: e.actorId, action: e.action, subjectType: e.subjectType,
    subjectId: e.subjectId, reason: e.reason, data: e.data, createdAt: e.createdAt,
  };
}
