// Storage the activity and leaderboard feature needs. Implemented in src/db/activity-store.ts.
// Leaderboard reads are set-based queries in the database (src/db/leaderboard-queries.ts).
import type { Activity, ActivityKind, ActivityStatus, KindFields, NewActivity } from './model.js';

export interface Period {
  from?: Date;
  to?: Date;
}

export interface BoardQuery extends Period {
  programId: number;
  campaignId?: number;
}

export interface BoardRow {
  /** Standard competition ranking: 1, 1, 3. */
  rank: number;
  memberId: number;
  displayName: string;
  points: number;
  activities: number;
}

export interface Standing {
  memberId: number;
  points: number;
  activities: number;
  /** Null when the member has no verified activity in the period (not ranked). */
  rank: number | null;
  /** How many are ranked: the public board's contributors, plus the member if opted out. */
  rankedCount: number;
  optedOut: boolean;
}

export interface BoardSettings {
  cron: string;
  size: number;
}

export interface CampaignRef {
  id: number;
  programId: number;
  title: string;
  objectiveMetric: string | null;
  objectiveTarget: number | null;
}

export interface DateRange {
  from: Date;
  to: Date;
}

/** One page of an export, in id order; `after` is the last id of the previous page. */
export type ExportPage<T> = (programId: number, range: DateRange, after: number, take: number) => Promise<Array<T & { id: number }>>;

export interface AmbassadorExportRow {
  name: string; platformUserId: string; status: string; since: Date; removedAt: Date | null;
  optedOut: boolean; points: number; activities: number;
}
export interface ApplicationExportRow {
  ref: string; applicant: string; referrer: string | null; status: string; submittedAt: Date;
  decidedAt: Date | null; decidedBy: string | null; decisionReason: string | null; decisionNote: string | null;
}
export interface ActivityExportRow {
  member: string; kind: string; campaignId: number | null; amount: number; points: number; link: string | null;
  note: string | null; status: string; occurredAt: Date; loggedAt: Date; reviewedBy: string | null;
  reviewedAt: Date | null; reviewReason: string | null;
}

export interface ActivityRepository {
  kinds(programId: number): Promise<ActivityKind[]>;
  /** Inserts the kinds whose key is not taken yet (no error on a race); `onlyIfNone` adds them only to a program with no kinds. */
  insertKinds(programId: number, kinds: readonly KindFields[], onlyIfNone: boolean): Promise<void>;
  updateKind(id: number, patch: Partial<KindFields>): Promise<ActivityKind>;

  log(a: NewActivity): Promise<Activity>;
  byId(id: number): Promise<Activity | null>;
  /** Other activity in the program with the same evidence link. */
  sameLink(programId: number, link: string, exceptId?: number): Promise<Activity[]>;
  pending(programId: number, limit: number): Promise<{ items: Activity[]; total: number }>;
  recent(programId: number, memberId: number, limit: number): Promise<Activity[]>;
  /** Conditional: only while the activity is still pending; false when someone reviewed it first. */
  review(id: number, patch: { status: Exclude<ActivityStatus, 'pending'>; reviewedById: number | null; reviewedAt: Date; reviewReason: string | null }): Promise<boolean>;
  /** Whether a referral credit for this application already exists (the note carries its ref). */
  referralCredited(programId: number, applicationRef: string): Promise<boolean>;

  setOptOut(programId: number, memberId: number, optOut: boolean): Promise<boolean>;
  /** The ambassador asked not to be named in public posts (leaderboards, welcomes). */
  isOptedOut(programId: number, memberId: number): Promise<boolean>;
  boardSettings(programId: number): Promise<BoardSettings | null>;
  setBoardSettings(programId: number, patch: Partial<BoardSettings>): Promise<void>;
  /** Programs that post a weekly board (they have an announcement channel). */
  programsWithBoards(): Promise<number[]>;
  campaign(programId: number, id: number): Promise<CampaignRef | null>;
  campaignById(id: number): Promise<CampaignRef | null>;

  leaderboard(q: BoardQuery & { limit: number }): Promise<BoardRow[]>;
  standing(q: BoardQuery & { memberId: number }): Promise<Standing | null>;
  /** Public ranks in the period of the given members (absent = not ranked). */
  ranksOf(q: BoardQuery & { memberIds: number[] }): Promise<Map<number, number>>;
  contributors(q: BoardQuery & DateRange): Promise<number>;
  objectiveAmount(q: BoardQuery & { kindKeys: string[] }): Promise<number>;
  newAmbassadors(programId: number, range: DateRange): Promise<string[]>;


  exportAmbassadors: ExportPage<AmbassadorExportRow>;
  exportApplications: ExportPage<ApplicationExportRow>;
  exportActivity: ExportPage<ActivityExportRow>;
}
