// The core, assembled: the inbound sink adapters call, the side-effect dispatcher, the timed jobs.
import type { Logger } from 'pino';
import type { Command } from './commands/define.js';
import { submitApplication } from './applications/submit.js';
import { atOnceCommands, checkSubmissionAtOnce } from './applications/at-once.js';
import { FormCache, type FormChangeFeed } from './applications/form-cache.js';
import { closeDueVotes, sendVoteReminders } from './applications/deadlines.js';
import { runDueLeaderboards, type WeeklyOptions } from './activity/weekly.js';
import { runDueDigests } from './engagement/digest.js';
import { runDueNudges } from './engagement/nudges.js';
import { runDuePulses } from './pulse/rounds.js';
import { isPulseForm, submitPulseForm } from './pulse/form.js';
export type { CardRenderer } from './activity/weekly.js';
import { runDueCampaignPosts, type TickResult } from './campaigns/tick.js';
import { runCommand, replyToError } from './commands/router.js';
import { nextDue } from './next-due.js';
import { eraseExpiredAnswers } from './people/retention.js';
import { cryptoRandom } from './random.js';
import type { CoreDeps } from './deps.js';
import { rememberMembers } from './members-in-memory.js';
import { rememberMessageOwners } from './voting/message-owners.js';
import { WorkQueue } from './work-queue.js';
import { createDispatcher, type Dispatcher } from './effects/dispatcher.js';
import type { ChatPlatform, FormSubmission, InboundSink, Platform, ReactionEvent, Reply } from './ports/chat-platform.js';
import type { Store } from './repositories.js';
import type { FileSink } from './ports/files.js';
import type { ChartRenderer } from './ports/charts.js';
import { say } from './replies.js';
import { fail } from './errors.js';
import { reactionToVote } from './voting/cast-vote.js';
import { catchUpVotes } from './voting/catch-up.js';
import { ClaimLost, withClaim } from './inbound.js';
import { createTakeover, type Takeover } from './takeover.js';

export interface CoreOptions {
  store: Store;
  commands: readonly Command[];
  log: Logger;
  defaultTimeZone: string;
  now?: () => Date;
  /** How long this process holds a side effect before another may retry it (default 60 s). */
  outboxLeaseMs?: number;
  /** Where exports are written (default: ./data/exports). */
  files?: FileSink;
  /** Draws the engagement report's chart (canvas stays out of the core); none: text only. */
  charts?: ChartRenderer;
  /** Numbers in [0, 1) for references (default: crypto). The console passes a seeded one, so scripts replay exactly. */
  random?: () => number;
  /** How processes sharing the database hear of form changes (PostgreSQL); none for a single process. */
  formChanges?: FormChangeFeed;
  /** How many commands, forms and reactions the core works on at once; the rest wait their turn (default 32: enough for votes on many applications to proceed side by side on PostgreSQL, whose pool has 10 connections). */
  concurrency?: number;
  /** This process's name in inbound claims, unique per start (default: a random one). */
  processId?: string;
  /** How long an inbound event's claim holds before another process may finish it (default 30 s). */
  inboundLeaseMs?: number;
}

export interface Core {
  sink: InboundSink;
  deps: CoreDeps;
  dispatcher: Dispatcher;
  attach(platform: ChatPlatform): void;
  /** Replays votes cast or withdrawn while the platform was offline (call once it is ready). */
  catchUp(platform: ChatPlatform): Promise<{ messages: number; replayed: number }>;
  jobs: CoreJobs;
  /** Finishes events claimed by processes that died (start it with the dispatcher). */
  takeover: Takeover;
}

/**
 * The timed work the scheduler drives. Each is safe on several processes at once (a database claim
 * per period). What only the composition root knows is passed in: `claimedBy` names this process
 * (unique per start) and `renderCard` draws the leaderboard card (canvas stays out of the core).
 */
export interface CoreJobs {
  closeDueVotes(): Promise<number>;
  sendVoteReminders(): Promise<number>;
  postDueCampaigns(o: { claimedBy: string }): Promise<TickResult>;
  postDueLeaderboards(o: WeeklyOptions): Promise<number>;
  /** Last month's engagement report to each program's staff channel, on the 1st. */
  postDueDigests(o: { claimedBy: string }): Promise<number>;
  /** A kind DM to ambassadors who went quiet, in programs that turned nudges on; daily at 10:00. */
  sendDueNudges(o: { claimedBy: string }): Promise<number>;
  /** Pulse rounds whose time has come open (DMs), remind once, or close (results to staff). */
  runDuePulses(): Promise<number>;
  /** Erases answers of rejected and withdrawn applications past their program's retention period. */
  eraseExpiredAnswers(o: { claimedBy: string }): Promise<number>;
  /**
   * The earliest instant after `after` when any of the above has work, or a queued side effect may be
   * retried; null when nothing is scheduled. A clock that jumps (the console's) runs the jobs there.
   */
  nextDue(after: Date): Promise<Date | null>;
}

