// Time-driven steps of a vote: the window closing, and one reminder a day before it closes.
import type { CoreDeps } from '../deps.js';
import { committeeIds, committeeMembers } from '../programs/committee.js';
import { formatDate } from '../text.js';
import { settle } from '../voting/settle.js';

/** Far enough ahead to mean "whenever": every open vote's times are before it. */
const END_OF_TIME = new Date('9999-12-31T00:00:00Z');

/** The earliest instant after `after` when a window closes or a reminder is due, or null. */
export async function nextVoteDue(deps: CoreDeps, after: Date): Promise<Date | null> {
  const [voting, unreminded] = await Promise.all([deps.store.applications.votingEndedBy(END_OF_TIME), deps.store.applications.needingReminder(END_OF_TIME)]);
  const times = [...voting.map((a) => a.votingEndsAt), ...unreminded.map((a) => new Date(a.votingEndsAt.getTime() - 86_400_000))];
  return earliestAfter(times, after);
}

export function earliestAfter(times: readonly Date[], after: Date): Date | null {
  let best: Date | null = null;
  for (const t of times) if (t.getTime() > after.getTime() && (!best || t < best)) best = t;
  return best;
}

/** Applies the rules to every application whose window has closed. Returns how many moved. */
export async function closeDueVotes(deps: CoreDeps): Promise<number> {
  let moved = 0;
  for (const due of await deps.store.applications.votingEndedBy(deps.now())) {
    const program = await deps.store.programs.byId(due.programId);
    if (!program) continue;
    const committee = await committeeIds(deps, deps.store, program);
    const settled = await deps.store.transaction(async (r) => {
      const app = await r.applications.lock(due.id);
      if (!app || app.votingEndsAt > deps.now()) return 'closed';
      return settle(deps, r, program, app, committee);
    });
    if (settled !== 'closed' && settled !== 'pending') moved++;
  }
  if (moved) deps.kick();
  return moved;
}

/** One DM to each committee member who hasn't voted, a day before the window closes. */
export async function sendVoteReminders(deps: CoreDeps): Promise<number> {
  const now = deps.now();
  let sent = 0;
  for (const app of await deps.store.applications.needingReminder(new Date(now.getTime() + 86_400_000))) {
    const program = await deps.store.programs.byId(app.programId);
    if (!program || app.votingEndsAt <= now) continue;
    const committee = await committeeMembers(deps, deps.store, program);
    await deps.store.transaction(async (r) => {
      if (!(await r.applications.markReminded(app.id, now))) return;
      const voted = new Set((await r.votes.list(app.id)).map((v) => v.voterId));
      for (const m of committee) {
        if (voted.has(m.id) || m.id === app.applicantId || m.id === app.referrerId) continue;
        await r.outbox.enqueue({
          kind: 'dm', memberId: m.id,
          message: { title: `Reminder: application ${app.ref}`, text: `Voting on application ${app.ref} to ${program.name} closes ${formatDate(app.votingEndsAt, program.timeZone)}. Your vote hasn't been cast yet: react on the post in <#${app.committeeChannelId ?? program.committeeChannelId}>.` },
        });
        sent++;
      }
    });
  }
  if (sent) deps.kick();
  return sent;
}
