// The monthly staff digest: on the 1st of each month at 09:00 in the program's time zone, last
// month's engagement report (src/core/engagement/report.ts) goes to the staff channel (the committee
// channel when there is none), exactly once per program and month across processes, through the same
// claim as the weekly leaderboard (src/core/claims.ts). A program with no ambassadors gets no digest.
import { audit } from '../audit.js';
import { claimThenPost, tickEachProgram } from '../claims.js';
import type { CoreDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import type { Program } from '../model.js';
import type { OutboundMessage } from '../ports/chat-platform.js';
import { earliestNextRun, previousRun } from '../campaigns/next-runs.js';
import { reportReply } from './replies.js';
import { engagementReport } from './report.js';
import { DateTime } from 'luxon';

export const DIGEST_CRON = '0 9 1 * *';
/** How late a digest may still go out (the bot was down on the 1st). */
const GRACE_MS = 3 * 24 * 3600_000;
const LATE_AFTER_MS = 60_000;

export const digestJobKey = (programId: number) => `digest:${programId}`;
const channelOf = (p: Program) => p.staffChannelId ?? p.committeeChannelId;

/** One tick over every program with a staff or committee channel; how many digests were queued. */
export async function runDueDigests(deps: CoreDeps, o: { claimedBy: string }): Promise<number> {
  const now = deps.now();
  return tickEachProgram(deps, await deps.store.engagement.programsWithStaffChannel(), 'monthly digest', (programId) => tickProgram(deps, programId, now, o.claimedBy));
}

/** The earliest digest after `after`, or null when no program has a channel for one. */
export async function nextDigestRun(deps: CoreDeps, after: Date): Promise<Date | null> {
  const programs = await Promise.all((await deps.store.engagement.programsWithStaffChannel()).map((id) => deps.store.programs.byId(id)));
  return earliestNextRun(programs.flatMap((p) => (p ? [{ cron: DIGEST_CRON, zone: p.timeZone }] : [])), after);
}

async function tickProgram(deps: CoreDeps, programId: number, now: Date, claimedBy: string): Promise<'posted' | 'skipped' | 'idle'> {
  const program = await deps.store.programs.byId(programId);
  const channelId = program && channelOf(program);
  if (!program || !channelId) return 'idle';
  const due = previousRun(DIGEST_CRON, program.timeZone, now);
  if (!due || now.getTime() - due.getTime() > GRACE_MS) return 'idle';
  // The month reported is the one before the run: its key names the claim, whatever the tick's time.
  const month = DateTime.fromJSDate(due, { zone: program.timeZone }).minus({ months: 1 }).toFormat('yyyy-LL');
  const ref = { jobKey: digestJobKey(program.id), period: month, claimedBy };
  const late = now.getTime() - due.getTime() > LATE_AFTER_MS;
  return claimThenPost(deps, { ref, late, now, skipReason: 'no ambassadors' }, () => digest(deps, program, due), async (r, message) => {
    if (message) await r.outbox.enqueue({ kind: 'post', programId: program.id, platform: program.platform, workspaceId: program.workspaceId, channelId, message });
    await audit(r, { programId: program.id, actorId: null, action: message ? 'digest.posted' : 'digest.skipped', subject: { type: 'program', id: program.id }, data: { month, late } }, now);
  });
}

async function digest(deps: CoreDeps, program: Program, due: Date): Promise<OutboundMessage | null> {
  try {
    // As of the run's time, so a late tick reports the same month.
    const report = await engagementReport({ ...deps, now: () => due }, { program, period: 'month' });
    const reply = reportReply(program, report);
    if (reply.kind !== 'message') return null;
    return { ...reply.message, title: `${program.name} — monthly digest: ${report.label}`, tone: 'info' };
  } catch (err) {
    if (err instanceof DomainError && err.code === 'invalid_input') return null; // no ambassadors: nothing to say
    throw err;
  }
}
