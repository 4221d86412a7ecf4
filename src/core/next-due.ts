// When the core next has timed work: the earliest of every job's next time (vote windows closing,
// reminders, campaign runs, weekly boards, monthly digests, pulse rounds) and of the outbox's retries. A clock that jumps (the
// console's `:clock +8d`) goes there, runs the jobs and repeats, instead of ticking every minute.
import { nextBoardRun } from './activity/weekly.js';
import { earliestAfter, nextVoteDue } from './applications/deadlines.js';
import { nextCampaignRun } from './campaigns/tick.js';
import { nextDigestRun } from './engagement/digest.js';
import { nextNudgeRun } from './engagement/nudges.js';
import type { CoreDeps } from './deps.js';
import { nextRetentionDue } from './people/retention.js';

export async function nextDue(deps: CoreDeps, after: Date): Promise<Date | null> {
  const times = await Promise.all([
    nextVoteDue(deps, after), nextCampaignRun(deps, after), nextBoardRun(deps, after), nextDigestRun(deps, after), nextNudgeRun(deps, after), nextRetentionDue(deps, after),
    deps.store.pulses.nextTime(after),
    deps.store.outbox.nextAttemptAfter(after),
  ]);
  return earliestAfter(times.filter((t): t is Date => t !== null), after);
}
