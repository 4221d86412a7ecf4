// Time-driven steps of a vote: the window closing, and one reminder a day before it closes.
import type { CoreDeps } from '../deps.js';
import { audit } from '../audit.js';
import type { Application, Program } from '../model.js';
import type { Repositories } from '../repositories.js';
import { committeeMembers } from '../programs/committee.js';
import { formatDate } from '../replies.js';
import { evaluate, tally } from '../voting/rules.js';
import { decide } from './decide.js';

export async function closeWithoutQuorum(deps: CoreDeps, r: Repositories, program: Program, app: Application, kind: 'extend' | 'staff'): Promise<void> {
  const at = deps.now();
  if (kind === 'extend') {
    const votingEndsAt = new Date(app.votingEndsAt.getTime() + program.votingWindowHours * 3_600_000);
    if (!(await r.applications.transition(app.id, ['voting'], { votingEndsAt, extended: true, reminderSentAt: null }))) return;
    await audit(r, { programId: program.id, actorId: null, action: 'application.extended', subject: { type: 'application', id: app.ref }, reason: 'no quorum when the window closed' }, at);
    await r.outbox.enqueue({ kind: 'staff.alert', programId: program.id, text: `Application ${app.ref} didn't reach quorum; voting is extended once, until ${formatDate(votingEndsAt, program.timeZone)}.` });
    return;
  }
  if (!(await r.applications.transition(app.id, ['voting'], { status: 'awaiting_staff' }))) return;
  await audit(r, { programId: program.id, actorId: null, action: 'application.awaiting_staff', subject: { type: 'application', id: app.ref }, reason: 'no quorum when the window closed' }, at);
  await r.outbox.enqueue({ kind: 'staff.alert', programId: program.id, text: `Application ${app.ref} didn't reach quorum. Staff, please decide: /application decide ref:${app.ref} outcome:accept|reject|waitlist` });
  await r.outbox.enqueue({ kind: 'committee.refresh', applicationId: app.id });
}

/** Applies the rules to every application whose window has closed. Returns how many moved. */
export async function closeDueVotes(deps: CoreDeps): Promise<number> {
  let moved = 0;
  for (const due of await deps.store.applications.votingEndedBy(deps.now())) {
    const program = await deps.store.programs.byId(due.programId);
    if (!program) continue;
    const changed = await deps.store.transaction(async (r) => {
      await r.applications.lock(due.id);
      const app = await r.applications.byId(due.id);
      if (!app || app.status !== 'voting' || app.votingEndsAt > deps.now()) return false;
      const t = tally(await r.votes.list(app.id));
      const verdict = evaluate(t, program, { closed: true, extended: app.extended });
      if (verdict.kind === 'accept' || verdict.kind === 'reject') {
        const reasonCode = verdict.kind === 'reject' && t.total < program.quorum ? 'no_quorum' : undefined;
        return (await decide(deps, r, program, app, { outcome: verdict.kind, actorId: null, from: ['voting'], reasonCode })) !== null;
      }
      if (verdict.kind === 'extend' || verdict.kind === 'staff') {
        await closeWithoutQuorum(deps, r, program, app, verdict.kind);
        return true;
      }
      return false;
    });
    if (changed) moved++;
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
