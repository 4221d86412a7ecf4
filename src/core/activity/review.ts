// Staff verify or reject logged activity. A conditional update is the gate, so two reviewers (or a
// double click) can never both decide; the ambassador hears the outcome by DM. Only staff get
// here: the router checks it.
import { audit } from '../audit.js';
import type { CoreDeps } from '../deps.js';
import { fail } from '../errors.js';
import type { Actor, Program } from '../model.js';
import type { Activity } from './model.js';
import { reviewDm } from './render.js';

const PAGE = 15;

export interface PendingReview {
  /** Oldest first, at most a page; each with the other activity sharing its evidence link. */
  items: Array<{ activity: Activity; sameLink: Activity[] }>;
  total: number;
}

export async function pendingReview(deps: CoreDeps, o: { program: Program }): Promise<PendingReview> {
  const { store } = deps;
  const { items, total } = await store.activity.pending(o.program.id, PAGE);
  const withLinks: PendingReview['items'] = [];
  for (const activity of items) {
    withLinks.push({ activity, sameLink: activity.link ? await store.activity.sameLink(o.program.id, activity.link, activity.id) : [] });
  }
  return { items: withLinks, total };
}

/** The activity, if it belongs to a program of the actor's workspace. */
async function activityHere(deps: CoreDeps, actor: Actor, id: number): Promise<{ activity: Activity; program: Program }> {
  const activity = await deps.store.activity.byId(id);
  const program = activity && (await deps.store.programs.byId(activity.programId));
  if (!activity || !program || program.platform !== actor.member.platform || program.workspaceId !== actor.member.workspaceId) {
    return fail('invalid_input', `There is no activity #${id} here. /activity review lists the pending ones.`);
  }
  return { activity, program };
}

export type ReviewOutcome =
  | { kind: 'decided'; activity: Activity; approved: boolean }
  /** Someone reviewed it first: `current` is how it stands now. */
  | { kind: 'already'; activityId: number; current: Activity | null };

export async function reviewActivity(deps: CoreDeps, o: { actor: Actor; activityId: number; approve: boolean; reason?: string }): Promise<ReviewOutcome> {
  const { activity, program } = await activityHere(deps, o.actor, o.activityId);
  if (activity.memberId === o.actor.member.id) fail('not_allowed', 'Another staff member needs to review your own activity.');
  const reason = o.reason?.trim() || null;
  if (!o.approve && !reason) fail('invalid_input', 'reason: tell the ambassador why, e.g. reason:"the link does not show the post".');
  const now = deps.now();
  const status = o.approve ? 'verified' : 'rejected';
  const done = await deps.store.transaction(async (r) => {
    if (!(await r.activity.review(activity.id, { status, reviewedById: o.actor.member.id, reviewedAt: now, reviewReason: reason }))) return false;
    await audit(r, {
      programId: program.id, actorId: o.actor.member.id, action: `activity.${status}`, subject: { type: 'activity', id: activity.id }, reason,
      data: { member: activity.memberId, points: activity.points },
    }, now);
    await r.outbox.enqueue({ kind: 'dm', memberId: activity.memberId, message: reviewDm(program, activity, { approved: o.approve, reason }) });
    return true;
  });
  if (!done) return { kind: 'already', activityId: activity.id, current: await deps.store.activity.byId(activity.id) };
  deps.kick();
  return { kind: 'decided', activity, approved: o.approve };
}
