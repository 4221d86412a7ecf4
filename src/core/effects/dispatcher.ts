// Carries out queued side effects after their transaction committed. A platform that fails
// never loses a decision: retryable failures back off and try again, the rest are reported to
// staff with what to fix, and a person whose DMs are closed gets the message at their next command.
import type { CoreDeps } from '../deps.js';
import type { Effect } from './effect.js';
import { PlatformError } from '../ports/chat-platform.js';
import { performEffect } from './perform.js';

const maxAttempts = 6;

export function backoffMs(attempts: number, err: unknown): number {
  const hinted = err instanceof PlatformError ? err.retryAfterMs : undefined;
  return Math.max(hinted ?? 0, Math.min(1000 * 2 ** attempts, 10 * 60_000));
}

export interface Dispatcher {
  kick(): void;
  /** Runs until nothing is due. */
  drain(): Promise<void>;
  /** Resolves when the current and any requested drain have finished (tests, shutdown). */
  idle(): Promise<void>;
  start(intervalMs?: number): void;
  stop(): Promise<void>;
}

export function createDispatcher(deps: () => CoreDeps, leaseMs = 60_000): Dispatcher {
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  async function runOnce(): Promise<number> {
    const d = deps();
    const due = await d.store.outbox.due(d.now(), 50);
    // A burst of votes queues a refresh of the same committee post per vote: a refresh shows the
    // application as it is when it runs, so the last one of a batch shows all the others would, and
    // the earlier ones are marked done together (whoever carries out the last one, this process or another).
    const lastRefresh = new Map<number, number>();
    for (const item of due) if (item.effect.kind === 'committee.refresh') lastRefresh.set(item.effect.applicationId, item.id);
    const superseded = (item: (typeof due)[number]) => item.effect.kind === 'committee.refresh' && lastRefresh.get(item.effect.applicationId) !== item.id;
    const skipped = due.filter(superseded).map((item) => item.id);
    await d.store.outbox.skip(skipped, d.now());
    let handled = skipped.length;
    for (const item of due.filter((i) => !superseded(i))) {
      const now = d.now();
      if (!(await d.store.outbox.claim(item.id, item.nextAttemptAt, new Date(now.getTime() + leaseMs)))) continue;
      handled++;
      try {
        await performEffect(d, item.effect, { key: `outbox:${item.id}` });
        await d.store.outbox.done(item.id, d.now());
      } catch (err) {
        await onFailure(d, item.id, item.effect, item.attempts + 1, err);
      }
    }
    return handled;
  }

  async function loop(): Promise<void> {
    do {
      again = false;
      try {
        while (!stopped && (await runOnce()) > 0) {
          /* keep going while work is due */
        }
      } catch (err) {
        deps().log.error({ err }, 'side-effect dispatcher failed; will retry');
      }
    } while (again && !stopped);
  }

  const kick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = loop().finally(() => {
      running = null;
    });
  };

  return {
    kick,
    drain: async () => {
      kick();
      while (running) await running;
    },
    idle: async () => {
      while (running) await running;
    },
    start(intervalMs = 2000) {
      timer = setInterval(kick, intervalMs);
      timer.unref();
      kick();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      while (running) await running;
    },
  };
}

async function onFailure(d: CoreDeps, id: number, effect: Effect, attempts: number, err: unknown): Promise<void> {
  const message = err instanceof Error ? err.message : String(err);
  const retryable = !(err instanceof PlatformError) || err.retryable;
  if (retryable && attempts < maxAttempts) {
    d.log.warn({ effect: effect.kind, attempts, err: message }, 'side effect failed; retrying');
    await d.store.outbox.retryAt(id, new Date(d.now().getTime() + backoffMs(attempts, err)), message);
    return;
  }
  d.log.error({ effect: effect.kind, attempts, err: message }, 'side effect failed for good');
  await d.store.outbox.failed(id, d.now(), message);
  const fix = err instanceof PlatformError && err.fix ? ` To fix: ${err.fix}` : '';
  const programId = await programOf(d, effect);
  if (effect.kind !== 'staff.alert' && programId) {
    await d.store.outbox.enqueue({ kind: 'staff.alert', programId, text: `I couldn't ${describe(effect)}: ${message}.${fix}` });
  }
}

function describe(e: Effect): string {
  switch (e.kind) {
    case 'committee.post': return 'post an application to the committee channel';
    case 'committee.refresh': return 'update an application in the committee channel';
    case 'dm': return 'send a direct message';
    case 'grant': return 'give a new ambassador their role or channel';
    case 'revoke': return "remove a former ambassador's role or channel";
    case 'post': return `post in <#${e.channelId}>`;
    case 'unreact': return 'remove a reaction that does not count';
    case 'staff.alert': return 'alert staff';
    case 'welcome.announce': return 'welcome a new ambassador in the announcement channel';
  }
}

async function programOf(d: CoreDeps, e: Effect): Promise<number | null> {
  if (e.kind === 'committee.post' || e.kind === 'committee.refresh') return (await d.store.applications.byId(e.applicationId))?.programId ?? null;
  if (e.kind === 'grant' || e.kind === 'revoke' || e.kind === 'welcome.announce') return (await d.store.ambassadors.byId(e.ambassadorId))?.programId ?? null;
  if (e.kind === 'post') return e.programId ?? null;
  return null;
}
