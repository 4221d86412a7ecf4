// Storage the engagement report needs: set-based counts in the database (src/db/engagement-queries.ts).
// Every range is half-open [from, to); only VERIFIED activity counts, as on the leaderboards.
import type { DateRange } from '../activity/repository.js';

/** Who was an ambassador at the end of a period, and how many of them were active in it. */
export interface Turnout {
  /** Ambassadors at the period's end (accepted before it, not removed by then). */
  headcount: number;
  /** Of those, how many have at least one verified activity in the period (of the campaign, if one is named). */
  engaged: number;
}

export interface Movement {
  /** Became ambassadors during the period. */
  joined: number;
  /** Ambassadors at the period's end, for longer than the lapse window, with no verified activity in its last `lapsedWeeks` weeks. */
  lapsed: number;
  /** Engaged in the period after a lapse: ambassadors since before it, with no verified activity in the `lapsedWeeks` weeks before it. */
  returning: number;
}

export interface BreakdownRow {
  label: string;
  activities: number;
  points: number;
  /** Distinct people. */
  people: number;
}

export interface EngagementQuery {
  programId: number;
  /** Counts only this campaign's activity as engagement. */
  campaignId?: number;
}

/** An ambassador who went quiet: nothing verified in the nudge window. */
export interface QuietAmbassador {
  memberId: number;
  since: Date;
  /** Their latest verified activity, if any: it names the quiet spell, so each spell gets one nudge. */
  lastActiveAt: Date | null;
}

export interface EngagementRepository {
  /** Programs with inactivity nudges on. */
  programsWithNudges(): Promise<number[]>;
  /** Active ambassadors at `at` (for longer than `weeks`), not opted out of nudges, with nothing verified in the last `weeks` weeks. */
  quiet(q: { programId: number; at: Date; weeks: number; limit: number }): Promise<QuietAmbassador[]>;
  /** false when they are not an active ambassador of the program. */
  setNudgesOff(programId: number, memberId: number, off: boolean): Promise<boolean>;
  /** Programs with a staff or committee channel: where a monthly digest can go. */
  programsWithStaffChannel(): Promise<number[]>;
  turnout(q: EngagementQuery & DateRange): Promise<Turnout>;
  movement(q: EngagementQuery & DateRange & { lapsedWeeks: number }): Promise<Movement>;
  /**
   * Names of ambassadors who lapsed by the range's end (see Movement.lapsed), longest-serving first; at
   * most `limit`. (Ordering by last activity costs a look-up per lapsed person: ~300 ms for 2,000.)
   */
  lapsedNames(q: EngagementQuery & DateRange & { lapsedWeeks: number; limit: number }): Promise<string[]>;
  byKind(q: EngagementQuery & DateRange): Promise<BreakdownRow[]>;
  byCampaign(q: EngagementQuery & DateRange): Promise<BreakdownRow[]>;
}