/** Without a file sink (some tests), an export says so instead of writing somewhere unexpected. */
const noFiles: FileSink = { write: async () => fail('not_configured', 'Exports are not set up on this bot: ask whoever runs it to configure a place for files.') };

export function createCore(o: CoreOptions): Core {
  const platforms = new Map<Platform, ChatPlatform>();
  const commands = new Map(o.commands.map((c) => [c.name, c]));
  const dispatcher = createDispatcher(() => deps, o.outboxLeaseMs);
  const forms = new FormCache({ store: o.store, log: o.log, feed: o.formChanges });
  const deps: CoreDeps = {
    store: rememberMessageOwners(rememberMembers(o.store)),
    now: o.now ?? (() => new Date()),
    platform: (p) => platforms.get(p),
    kick: () => dispatcher.kick(),
    log: o.log,
    defaultTimeZone: o.defaultTimeZone,
    files: o.files ?? noFiles,
    charts: o.charts,
    forms,
    random: o.random ?? cryptoRandom,
  };
  const processId = o.processId ?? `core:${cryptoRandom().toString(36).slice(2)}`;
  const leaseMs = o.inboundLeaseMs ?? 30_000;
  /** The work of a claimed event: its transactions settle the claim; done afterwards if none did. */
  const claimed = async <T>(key: string | undefined, taken: T, work: (d: CoreDeps) => Promise<T>): Promise<T> => {
    if (!key) return work(deps);
    try {
      const out = await work({ ...deps, store: withClaim(deps.store, key, processId, deps.now) });
      const reply = out as Reply | undefined;
      if (reply?.kind === 'taken') return out;
      if (!(await deps.store.inbound.settle(key, processId, deps.now()))) return taken;
      return out;
    } catch (err) {
      if (err instanceof ClaimLost) return taken;
      throw err;
    }
  };
  const formSubmitted = async (d: CoreDeps, sub: FormSubmission): Promise<Reply> => {
    try {
      if (sub.formId.startsWith('apply:')) return await submitApplication(d, sub);
      if (isPulseForm(sub.formId)) return await submitPulseForm(d, sub);
      return say("I didn't recognise that form. Please run the command again.");
    } catch (err) {
      return replyToError(d, err, { form: sub.formId, user: sub.user.id });
    }
  };
  const reaction = async (d: CoreDeps, ev: ReactionEvent): Promise<void> => {
    try {
      await reactionToVote(d, ev);
    } catch (err) {
      if (err instanceof ClaimLost) throw err;
      o.log.error({ err, message: ev.message.id, user: ev.user.id }, 'reaction could not be processed');
      throw err;
    }
  };
  const taken: Reply = { kind: 'taken' };
  const queue = new WorkQueue(o.concurrency ?? 32);
  const sink: InboundSink = {
    command: (inv, key) => queue.run(() => claimed(key, taken, (d) => runCommand(d, commands, inv))),
    formSubmitted: (sub, key) => queue.run(() => claimed(key, taken, (d) => formSubmitted(d, sub))),
    reaction: (ev, key) => queue.run(() => claimed(key, undefined, (d) => reaction(d, ev))),
    claim: (c) => o.store.inbound.claim({ ...c, claimedBy: processId, now: deps.now(), leaseMs }),
    async done(key) {
      await o.store.inbound.settle(key, processId, deps.now());
    },
    drafts: o.store.drafts,
    immediate(inv) {
      try {
        const name = inv.name.trim().toLowerCase();
        const atOnce = atOnceCommands[name];
        const parsed = atOnce && commands.get(name)?.schema.safeParse(inv.options);
        return atOnce && parsed?.success ? atOnce(forms, inv, parsed.data) : null;
      } catch (err) {
        o.log.warn({ err, command: inv.name }, 'could not answer from memory; answering the usual way');
        return null;
      }
    },
    checkForm(sub) {
      try {
        return sub.formId.startsWith('apply:') ? checkSubmissionAtOnce(forms, sub) : null;
      } catch (err) {
        o.log.warn({ err, form: sub.formId }, 'could not check a form from memory; checking the usual way');
        return null;
      }
    },
    warm: (platform, workspaceIds) => forms.warm(platform, workspaceIds),
  };
  const takeover = createTakeover(() => deps, () => sink, { claimedBy: processId, leaseMs });
  return {
    sink,
    deps,
    dispatcher,
    takeover,
    attach: (p) => platforms.set(p.platform, p),
    catchUp: (p) => catchUpVotes(deps, p),
    jobs: {
      closeDueVotes: () => closeDueVotes(deps),
      sendVoteReminders: () => sendVoteReminders(deps),
      postDueCampaigns: (jo) => runDueCampaignPosts(deps, jo),
      postDueLeaderboards: (jo) => runDueLeaderboards(deps, jo),
      postDueDigests: (jo) => runDueDigests(deps, jo),
      sendDueNudges: (jo) => runDueNudges(deps, jo),
      runDuePulses: () => runDuePulses(deps),
      eraseExpiredAnswers: (jo) => eraseExpiredAnswers(deps, jo),
      nextDue: (after) => nextDue(deps, after),
    },
  };
}
