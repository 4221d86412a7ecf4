// The applicant's own view (status, withdraw) and the committee's queue (pending).
import type { CommandContext } from '../commands/context.js';
import { audit } from '../audit.js';
import { fail } from '../errors.js';
import { openStatuses } from '../model.js';
import { committeeMembers, isOnCommittee } from '../programs/committee.js';
import type { Reply } from '../ports/chat-platform.js';
import { say } from '../replies.js';
import { formatDate } from '../text.js';
import { statusText } from './render.js';
import { reapplyDate } from './submit.js';

export async function applicationStatus(ctx: CommandContext, input: { program?: string }): Promise<Reply> {
  const program = await ctx.program(input.program);
  const last = await ctx.deps.store.applications.latestFor(program.id, ctx.member.id);
  if (!last) return say(`You haven't applied to ${program.name} yet. Use /apply when you're ready.`);
  const amb = last.status === 'accepted' ? await ctx.deps.store.ambassadors.byMember(program.id, ctx.member.id) : null;
  let text = statusText(program, last, amb?.status === 'removed' && amb.applicationId === last.id ? amb.removedAt : null);
  const from = last.status === 'rejected' ? reapplyDate(program, last) : null;
  if (from) text += from > ctx.deps.now() ? ` You can apply again from ${formatDate(from, program.timeZone)}.` : ' You can apply again now.';
  return say(text);
}

export async function withdrawApplication(ctx: CommandContext, input: { program?: string }): Promise<Reply> {
  const program = await ctx.program(input.program);
  const { store, now } = ctx.deps;
  const open = await store.applications.openFor(program.id, ctx.member.id);
  const waiting = open ?? (await store.applications.withStatus(program.id, ['waitlisted'])).find((a) => a.applicantId === ctx.member.id);
  if (!waiting) return say(`You have no open application to ${program.name} to withdraw.`);
  const done = await store.transaction(async (r) => {
    if (!(await r.applications.transition(waiting.id, [...openStatuses, 'waitlisted'], { status: 'withdrawn', decidedAt: now() }))) return false;
    await audit(r, { programId: program.id, actorId: ctx.member.id, action: 'application.withdrawn', subject: { type: 'application', id: waiting.ref } }, now());
    await r.outbox.enqueue({ kind: 'committee.refresh', applicationId: waiting.id });
    return true;
  });
  if (!done) return say('That application was decided a moment ago; check /application status.');
  ctx.deps.kick();
  return say(`Your application ${waiting.ref} to ${program.name} is withdrawn. You're welcome to apply again whenever you like.`);
}

export async function pendingApplications(ctx: CommandContext, input: { program?: string }): Promise<Reply> {
  const program = await ctx.program(input.program);
  const { store } = ctx.deps;
  if (!ctx.isStaff && !(await isOnCommittee(ctx.deps, store, program, ctx.member))) {
    fail('not_allowed', `Only the ${program.name} committee and staff can see pending applications.`);
  }
  const open = await store.applications.withStatus(program.id, openStatuses);
  if (open.length === 0) return say(`No applications to ${program.name} are waiting for a decision.`);
  const committee = await committeeMembers(ctx.deps, store, program);
  const lines: string[] = [];
  for (const app of open) {
    const voted = new Set((await store.votes.list(app.id)).map((v) => v.voterId));
    const missing = committee.filter((m) => !voted.has(m.id) && m.id !== app.applicantId && m.id !== app.referrerId);
    const state = app.status === 'voting' ? `closes ${formatDate(app.votingEndsAt, program.timeZone)}` : 'waiting for staff';
    lines.push(`**${app.ref}** — ${voted.size} vote${voted.size === 1 ? '' : 's'} (quorum ${program.quorum}), ${state}. Not voted yet: ${missing.map((m) => m.displayName).join(', ') || 'nobody'}`);
  }
  return say(lines.join('\n'), { title: `Pending applications — ${program.name}` });
}
