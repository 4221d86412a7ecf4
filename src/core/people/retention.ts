// Retention by policy: answers of rejected and withdrawn applications are erased a program's
// `retentionDays` after the decision, and the committee post re-rendered without them. Each
// application's erasure is claimed once in the database (the JobRun claim every timed job uses),
// so with several processes it happens, is audited and re-posted exactly once.
import { audit } from '../audit.js';
import { claimThenPost } from '../claims.js';
import type { CoreDeps } from '../deps.js';
import { earliestAfter } from '../applications/deadlines.js';

export const retentionJobKey = (applicationId: number) => `retention:${applicationId}`;

/** Erases every application's answers whose time has come; returns how many this process erased. */
export async function eraseExpiredAnswers(deps: CoreDeps, o: { claimedBy: string }): Promise<number> {
  const now = deps.now();
  let erased = 0;
  for (const due of await deps.store.people.retentionCandidates()) {
    if (due.dueAt.getTime() > now.getTime()) continue;
    const ref = { jobKey: retentionJobKey(due.applicationId), period: 'answers', claimedBy: o.claimedBy };
    const outcome = await claimThenPost(deps, { ref, late: false, now, skipReason: 'already erased' }, async () => true, async (r) => {
      if (!(await r.people.eraseAnswers(due.applicationId, now))) return;
      await audit(r, { programId: due.programId, actorId: null, action: 'application.answers_erased', subject: { type: 'application', id: due.ref }, reason: 'retention policy' }, now);
      await r.outbox.enqueue({ kind: 'committee.refresh', applicationId: due.applicationId });
    });
    if (outcome === 'posted') erased++;
  }
  if (erased) deps.kick();
  return erased;
}

/** When the next answers are due to be erased (for a clock that jumps). */
export async function nextRetentionDue(deps: CoreDeps, after: Date): Promise<Date | null> {
  return earliestAfter((await deps.store.people.retentionCandidates()).map((c) => c.dueAt), after);
}
