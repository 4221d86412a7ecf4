// Each inbound event handled once across every process sharing the database. Several processes
// receive the same event (every gateway session gets every Discord event without sharding; Slack
// redelivers to whichever process answers): each claims it in the database before acting or
// answering, and only the one whose claim lands goes on. The loser does nothing and says nothing.
//
// A claim carries what another process needs to finish the event (`work`) and a short lease. The
// work's state change and the claim's done mark commit in one transaction (`withClaim`), so a
// process killed before that commit leaves a claim whose lease lapses and which another process
// takes over and finishes; one killed after it leaves nothing to redo. Claims are kept long enough
// to recognise redeliveries (Slack retries for ~6 minutes), then pruned.
import type { InboundWork } from './ports/chat-platform.js';
import type { Repositories, Store } from './repositories.js';

export type { InboundWork };

export interface InboundClaimRequest {
  key: string;
  /**
   * For events without an id (a reaction): 'add' or 'remove'. A claim of the same key with another
   * variant is a new event (a reaction removed, then added again), as is one older than `repeatAfterMs`.
   */
  variant?: string;
  repeatAfterMs?: number;
  claimedBy: string;
  now: Date;
  leaseMs: number;
  /** What another process needs to finish the event; without it the claim is done as it is made. */
  work?: InboundWork;
}

export interface LapsedClaim {
  key: string;
  work: InboundWork;
}

export interface InboundClaimsRepository {
  /** One statement: true when this caller now holds the event, false when another process has it. */
  claim(req: InboundClaimRequest): Promise<boolean>;
  /** Marks our claim done (inside the work's transaction); false when it is no longer ours. */
  settle(key: string, claimedBy: string, now: Date): Promise<boolean>;
  /** Takes over claims of unfinished work whose lease lapsed (their claimant died), at most `limit`. */
  takeOverLapsed(claimedBy: string, now: Date, leaseMs: number, limit: number): Promise<LapsedClaim[]>;
  /** Deletes claims done before `doneBefore`, and unfinished ones claimed before `abandonedBefore`. */
  prune(doneBefore: Date, abandonedBefore: Date): Promise<number>;
}

export class ClaimLost extends Error {
  override name = 'ClaimLost';
  constructor(readonly key: string) {
    super(`the claim on ${key} was taken over by another process`);
  }
}

/**
 * The store as seen by the work of one claimed event: every transaction first marks the claim done
 * (and fails with ClaimLost when the claim is no longer ours), so the work's changes and the done
 * mark commit together. Work that runs no transaction is settled by the caller afterwards.
 */
export function withClaim(store: Store, key: string, claimedBy: string, now: () => Date): Store {
  return {
    ...store,
    transaction: <T>(fn: (r: Repositories) => Promise<T>) =>
      store.transaction(async (r) => {
        if (!(await r.inbound.settle(key, claimedBy, now()))) throw new ClaimLost(key);
        return fn(r);
      }),
  };
}

/** How long done claims are kept: Slack redelivers for up to ~6 minutes. */
export const keepClaimsMs = 15 * 60_000;
/** Unfinished work older than this is abandoned (a Discord interaction token lives 15 minutes). */
export const abandonAfterMs = 14 * 60_000;
