// What to do, at `now`, with the runs of one schedule that have come due since its last claimed
// period: used on every scheduler tick and after a restart alike, so "on time" and "caught up
// after downtime" follow one rule.
//
// Policy: at most ONE post goes out per decision, the latest due run. It is on time when it is at
// most `onTimeToleranceMs` old (scheduler latency), late when it is within the grace, and skipped
// beyond it. Every earlier due run is skipped and listed so staff can be told; nothing floods.
import { periodKey, previousRun, runsAfter } from './next-runs.js';

export const DEFAULT_GRACE_MINUTES = 360;
export const DEFAULT_ON_TIME_TOLERANCE_MS = 60_000;
/** How many skipped runs are listed by date; the rest are only counted. */
export const DEFAULT_MAX_LISTED = 20;
/** Counting stops here, so a long outage of a frequent schedule stays cheap ("1,000 or more"). */
export const SKIPPED_COUNT_CAP = 1_000;

export type ScheduleTiming = { cron: string; zone: string } | { runAt: Date };

export interface MissedRunsInput {
  schedule: ScheduleTiming;
  /** The scheduled time of the last period already claimed (sent, skipped or failed); null if none. */
  lastClaimed: Date | null;
  /** When the schedule became active (created or resumed): runs before it were never owed. */
  activeSince: Date;
  now: Date;
  /** Runs after this (the campaign's end) were never owed; lateness is still measured from `now`. */
  until?: Date | null;
  graceMinutes: number;
  onTimeToleranceMs?: number;
  maxListed?: number;
}

export interface DueRun {
  at: Date;
  period: string;
  /** Sent after its time because the bot was down or busy; shown as late. */
  late: boolean;
}

export interface MissedRunsDecision {
  /** The one run to claim and send now, if any. */
  send: DueRun | null;
  /** Runs that will never be sent, oldest first: the most recent `maxListed` of them. */
  skipped: Date[];
  /** How many runs were skipped in all; only a lower bound when skippedCountCapped. */
  skippedCount: number;
  skippedCountCapped: boolean;
  /** The period to record as settled when nothing is sent but runs were skipped (so they are reported once). */
  latestSkippedPeriod: string | null;
}

const NOTHING: MissedRunsDecision = {
  send: null,
  skipped: [],
  skippedCount: 0,
  skippedCountCapped: false,
  latestSkippedPeriod: null,
};

export function decideMissedRuns(input: MissedRunsInput): MissedRunsDecision {
  const { schedule, lastClaimed, activeSince, now } = input;
  const tolerance = input.onTimeToleranceMs ?? DEFAULT_ON_TIME_TOLERANCE_MS;
  const graceMs = Math.max(0, input.graceMinutes) * 60_000;
  const maxListed = Math.max(0, input.maxListed ?? DEFAULT_MAX_LISTED);
  const floor = new Date(Math.max(activeSince.getTime(), lastClaimed?.getTime() ?? -Infinity));

  const horizon = input.until && input.until.getTime() < now.getTime() ? input.until : now;
  const latest = 'runAt' in schedule ? schedule.runAt : previousRun(schedule.cron, schedule.zone, horizon);
  if (!latest || latest.getTime() <= floor.getTime() || latest.getTime() > horizon.getTime()) return NOTHING;

  const age = now.getTime() - latest.getTime();
  const sendLatest = age <= Math.max(tolerance, graceMs);
  const send: DueRun | null = sendLatest ? { at: latest, period: periodKey(latest), late: age > tolerance } : null;

  // Earlier due runs: counted forward (capped), the most recent few listed walking back.
  let count = 0;
  let capped = false;
  const skipped: Date[] = [];
  if ('cron' in schedule) {
    for (const at of runsAfter(schedule.cron, schedule.zone, floor)) {
      if (at.getTime() >= latest.getTime()) break;
      if (count >= SKIPPED_COUNT_CAP) {
        capped = true;
        break;
      }
      count++;
    }
    let cursor = latest;
    while (skipped.length < Math.min(count, maxListed)) {
      const prev = previousRun(schedule.cron, schedule.zone, new Date(cursor.getTime() - 1));
      if (!prev || prev.getTime() <= floor.getTime()) break;
      skipped.unshift(prev);
      cursor = prev;
    }
  }
  if (!sendLatest) {
    count++;
    skipped.push(latest);
    if (skipped.length > maxListed) skipped.shift();
  }
  return {
    send,
    skipped,
    skippedCount: count,
    skippedCountCapped: capped,
    latestSkippedPeriod: sendLatest ? null : periodKey(latest),
  };
}
