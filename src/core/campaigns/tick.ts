// The scheduler's minute tick: post every due campaign run exactly once, across processes.
//
// Crash-safety, in order:
// (The claim → build → mark pattern is shared with the weekly leaderboard: src/core/claims.ts.)
// 1. The claim inserts the (schedule, period) JobRun row before anything else: the database decides
//    every race, so of two processes only one goes on.
// 2. One transaction marks that claim SENT *and* queues the 'post' effects (and any staff report):
//    "marked sent" and "post queued" commit together or not at all. A crash before the commit
//    leaves a CLAIMED row, which the claim hands to the next process once it goes stale (5 min):
//    it is sent then, marked late. A crash after the commit loses nothing: the outbox survives it
//    and the dispatcher delivers with its retries, never re-deciding the run.
// 3. If our claim was taken over meanwhile, markSent fails, the transaction rolls back and the new
//    owner posts instead. The one window left is the dispatcher's own (platform accepted, crash
//    before the outbox row is marked done), shared by every side effect.
import { audit } from '../audit.js';
import { claimThenPost } from '../claims.js';
import type { CoreDeps } from '../deps.js';
import type { Program } from '../model.js';
import type { Effect } from '../effects/effect.js';
import { decideMissedRuns } from './missed-runs.js';
import type { Campaign, Schedule } from './model.js';
import { jobKeyFor } from './model.js';
import { periodDate } from './next-runs.js';
import { nextRunOf } from './schedule.js';
import { progressFor } from './progress.js';
import { renderCampaignPost } from './render.js';
import { skippedReport } from './replies.js';

/** Schedules whose last run is older than this are not looked at (beyond any grace). */
const LOOKBACK_MS = 30 * 24 * 3600_000;

export interface TickResult {
  posted: number;
  skipped: number;
}

/** One tick over every runnable schedule. `claimedBy` must be unique per process (and per start). */
export async function runDueCampaignPosts(deps: CoreDeps, o: { claimedBy: string }): Promise<TickResult> {
  const now = deps.now();
  const result: TickResult = { posted: 0, skipped: 0 };
  const programs = new Map<number, Program | null>();
  for (const { schedule, campaign } of await deps.store.campaigns.runnable(new Date(now.getTime() - LOOKBACK_MS))) {
    try {
      if (!programs.has(campaign.programId)) programs.set(campaign.programId, await deps.store.programs.byId(campaign.programId));
      const program = programs.get(campaign.programId);
      if (!program) continue;
      const outcome = await tickSchedule(deps, { schedule, campaign, program, now, claimedBy: o.claimedBy });
      if (outcome === 'posted') result.posted++;
      if (outcome === 'skipped') result.skipped++;
    } catch (err) {
      // One broken schedule must not hold up the others; it is tried again next minute.
      deps.log.error({ err, schedule: schedule.id }, 'campaign schedule tick failed');
    }
  }
  if (result.posted || result.skipped) deps.kick();
  return result;
}

/** The earliest campaign run after `after` (every runnable schedule), or null. */
export async function nextCampaignRun(deps: CoreDeps, after: Date): Promise<Date | null> {
  let best: Date | null = null;
  for (const { schedule, campaign } of await deps.store.campaigns.runnable(new Date(after.getTime() - LOOKBACK_MS))) {
    const [next] = nextRunOf(schedule, campaign, after);
    if (next && (!best || next < best)) best = next;
  }
  return best;
}

interface TickInput {
  schedule: Schedule;
  campaign: Campaign;
  program: Program;
  now: Date;
  claimedBy: string;
}

export async function tickSchedule(deps: CoreDeps, t: TickInput): Promise<'posted' | 'skipped' | 'idle'> {
  const { schedule: s, campaign: c, program, now } = t;
  const { store } = deps;
  const jobKey = jobKeyFor(s.id);
  const last = await store.claims.latestSettledPeriod(jobKey);
  const startFloor = c.startsAt ? c.startsAt.getTime() - 1 : -Infinity; // a run exactly at the start is owed
  const decision = decideMissedRuns({
    schedule: s.kind === 'one_off' ? { runAt: s.runAt! } : { cron: s.cron!, zone: s.timeZone },
    lastClaimed: last ? periodDate(last) : null,
    activeSince: new Date(Math.max(s.activeSince.getTime(), startFloor)),
    until: c.endsAt,
    now,
    graceMinutes: s.graceMinutes,
  });
  const send = decision.send;
  const period = send?.period ?? decision.latestSkippedPeriod;
  if (!period) return 'idle';

  const ref = { jobKey, period, claimedBy: t.claimedBy };
  const build = async () =>
    send ? renderCampaignPost(program, c, { progress: await progressFor(deps, c), late: send.late ? { dueAt: send.at, zone: s.timeZone } : null }) : null;
  return claimThenPost(deps, { ref, late: send?.late ?? false, now, skipReason: 'missed beyond the grace' }, build, async (r, message) => {
    for (const channelId of message ? c.channelIds : []) {
      // programId rides along so the dispatcher can tell this program's staff if the post fails for good.
      const post: Effect & { programId: number } = { kind: 'post', platform: program.platform, workspaceId: program.workspaceId, channelId, message: message!, programId: program.id };
      await r.outbox.enqueue(post);
    }
    if (decision.skippedCount > 0) {
      await r.outbox.enqueue({ kind: 'staff.alert', programId: program.id, text: skippedReport(c, s, decision, program.timeZone) });
    }
    await audit(r, {
      programId: program.id, actorId: null, action: message ? 'campaign.posted' : 'campaign.skipped', subject: { type: 'campaign', id: c.id },
      data: { schedule: s.id, period, late: send?.late ?? false, skipped: decision.skippedCount },
    }, now);
  });
}
