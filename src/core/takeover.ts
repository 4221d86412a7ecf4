// Finishing what a dead process claimed: every process looks now and then for claims whose lease
// lapsed with their work undone, takes each over with a conditional update (one taker wins) and
// runs the work as if the event had just arrived, answering through the adapter's replyLater.
// It also prunes old claims and expired form drafts.
import type { CoreDeps } from './deps.js';
import { abandonAfterMs, keepClaimsMs, type InboundWork } from './inbound.js';
import type { ChatPlatform, InboundSink, Reply } from './ports/chat-platform.js';

export interface Takeover {
  /** One pass: takes over and finishes lapsed claims; returns how many. */
  runOnce(): Promise<number>;
  start(intervalMs?: number): void;
  stop(): Promise<void>;
}

/** Dates come back from JSON as strings. */
function revive<T>(work: T): T {
  const fix = (u: { joinedAt?: unknown } | undefined) => {
    if (u && typeof u.joinedAt === 'string') u.joinedAt = new Date(u.joinedAt);
  };
  const w = work as InboundWork;
  if (w.kind === 'command') fix(w.inv.user);
  if (w.kind === 'form') fix(w.sub.user);
  if (w.kind === 'reaction') fix(w.ev.user);
  return work;
}

export function createTakeover(deps: () => CoreDeps, sink: () => InboundSink, o: { claimedBy: string; leaseMs: number }): Takeover {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | null = null;
  let lastPrune = 0;

  async function finish(d: CoreDeps, key: string, work: InboundWork): Promise<void> {
    const platform: ChatPlatform | undefined = d.platform(work.platform);
    if (!platform) return; // this process does not run that platform; leave it for one that does
    let reply: Reply | undefined;
    if (work.kind === 'request') {
      if (!platform.redo) return;
      await platform.redo(key, work.body); // the adapter answers as it would have
    } else if (work.kind === 'reaction') await sink().reaction(work.ev, key);
    else if (work.kind === 'command') reply = await sink().command(work.inv, key);
    else reply = await sink().formSubmitted(work.sub, key);
    d.log.info({ claim: key, kind: work.kind }, 'finished an event another process had claimed before it stopped');
    if (!reply || reply.kind === 'taken' || !('replyTo' in work) || work.replyTo === undefined) return;
    // The work is done; the answer may not be deliverable (the dead process never acknowledged it).
    await platform.replyLater?.(work.replyTo, reply).catch((err: unknown) => d.log.warn({ err: String(err), claim: key }, 'could not answer an event finished for another process'));
  }

  async function pass(): Promise<number> {
    const d = deps();
    const now = d.now();
    if (now.getTime() - lastPrune > 60_000) {
      lastPrune = now.getTime();
      await d.store.inbound.prune(new Date(now.getTime() - keepClaimsMs), new Date(now.getTime() - abandonAfterMs));
      await d.store.drafts.prune(now);
    }
    const lapsed = await d.store.inbound.takeOverLapsed(o.claimedBy, now, o.leaseMs, 20);
    for (const { key, work } of lapsed) {
      try {
        await finish(d, key, revive(work));
      } catch (err) {
        d.log.error({ err, claim: key }, 'could not finish an event taken over from another process');
      }
    }
    return lapsed.length;
  }

  const runOnce = () => (running ??= pass().finally(() => (running = null)));
  return {
    runOnce,
    start(intervalMs = Math.max(1000, Math.round(o.leaseMs / 2))) {
      timer = setInterval(() => void runOnce().catch((err: unknown) => deps().log.warn({ err: String(err) }, 'looking for lapsed claims failed; will retry')), intervalMs);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
