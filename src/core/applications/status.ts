// The applicant's own view (status, withdraw) and the committee's queue (pending). Who may see the
// queue is checked by the router (access: committee), not here.
import type { CoreDeps } from '../deps.js';
import { audit } from '../audit.js';
import { openStatuses, type Actor, type Application, type Member, type Program } from '../model.js';
import { committeeMembers } from '../programs/committee.js';
import { reapplyDate } from './eligibility.js';

export type StatusOutcome =
  | { kind: 'never-applied' }
  | {
      kind: 'applied';
      app: Application;
      /** They were an ambassador from this application and have since been removed. */
      removedAt: Date | null;
      /** After a rejection with a cool-down: from when they may apply again, and whether that is now. */
      reapply: { from: Date; now: boolean } | null;
    };

export async function applicationStatus(deps: CoreDeps, o: { program: Program; actor: Actor }): Promise<StatusOutcome> {
  const { program, actor } = o;
  const last = await deps.store.applications.latestFor(program.id, actor.member.id);
  if (!last) return { kind: 'never-applied' };
  const amb = last.status === 'accepted' ? await deps.store.ambassadors.byMember(program.id, actor.member.id) : null;
  const from = last.status === 'rejected' ? reapplyDate(program, last) : null;
  return {
    kind: 'applied', app: last,
    removedAt: amb?.status === 'removed' && amb.applicationId === last.id ? amb.removedAt : null,
    reapply: from ? { from, now: from <= deps.now() } : null,
  };
}

export type WithdrawOutcome = { kind: 'nothing-open' } | { kind: 'decided-meanwhile' } | { kind: 'withdrawn'; app: Application };

/** Withdraws the actor's open (or waitlisted) application; the committee post shows it. */
export async function withdrawApplication(deps: CoreDeps, o: { program: Program; actor: Actor }): Promise<WithdrawOutcome> {
  const { program, actor } = o;
  const { store, now } = deps;
  const open = await store.applications.openFor(program.id, actor.member.id);
  const waiting = open ?? (await store.applications.withStatus(program.id, ['waitlisted'])).find((a) => a.applicantId === actor.member.id);
  if (!waiting) return { kind: 'nothing-open' };
  const done = await store.transaction(async (r) => {
    if (!(await r.applications.transition(waiting.id, [...openStatuses, 'waitlisted'], { status: 'withdrawn', decidedAt: now() }))) return false;
    await audit(r, { programId: program.id, actorId: actor.member.id, action: 'application.withdrawn', subject: { type: 'application', id: waiting.ref } }, now());
    await r.outbox.enqueue({ kind: 'committee.refresh', applicationId: waiting.id });
    return true;
  });
  if (!done) return { kind: 'decided-meanwhile' };
  deps.kick();
  return { kind: 'withdrawn', app: waiting };
}

export interface PendingApplication {
  app: Application;
  /** Votes recorded so far. */
  votes: number;
  /** Committee members who may vote on it and haven't. */
  notVoted: Member[];
}

/** Open applications and who has not voted yet, for the committee. */
export async function pendingApplications(deps: CoreDeps, o: { program: Program }): Promise<PendingApplication[]> {
  const { store } = deps;
  const open = await store.applications.withStatus(o.program.id, openStatuses);
  if (open.length === 0) return [];
  const committee = await committeeMembers(deps, store, o.program);
  const pending: PendingApplication[] = [];
  for (const app of open) {
    const voted = new Set((await store.votes.list(app.id)).map((v) => v.voterId));
    const notVoted = committee.filter((m) => !voted.has(m.id) && m.id !== app.applicantId && m.id !== app.referrerId);
    pending.push({ app, votes: voted.size, notVoted });
  }
  return pending;
}
