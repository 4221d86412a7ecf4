// The exactly-once claim for every timed post (campaign runs, weekly leaderboards): one JobRun row
// per (job, period), claimed in the database BEFORE anything is built or sent.
//   claim → build → mark (+ queue the post) in one transaction.
// Of two processes only one wins the claim; a crash before the mark leaves a claim that goes
// stale and is taken over (and posted late); a crash after it loses nothing, because the queued
// post survives in the outbox. Implemented in src/db/job-claims.ts.
import type { CoreDeps } from './deps.js';
import type { Repositories } from './repositories.js';

export type ClaimOutcome = 'claimed' | 'retry' | 'busy' | 'already-sent' | 'already-skipped' | 'already-failed';

export interface RunRef {
  jobKey: string;
  period: string;
  /** Unique per running process (and per start), so a restarted process never matches its old claims. */
  claimedBy: string;
}

export interface ClaimsRepository {
  /** Inserts the claim, or takes over a stale one; call outside a transaction (it may hit the unique key). */
  claim(req: RunRef & { late: boolean; now: Date }): Promise<ClaimOutcome>;
  /** Settles our claim; false when it was taken over meanwhile. Safe inside a transaction. */
  markSent(ref: RunRef, now: Date): Promise<boolean>;
  markSkipped(ref: RunRef & { reason: string }, now: Date): Promise<boolean>;
  /** The latest period sent, skipped or failed (unfinished claims are left to takeover). */
  latestSettledPeriod(jobKey: string): Promise<string | null>;
}

class ClaimLost extends Error {}

/**
 * One tick of a timed post over several programs: each program's run is tried on its own (one broken
 * program must not hold up the others; the next tick tries it again). Returns how many were posted,
 * and kicks the dispatcher when any was.
 */
export async function tickEachProgram(
  deps: CoreDeps, programIds: readonly number[], what: string, tick: (programId: number) => Promise<'posted' | 'skipped' | 'idle'>,
): Promise<number> {
  let posted = 0;
  for (const programId of programIds) {
    try {
      if ((await tick(programId)) === 'posted') posted++;
    } catch (err) {
      deps.log.error({ err, program: programId }, `${what} tick failed`);
    }
  }
  if (posted) deps.kick();
  return posted;
}

/**
 * Claims the run, builds its post (null: nothing to post, the run is settled as skipped with
 * `skipReason`), then marks it and lets `commit` queue the post and its audit in the same
 * transaction. 'idle' when someone else has (or had) the run.
 */
export async function claimThenPost<T>(
  deps: CoreDeps,
  run: { ref: RunRef; late: boolean; now: Date; skipReason: string },
  build: () => Promise<T | null>,
  commit: (r: Repositories, built: T | null) => Promise<void>,
): Promise<'posted' | 'skipped' | 'idle'> {
  const { ref, now } = run;
  const outcome = await deps.store.claims.claim({ ...ref, late: run.late, now });
  if (outcome !== 'claimed' && outcome !== 'retry') return 'idle';
  const built = await build();
  try {
    await deps.store.transaction(async (r) => {
      const mine = built !== null ? await r.claims.markSent(ref, now) : await r.claims.markSkipped({ ...ref, reason: run.skipReason }, now);
      if (!mine) throw new ClaimLost();
      await commit(r, built);
    });
  } catch (err) {
    if (err instanceof ClaimLost) return 'idle'; // taken over as stale: the new owner posts
    throw err;
  }
  return built !== null ? 'posted' : 'skipped';
}
