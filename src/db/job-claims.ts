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
import type { ClaimOutcome, ClaimsRepository } from '../core/claims.js';

/** A client or a transaction: markSent may run inside the transaction that queues the side effect. */
type ClaimDb = Pick<Db, 'jobRun'>;

/** How long a CLAIMED row may stay unfinished before another process may take it over. */
export const DEFAULT_STALE_AFTER_MS = 5 * 60_000;
const MAX_ERROR_LENGTH = 2000;

/** The core's ClaimsRepository on a client or a transaction. */
export function claimsRepository(db: ClaimDb): ClaimsRepository {
  return {
    claim: (req) => claimRun(db, req),
    markSent: (ref, now) => markSent(db, ref, now),
    markSkipped: (ref, now) => markSkipped(db, ref, now),
    latestSettledPeriod: (jobKey) => latestSettledPeriod(db, jobKey),
  };
}

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

/**
 * Settles a period this caller holds a claim on as skipped. It never inserts, so it is safe inside a
 * PostgreSQL transaction (a failed INSERT there aborts the transaction).
 */
export function markSkipped(prisma: ClaimDb, ref: ClaimRef & { reason?: string }, now: Date = new Date()): Promise<boolean> {
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
