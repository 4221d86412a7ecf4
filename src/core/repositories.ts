// What the core needs from storage. src/db implements it with Prisma on SQLite and PostgreSQL.
// A use case that changes state runs inside `store.transaction`, so the change, its audit entry
// and its queued side effects commit together or not at all.
import type { EngagementRepository } from './engagement/repository.js';
import type { FeedbackRepository } from './feedback/repository.js';
import type { PulseRepository } from './pulse/repository.js';
import type { UserRef } from './ports/chat-platform.js';
import type {
  Ambassador, Answer, Application, ApplicationStatus, AuditEntry, Member, Program, ProgramSettings,
  Question, RejectionReason, Vote,
} from './model.js';
import type { VoteChoice } from './ports/chat-platform.js';
import type { Effect } from './effects/effect.js';
import type { CampaignRepository } from './campaigns/repository.js';
import type { ActivityRepository } from './activity/repository.js';
import type { ClaimsRepository } from './claims.js';
import type { PeopleRepository } from './people/repository.js';
import type { InboundClaimsRepository } from './inbound.js';
import type { FormDraftRepository } from './ports/chat-platform.js';

export interface Store extends Repositories {
  transaction<T>(fn: (r: Repositories) => Promise<T>): Promise<T>;
}

/** An application as far as its committee message identifies it (all of it fixed once posted). */
export type CommitteeMessageOwner = Pick<Application, 'id' | 'ref' | 'programId' | 'applicantId' | 'referrerId' | 'committeeChannelId' | 'committeeMessageId'>;

