// Settling an application: its counted votes and the program's rules become what happens next.
// Every path that can move a vote along calls this one function — a reaction, a committee change,
// the deadline job, catch-up after a restart — so the outcome and its reason can't drift apart.
// Call it inside a transaction, after `applications.lock` and a fresh read of the application.
import type { CoreDeps } from '../deps.js';
import { audit } from '../audit.js';
import type { Application, Program, Vote } from '../model.js';
import type { Repositories } from '../repositories.js';
import { formatDate, plural } from '../text.js';
import { decide } from '../applications/decide.js';
import { evaluate, tally, type Tally, type Verdict } from './rules.js';

/** Who may vote on an application: current committee members, never the applicant or the referrer. */
export function countedVotes<V extends Pick<Vote, 'voterId'>>(
  votes: readonly V[], committee: ReadonlySet<number>, app: Pick<Application, 'applicantId' | 'referrerId'>,
): V[] {
  return votes.filter((v) => committee.has(v.voterId) && v.voterId !== app.applicantId && v.voterId !== app.referrerId);
}

export type Settled = Verdict['kind'] | 'closed';

/**
 * Applies the rules to the application as it stands. `committee` holds the member ids of the current
 * committee; `votes`, the application's votes when the caller has just read them under the lock.
 * Returns what happened ('pending' = still voting; 'closed' = it was not voting).
 */
export async function settle(
  deps: CoreDeps, r: Repositories, program: Program, app: Application, committee: ReadonlySet<number>, votes?: readonly Vote[],
): Promise<Settled> {
  if (app.status !== 'voting') return 'closed';
  const t = tally(countedVotes(votes ?? (await r.votes.list(app.id)), committee, app));
  const verdict = evaluate(t, program, { closed: deps.now() >= app.votingEndsAt, extended: app.extended });
  switch (verdict.kind) {
    case 'accept':
    case 'reject': {
      const reasonCode = verdict.kind === 'reject' ? verdict.reason : undefined;
      const moved = await decide(deps, r, program, app, { outcome: verdict.kind, actorId: null, from: ['voting'], reasonCode });
      return moved ? verdict.kind : 'closed';
    }
    case 'extend':
      return (await extendVoting(deps, r, program, app, t)) ? 'extend' : 'closed';
    case 'staff':
      return (await handToStaff(deps, r, program, app)) ? 'staff' : 'closed';
    case 'pending':
      return 'pending';
  }
}

/** No quorum at the window's end, first time: one more window. Nobody has to act, so it is news, not an alert. */
async function extendVoting(deps: CoreDeps, r: Repositories, program: Program, app: Application, t: Tally): Promise<boolean> {
  const at = deps.now();
  const votingEndsAt = new Date(app.votingEndsAt.getTime() + program.votingWindowHours * 3_600_000);
  if (!(await r.applications.transition(app.id, ['voting'], { votingEndsAt, extended: true, reminderSentAt: null }))) return false;
  await audit(r, { programId: program.id, actorId: null, action: 'application.extended', subject: { type: 'application', id: app.ref }, reason: 'no quorum when the window closed' }, at);
  const missing = Math.max(program.quorum - t.total, 1);
  if (program.committeeChannelId) {
    await r.outbox.enqueue({
      kind: 'post', programId: program.id, platform: program.platform, workspaceId: program.workspaceId, channelId: program.committeeChannelId,
      message: {
        title: `Voting extended: application ${app.ref}`, tone: 'info',
        text: `Application ${app.ref} has ${plural(t.total, 'vote')} of the ${program.quorum} needed, so voting stays open once more, until ${formatDate(votingEndsAt, program.timeZone)}. ${plural(missing, 'more vote')} will decide it.`,
      },
    });
  }
  await r.outbox.enqueue({ kind: 'committee.refresh', applicationId: app.id });
  return true;
}

/** No quorum and no extension left (or the policy says so): staff decide. That is an action for them. */
async function handToStaff(deps: CoreDeps, r: Repositories, program: Program, app: Application): Promise<boolean> {
  if (!(await r.applications.transition(app.id, ['voting'], { status: 'awaiting_staff' }))) return false;
  await audit(r, { programId: program.id, actorId: null, action: 'application.awaiting_staff', subject: { type: 'application', id: app.ref }, reason: 'no quorum when the window closed' }, deps.now());
  await r.outbox.enqueue({ kind: 'staff.alert', programId: program.id, text: `Application ${app.ref} didn't reach quorum. Staff, please decide: /application decide ref:${app.ref} outcome:accept|reject|waitlist` });
  await r.outbox.enqueue({ kind: 'committee.refresh', applicationId: app.id });
  return true;
}
