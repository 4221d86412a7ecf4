// The domain's plain data. Repositories return these; use cases take and return them.
import type { Platform, VoteChoice } from './ports/chat-platform.js';

export type NoQuorumPolicy = 'extend_once' | 'reject' | 'staff';
export type ApplicationStatus = 'voting' | 'awaiting_staff' | 'accepted' | 'waitlisted' | 'rejected' | 'withdrawn';
export const openStatuses: readonly ApplicationStatus[] = ['voting', 'awaiting_staff'];

export interface Member {
  id: number;
  platform: Platform;
  workspaceId: string;
  platformUserId: string;
  displayName: string;
  joinedAt: Date | null;
  /** When they asked for their data to be erased (the row stays, nameless, so tallies stay true). */
  erasedAt?: Date | null;
}

/**
 * Who acts in a use case: the member, and whether they are staff (decided once, by the router).
 * Access is checked before a use case runs; use cases use the actor for the audit trail and for
 * the workspace it acts in (member.platform, member.workspaceId).
 */
export interface Actor {
  member: Member;
  isStaff: boolean;
}

export interface VotingRules {
  quorum: number;
  thresholdNumerator: number;
  thresholdDenominator: number;
  votingWindowHours: number;
  noQuorumPolicy: NoQuorumPolicy;
  blindReview: boolean;
}

export interface VoteEmoji {
  approve: string;
  reject: string;
  abstain: string;
}

export interface Program extends VotingRules {
  id: number;
  platform: Platform;
  workspaceId: string;
  name: string;
  why: string;
  objectiveText: string;
  objectiveMetric: string;
  objectiveTarget: number;
  capacity: number;
  committeeChannelId: string | null;
  committeeRef: string | null;
  ambassadorTarget: string | null;
  announceChannelId: string | null;
  timeZone: string;
  applicationsOpen: boolean;
  reapplyCooldownDays: number;
  emoji: VoteEmoji;
  announceAcceptances: boolean;
  /** Where staff alerts go (besides staff DMs when that fails); null = the committee channel. */
  staffChannelId: string | null;
  /** Days after a rejection or withdrawal when the application's answers are erased; null = kept. */
  retentionDays: number | null;
  /** Weeks without verified activity before an ambassador gets a nudge; null: no nudges. */
  nudgeAfterWeeks: number | null;
  /** The last staff alert that could not be delivered where it belonged. */
  lastProblem: { text: string; at: Date } | null;
}

export type ProgramSettings = Omit<Program, 'id' | 'platform' | 'workspaceId'>;

export interface Question {
  id: number;
  programId: number;
  position: number;
  prompt: string;
  kind: 'short' | 'paragraph';
  required: boolean;
  minLength: number;
  maxLength: number;
}

export interface Answer {
  questionId: number;
  prompt: string;
  answer: string;
}

export interface Application {
  id: number;
  ref: string;
  programId: number;
  applicantId: number;
  referrerId: number | null;
  status: ApplicationStatus;
  answers: Answer[];
  submittedAt: Date;
  votingEndsAt: Date;
  extended: boolean;
  committeeChannelId: string | null;
  committeeMessageId: string | null;
  reminderSentAt: Date | null;
  decidedAt: Date | null;
  decidedById: number | null;
  decisionReason: string | null;
  decisionNote: string | null;
  /** When the answers were erased (the person's request, or the retention policy). */
  answersErasedAt?: Date | null;
}

export interface Vote {
  voterId: number;
  choice: VoteChoice;
  at: Date;
}

export interface Ambassador {
  id: number;
  programId: number;
  memberId: number;
  applicationId: number | null;
  status: 'active' | 'removed';
  since: Date;
  removedAt: Date | null;
  grantedAt: Date | null;
  grantError: string | null;
}

export interface RejectionReason {
  code: string;
  label: string;
  position: number;
}

export interface AuditEntry {
  id: number;
  programId: number | null;
  actorId: number | null;
  action: string;
  subjectType: string;
  subjectId: string;
  reason: string | null;
  data: unknown;
  createdAt: Date;
}