export interface Repositories {
  members: {
    upsert(user: UserRef): Promise<Member>;
    byId(id: number): Promise<Member | null>;
    byPlatformId(platform: string, workspaceId: string, userId: string): Promise<Member | null>;
    /** Finds a member, creating a placeholder for a user known only by id (e.g. a mentioned referrer). */
    ensure(platform: string, workspaceId: string, userId: string, displayName?: string): Promise<Member>;
    /** Drops what this process remembers about the member (after an erasure), where it remembers anything. */
    forget?(m: Member): void;
  };
  staff: {
    isStaff(memberId: number): Promise<boolean>;
    add(memberId: number): Promise<void>;
    remove(memberId: number): Promise<boolean>;
    /** Staff listed with /staff add in a workspace. */
    inWorkspace(platform: string, workspaceId: string): Promise<Member[]>;
  };
  programs: {
    create(platform: string, workspaceId: string, settings: ProgramSettings): Promise<Program>;
    update(id: number, patch: Partial<ProgramSettings>): Promise<Program>;
    byId(id: number): Promise<Program | null>;
    inWorkspace(platform: string, workspaceId: string): Promise<Program[]>;
  };
  committee: {
    memberIds(programId: number): Promise<number[]>;
    add(programId: number, memberId: number): Promise<void>;
    remove(programId: number, memberId: number): Promise<boolean>;
    list(programId: number): Promise<Member[]>;
  };
  questions: {
    list(programId: number): Promise<Question[]>;
    add(programId: number, q: Omit<Question, 'id' | 'programId' | 'position'>): Promise<Question>;
    update(id: number, patch: Partial<Omit<Question, 'id' | 'programId'>>): Promise<Question>;
    remove(id: number): Promise<void>;
    /** Positions 1..n in the given order. */
    reorder(programId: number, idsInOrder: number[]): Promise<void>;
  };
  reasons: {
    list(programId: number): Promise<RejectionReason[]>;
    upsert(programId: number, code: string, label: string): Promise<void>;
    remove(programId: number, code: string): Promise<boolean>;
  };
  applications: {
    /** Returns null when the person already has an open application in the program (unique open key). */
    create(data: {
      ref: string; programId: number; applicantId: number; referrerId: number | null; answers: Answer[];
      submittedAt: Date; votingEndsAt: Date;
    }): Promise<Application | null>;
    byId(id: number): Promise<Application | null>;
    byRef(ref: string): Promise<Application | null>;
    openFor(programId: number, applicantId: number): Promise<Application | null>;
    latestFor(programId: number, applicantId: number): Promise<Application | null>;
    /** Whose committee message this is: what never changes about an application once it is posted. */
    byCommitteeMessage(channelId: string, messageId: string): Promise<CommitteeMessageOwner | null>;
    withStatus(programId: number, statuses: readonly ApplicationStatus[]): Promise<Application[]>;
    /** Voting applications of one platform's programs that have a committee message. */
    votingWithMessages(platform: string): Promise<Application[]>;
    /** All programs: voting applications whose window ends at or before `now`. */
    votingEndedBy(now: Date): Promise<Application[]>;
    /** Voting applications whose window ends before `before`, not yet reminded. */
    needingReminder(before: Date): Promise<Application[]>;
    /**
     * Takes the row lock first, so concurrent votes on one application are serialised, and returns
     * the application as it is under that lock (null when there is none).
     */
    lock(id: number): Promise<Application | null>;
    /** Conditional update: applies only while the status is one of `from`; false when someone else moved it first. */
    transition(id: number, from: readonly ApplicationStatus[], patch: Partial<Application>): Promise<boolean>;
    setCommitteeMessage(id: number, channelId: string, messageId: string): Promise<void>;
    markReminded(id: number, at: Date): Promise<boolean>;
  };
  votes: {
    /** Records (or replaces) a member's vote; the caller knows the earlier choice from `list`. */
    set(applicationId: number, voterId: number, choice: VoteChoice, at: Date): Promise<void>;
    remove(applicationId: number, voterId: number): Promise<VoteChoice | null>;
    list(applicationId: number): Promise<Vote[]>;
  };
  ambassadors: {
    activeCount(programId: number): Promise<number>;
    create(data: { programId: number; memberId: number; applicationId: number | null; since: Date }): Promise<Ambassador>;
    byMember(programId: number, memberId: number): Promise<Ambassador | null>;
    byId(id: number): Promise<Ambassador | null>;
    remove(id: number, at: Date): Promise<boolean>;
    setGrant(id: number, result: { grantedAt: Date } | { error: string }): Promise<void>;
    active(programId: number): Promise<Ambassador[]>;
  };
  audit: {
    record(e: Omit<AuditEntry, 'id' | 'createdAt'> & { createdAt?: Date }): Promise<void>;
    latest(programIds: number[], limit: number): Promise<AuditEntry[]>;
    /** Who first did `action` in a program (e.g. who created it), if anyone recorded. */
    firstActor(programId: number, action: string): Promise<number | null>;
  };
  outbox: {
    enqueue(effect: Effect, at?: Date): Promise<void>;
    /** Many at once, in few statements (a pulse DMed to a whole program). */
    enqueueMany(effects: readonly Effect[]): Promise<void>;
    due(now: Date, limit: number): Promise<Array<{ id: number; effect: Effect; attempts: number; nextAttemptAt: Date }>>;
    /** Leases an item to this process until `until`; false when another process took it first. */
    claim(id: number, seenNextAttemptAt: Date, until: Date): Promise<boolean>;
    done(id: number, at: Date): Promise<void>;
    /** Marks items done without carrying them out (superseded by a later item); one statement for all. */
    skip(ids: number[], at: Date): Promise<void>;
    retryAt(id: number, at: Date, error: string): Promise<void>;
    failed(id: number, at: Date, error: string): Promise<void>;
    /** The earliest time after `after` when a pending item (a retry, or one leased by a process) may be tried; null when none. */
    nextAttemptAfter(after: Date): Promise<Date | null>;
  };
  notices: {
    add(memberId: number, text: string): Promise<void>;
    take(memberId: number, at: Date): Promise<string[]>;
  };
  campaigns: CampaignRepository;
  /** The exactly-once claims of timed posts (src/core/claims.ts). */
  claims: ClaimsRepository;
  activity: ActivityRepository;
  /** The engagement report's counts (src/core/engagement/). */
  engagement: EngagementRepository;
  /** Notes to staff (src/core/feedback/). */
  feedback: FeedbackRepository;
  /** Pulse surveys: pulses, rounds, who was asked, answers (src/core/pulse/). */
  pulses: PulseRepository;
  /** What is held about a person, erasure and retention (src/core/people). */
  people: PeopleRepository;
  /** Each inbound event claimed once across processes (src/core/inbound.ts). */
  inbound: InboundClaimsRepository;
  /** Unfinished multi-step forms, kept for any process to continue. */
  drafts: FormDraftRepository;
}
