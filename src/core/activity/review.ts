// Staff verify or reject logged activity. A conditional update is the gate, so two reviewers (or a
// double click) can never both decide; the ambassador hears the outcome by DM.
import type { CommandContext } from '../commands/context.js';
import { audit } from '../audit.js';
import { fail } from '../errors.js';
import type { Program } from '../model.js';
import type { Reply } from '../ports/chat-platform.js';
import { say } from '../replies.js';
import { requireStaff } from './kinds.js';
import type { Activity } from './model.js';
import { activityLine } from './render.js';
import { formatPoints } from '../text.js';

const PAGE = 15;

export async function reviewList(ctx: CommandContext, program: Program): Promise<Reply> {
  requireStaff(ctx, 'review activity');
  const { store } = ctx.deps;
  const { items, total } = await store.activity.pending(program.id, PAGE);
  if (!items.length) return say(`Nothing waiting for review in ${program.name}.`);
  const lines: string[] = [];
  for (const a of items) {
    let line = activityLine(a, { who: true });
    if (a.link) {
      const same = await store.activity.sameLink(program.id, a.link, a.id);
      if (same.length) line += `\n   ⚠️ same link as ${same.map((s) => `#${s.id} (${s.memberName}, ${s.status})`).join(', ')}`;
    }
    lines.push(line);
  }
  const more = total > items.length ? `\n\n…and ${total - items.length} more (oldest first; review these to see the next).` : '';
  return say(`${lines.join('\n')}${more}`, {
    title: `Activity to review — ${program.name} (${total})`,
    footer: 'Approve with /activity approve id:<n>, reject with /activity reject id:<n> reason:"…"',
  });
}

/** The activity, if it belongs to a program of the caller's workspace. */
async function activityHere(ctx: CommandContext, id: number): Promise<{ activity: Activity; program: Program }> {
  const { store } = ctx.deps;
  const activity = await store.activity.byId(id);
  const program = activity && (await store.programs.byId(activity.programId));
  if (!activity || !program || program.platform !== ctx.user.platform || program.workspaceId !== ctx.user.workspaceId) {
    return fail('invalid_input', `There is no activity #${id} here. /activity review lists the pending ones.`);
  }
  return { activity, program };
}

export async function decideActivity(ctx: CommandContext, input: { id: number; approve: boolean; reason?: string }): Promise<Reply> {
  requireStaff(ctx, input.approve ? 'approve activity' : 'reject activity');
  const { activity, program } = await activityHere(ctx, input.id);
  if (activity.memberId === ctx.member.id) fail('not_allowed', 'Another staff member needs to review your own activity.');
  const reason = input.reason?.trim() || null;
  if (!input.approve && !reason) fail('invalid_input', 'reason: tell the ambassador why, e.g. reason:"the link does not show the post".');
  const now = ctx.deps.now();
  const status = input.approve ? 'verified' : 'rejected';
  const done = await ctx.deps.store.transaction(async (r) => {
    if (!(await r.activity.review(activity.id, { status, reviewedById: ctx.member.id, reviewedAt: now, reviewReason: reason }))) return false;
    await audit(r, {
      programId: program.id, actorId: ctx.member.id, action: `activity.${status}`, subject: { type: 'activity', id: activity.id }, reason,
      data: { member: activity.memberId, points: activity.points },
    }, now);
    const what = `#${activity.id} (${activity.kindLabel} × ${activity.amount}, ${formatPoints(activity.points)})`;
    await r.outbox.enqueue({
      kind: 'dm', memberId: activity.memberId,
      message: input.approve
        ? { title: `${program.name}: activity verified`, text: `Your activity ${what} is verified and counts on the leaderboard. Thank you!`, tone: 'success' }
        : { title: `${program.name}: activity not verified`, text: `Your activity ${what} was not verified: ${reason}\nIf you think this is a mistake, reply to staff with more evidence.`, tone: 'warning' },
    });
    return true;
  });
  if (!done) {
    const now = await ctx.deps.store.activity.byId(activity.id);
    return say(`#${activity.id} was already ${now?.status ?? 'reviewed'}${now?.reviewReason ? ` (${now.reviewReason})` : ''}; nothing changed.`);
  }
  ctx.deps.kick();
  return say(`${input.approve ? 'Verified' : 'Rejected'} #${activity.id} by ${activity.memberName}${input.approve ? ` — ${formatPoints(activity.points)} now count.` : '.'} I let them know.`);
}
