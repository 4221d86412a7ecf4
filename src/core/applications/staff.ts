// Staff actions on people: override a decision, remove an ambassador, retry role grants, read the audit.
import type { CommandContext } from '../commands/context.js';
import { audit } from '../audit.js';
import { fail } from '../errors.js';
import { openStatuses } from '../model.js';
import type { Reply } from '../ports/chat-platform.js';
import { say } from '../replies.js';
import { formatDate } from '../text.js';
import { decide, places, promoteWaitlist, type Outcome } from './decide.js';
import { removalMessage } from './render.js';

export async function overrideDecision(
  ctx: CommandContext,
  input: { ref: string; outcome: Outcome; reason?: string; note?: string },
): Promise<Reply> {
  const { store } = ctx.deps;
  const app = await store.applications.byRef(input.ref.toUpperCase());
  const program = app && (await store.programs.byId(app.programId));
  if (!app || !program || program.workspaceId !== ctx.user.workspaceId || program.platform !== ctx.user.platform) {
    return fail('application_not_found', `I couldn't find application ${input.ref}. References look like A7K3Q.`);
  }
  if (input.outcome === 'reject' && input.reason) {
    const reasons = await store.reasons.list(program.id);
    if (!reasons.some((r) => r.code === input.reason)) {
      fail('reason_not_found', `reason: “${input.reason}” isn't a preset. Choose one of: ${reasons.map((r) => r.code).join(', ')} (edit them with /program reasons).`);
    }
  }
  type Result = { refused: string } | { status: Awaited<ReturnType<typeof decide>>; was: string };
  const result = await store.transaction(async (r): Promise<Result> => {
    await r.applications.lock(app.id);
    const current = (await r.applications.byId(app.id))!;
    if (input.outcome === 'waitlist') {
      const room = await places(r, program);
      // The waitlist is a queue for a full program: with a place free, waiting would be for nothing.
      if (room.free > 0) return { refused: `${program.name} has ${room.free} free place${room.free === 1 ? '' : 's'} (${room.active} of ${program.capacity} taken), so there is nothing to wait for. Accept ${app.ref} with outcome:accept instead.` };
    }
    if (input.outcome === 'accept' && current.status === 'waitlisted') {
      return { refused: `${program.name} is full (${program.capacity} of ${program.capacity}); ${app.ref} keeps their place on the waitlist and moves up as soon as a place frees. To make room, raise the capacity with /program setup capacity:… or use /ambassador remove.` };
    }
    const status = await decide(ctx.deps, r, program, current, {
      outcome: input.outcome, actorId: ctx.member.id, reasonCode: input.reason ?? (input.outcome === 'reject' ? 'not_right_fit' : undefined),
      note: input.note ?? null, from: [...openStatuses, 'waitlisted'],
    });
    return { status, was: current.status };
  });
  if ('refused' in result) return say(result.refused);
  if (!result.status) return say(`Application ${app.ref} is already ${result.was}; there is nothing to decide. (Use /ambassador remove for an accepted ambassador.)`);
  ctx.deps.kick();
  const full = input.outcome === 'accept' && result.status === 'waitlisted' ? ' (the program is full, or others were waiting first)' : '';
  return say(`Application ${app.ref} is now **${result.status}**${full}. The applicant will be told.`);
}

export async function removeAmbassador(ctx: CommandContext, input: { program?: string; user: string; reason?: string }): Promise<Reply> {
  const program = await ctx.program(input.program);
  const { store, now } = ctx.deps;
  const member = await store.members.byPlatformId(ctx.user.platform, ctx.user.workspaceId, input.user);
  const amb = member && (await store.ambassadors.byMember(program.id, member.id));
  if (!member || !amb || amb.status !== 'active') return say(`That person isn't an active ${program.name} ambassador.`);
  const promoted = await store.transaction(async (r) => {
    if (!(await r.ambassadors.remove(amb.id, now()))) return -1;
    await audit(r, { programId: program.id, actorId: ctx.member.id, action: 'ambassador.removed', subject: { type: 'member', id: member.id }, reason: input.reason ?? null }, now());
    if (program.ambassadorTarget) await r.outbox.enqueue({ kind: 'revoke', ambassadorId: amb.id });
    await r.outbox.enqueue({ kind: 'dm', memberId: member.id, message: removalMessage(program) });
    return promoteWaitlist(ctx.deps, r, program);
  });
  if (promoted < 0) return say(`${member.displayName} was removed a moment ago already.`);
  ctx.deps.kick();
  return say(`${member.displayName} is no longer a ${program.name} ambassador.${promoted ? ` ${promoted} from the waitlist ${promoted === 1 ? 'takes' : 'take'} the free place.` : ''}`);
}

/** Retries the role/channel grant for every active ambassador who doesn't have it. */
export async function syncAmbassadors(ctx: CommandContext, input: { program?: string }): Promise<Reply> {
  const program = await ctx.program(input.program);
  if (!program.ambassadorTarget) return say(`${program.name} has no ambassador role or channel set. Add one with /program setup ambassador_role:…`);
  const pending = (await ctx.deps.store.ambassadors.active(program.id)).filter((a) => !a.grantedAt);
  await ctx.deps.store.transaction(async (r) => {
    for (const a of pending) await r.outbox.enqueue({ kind: 'grant', ambassadorId: a.id });
  });
  ctx.deps.kick();
  return say(pending.length ? `Retrying the grant for ${pending.length} ambassador${pending.length === 1 ? '' : 's'}. I'll report any that still fail in the committee channel.` : 'Every active ambassador already has the role or channel.');
}

export async function listAudit(ctx: CommandContext, input: { program?: string; limit?: number }): Promise<Reply> {
  const program = await ctx.program(input.program);
  const entries = await ctx.deps.store.audit.latest([program.id], input.limit ?? 15);
  if (!entries.length) return say('Nothing in the audit log yet.');
  // People are named, never shown as ids: actors, and members an entry is about.
  const names = new Map<number, string>();
  const nameOf = async (id: number) => {
    if (!names.has(id)) names.set(id, (await ctx.deps.store.members.byId(id))?.displayName ?? 'a former member');
    return names.get(id)!;
  };
  const lines: string[] = [];
  for (const e of entries) {
    const actor = e.actorId ? await nameOf(e.actorId) : 'rules';
    const subject = e.subjectType === 'member' && /^\d+$/.test(e.subjectId) ? await nameOf(Number(e.subjectId)) : `${e.subjectType} ${e.subjectId}`;
    lines.push(`${formatDate(e.createdAt, program.timeZone)} — ${actor}: ${e.action} ${subject}${e.reason ? ` (${e.reason})` : ''}`);
  }
  return say(lines.join('\n'), { title: `Audit — ${program.name}` });
}
