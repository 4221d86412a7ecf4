// The exactly-once claim for scheduled jobs: one JobRun row per (jobKey, period), inserted BEFORE
// the side effect. The database decides every race, so two bot processes on one PostgreSQL (or
// two clients on one SQLite file) can never both send:
// - a first claim is an INSERT; the loser hits the unique constraint (P2002);
// - a claim left CLAIMED past the stale timeout (a crash between claim and send) is taken over by
//   one conditional UPDATE whose WHERE still demands the stale claimedAt, so only one taker matches;
// - every later status change is guarded on status CLAIMED and on the claimant's id, so a process
//   whose claim was taken over cannot overwrite the new owner's outcome.
// Times come from the caller's clock (`now`), which keeps tests free of real waiting; clock skew
// between processes only has to stay well under the stale timeout.
import type { Db } from './client.js';

/** A client or a transaction: markSent may run inside the transaction that queues the side effect. */
type ClaimDb = Pick<Db, 'jobRun'>;

export type ClaimOutcome =
  /** First claim for this period: do the work, then markSent / markFailed / markSkipped. */
  | 'claimed'
  /** A stale claim (its owner crashed) was taken over: do the work again. */
  | 'retry'
  /** Someone else holds a fresh claim: do nothing now. */
  | 'busy'
  | 'already-sent'
  | 'already-skipped'
  | 'already-failed';

/** How long a CLAIMED row may stay unfinished before another process may take it over. */
export const DEFAULT_STALE_AFTER_MS = 5 * 60_000;
const MAX_ERROR_LENGTH = 2000;

export interface ClaimRef {
  jobKey: string;
  period: string;
  /** Unique per running process (e.g. host:pid:startTime), so a restarted process never matches its old claims. */
  claimedBy: string;
}

export interface ClaimRequest extends ClaimRef {
  late?: boolean;
  now?: Date;
  staleAfterMs?: number;
}

/** Whether the caller now owns the period and must carry out the job. */
export function shouldRun(outcome: ClaimOutcome): boolean {
  return outcome === 'claimed' || outcome === 'retry';
}

function isUniqueViolation(error: unknown): boolean {
  // Duck-typed: each provider has its own generated client, hence its own error classes.
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

export async function claimRun(prisma: ClaimDb, req: ClaimRequest): Promise<ClaimOutcome> {
  const { jobKey, period, claimedBy } = req;
  const now = req.now ?? new Date();
  try {
    await prisma.jobRun.create({ data: { jobKey, period, claimedBy, claimedAt: now, late: req.late ?? false } });
    return 'claimed';
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }

  const row = await prisma.jobRun.findUnique({ where: { jobKey_period: { jobKey, period } } });
  if (!row) return 'busy'; // rows are never deleted; be safe and let the next tick try again
  if (row.status === 'SENT') return 'already-sent';
  if (row.status === 'SKIPPED') return 'already-skipped';
  if (row.status === 'FAILED') return 'already-failed';

  const staleBefore = new Date(now.getTime() - (req.staleAfterMs ?? DEFAULT_STALE_AFTER_MS));
  if (row.claimedAt.getTime() >= staleBefore.getTime()) return 'busy';
  // The winner's UPDATE sets a fresh claimedAt, so every other taker's WHERE stops matching.
  const taken = await prisma.jobRun.updateMany({
    where: { jobKey, period, status: 'CLAIMED', claimedAt: { lt: staleBefore } },
    data: {
      claimedBy,
      claimedAt: now,
      late: (req.late ?? false) || row.late,
      attempts: { increment: 1 },
      error: null,
    },
  });
  return taken.count === 1 ? 'retry' : 'busy';
}

async function finish(
  prisma: ClaimDb,
  ref: ClaimRef,
  data: { status: 'SENT' | 'FAILED' | 'SKIPPED'; error?: string | null },
  now: Date,
): Promise<boolean> {
  const done = await prisma.jobRun.updateMany({
    where: { jobKey: ref.jobKey, period: ref.period, claimedBy: ref.claimedBy, status: 'CLAIMED' },
    data: { ...data, doneAt: now },
  });
  return done.count === 1;
}

/** Records the side effect as done. False: the claim was no longer ours (taken over as stale). */
export function markSent(prisma: ClaimDb, ref: ClaimRef, now: Date = new Date()): Promise<boolean> {
  return finish(prisma, ref, { status: 'SENT', error: null }, now);
}

/** Records a final failure (after the sender's own retries), kept for staff; the period is not retried. */
export function markFailed(prisma: ClaimDb, ref: ClaimRef, error: unknown, now: Date = new Date()): Promise<boolean> {
  const text = error instanceof Error ? error.message : String(error);
  return finish(prisma, ref, { status: 'FAILED', error: text.slice(0, MAX_ERROR_LENGTH) }, now);
}

/**
 * Settles a period as skipped (missed beyond the grace, campaign ended, ...), whether or not it was
 * claimed first. True only for the one caller that settled it, which is the one to tell staff.
 */
export async function markSkipped(
  prisma: ClaimDb,
  ref: ClaimRef & { reason?: string },
  now: Date = new Date(),
): Promise<boolean> {
  const { jobKey, period, claimedBy } = ref;
  const reason = ref.reason?.slice(0, MAX_ERROR_LENGTH) ?? null;
  try {
    await prisma.jobRun.create({
      data: { jobKey, period, claimedBy, claimedAt: now, status: 'SKIPPED', doneAt: now, error: reason },
    });
    return true;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  return finish(prisma, ref, { status: 'SKIPPED', error: reason }, now);
}

/** Heartbeat for a long send (retries with backoff): keeps the claim from looking stale. */
export async function touchClaim(prisma: ClaimDb, ref: ClaimRef, now: Date = new Date()): Promise<boolean> {
  const touched = await prisma.jobRun.updateMany({
    where: { jobKey: ref.jobKey, period: ref.period, claimedBy: ref.claimedBy, status: 'CLAIMED' },
    data: { claimedAt: now },
  });
  return touched.count === 1;
}

/**
 * Settles a period this caller holds a claim on as skipped. Unlike markSkipped it never inserts,
 * so it is safe inside a PostgreSQL transaction (a failed INSERT there aborts the transaction).
 */
export function markClaimSkipped(prisma: ClaimDb, ref: ClaimRef & { reason?: string }, now: Date = new Date()): Promise<boolean> {
  return finish(prisma, ref, { status: 'SKIPPED', error: ref.reason?.slice(0, MAX_ERROR_LENGTH) ?? null }, now);
}

/** The latest settled period (sent, skipped or failed); unfinished claims are left to claimRun's takeover. */
export async function latestSettledPeriod(prisma: ClaimDb, jobKey: string): Promise<string | null> {
  const row = await prisma.jobRun.findFirst({
    where: { jobKey, status: { in: ['SENT', 'SKIPPED', 'FAILED'] } },
    orderBy: { period: 'desc' },
    select: { period: true },
  });
  return row?.period ?? null;
}

/** The latest period ever claimed for a job (any status): the `lastClaimed` for missed-run decisions. */
export async function latestPeriod(prisma: ClaimDb, jobKey: string): Promise<string | null> {
  const row = await prisma.jobRun.findFirst({ where: { jobKey }, orderBy: { period: 'desc' }, select: { period: true } });
  return row?.period ?? null;
}
