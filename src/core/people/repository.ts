// What the program holds about one person, and how it is erased: read and written by src/db
// (people-store.ts). Rows keep their database column names, so the export test can compare them
// with the schema itself (test/db/people-export.test.ts).

/** One row as stored: column name -> value (dates as Date, enums lower-case). */
export type Row = Record<string, unknown>;

/** Everything that references one member, by kind. Other people's names and votes are never included. */
export interface PersonalRecords {
  member: Row;
  staff: Row[];
  committee: Row[];
  applications: Row[];
  /** Applications they referred: only the reference, program, status and dates (the applicant's data is theirs). */
  referrals: Row[];
  /** Their own votes as a committee member. */
  votes: Row[];
  /** Ambassador terms, with their leaderboard setting. */
  ambassadorTerms: Row[];
  activity: Row[];
  notices: Row[];
  /** Notes they sent staff with their name (anonymous ones keep no author, so they are no one's). */
  feedback: Row[];
  /** Pulse rounds they were asked, while open (the list is deleted at close). */
  pulseInvites: Row[];
  /** Their answers to named pulses (anonymous answers keep no link to anyone, so they are no one's). */
  pulseAnswers: Row[];
}

export interface RetentionCandidate {
  applicationId: number;
  ref: string;
  programId: number;
  /** When the policy says the answers go. */
  dueAt: Date;
}

export interface PeopleRepository {
  recordsOf(memberId: number): Promise<PersonalRecords>;
  /**
   * Anonymises the member in place: name, join date, answers, staff notes, evidence links and notes,
   * notices, named feedback (its text, and the link to them), named pulse answers' words (and the link), open pulse invitations, committee and staff places. Counts,
   * points, votes and decisions stay as they are.
   */
  eraseMember(memberId: number, at: Date): Promise<void>;
  /** Replaces each needle in free text the program keeps (queued and sent messages, audit details, console history, alerts). */
  scrubText(needles: readonly string[], replacement: string): Promise<number>;
  /** Erases an application's answers and staff note; false when they were already erased. */
  eraseAnswers(applicationId: number, at: Date): Promise<boolean>;
  /** Rejected and withdrawn applications whose answers are still kept, in programs with a retention period. */
  retentionCandidates(): Promise<RetentionCandidate[]>;
}
