// Who is who: the committee list and the staff list, kept by staff.
import type { CommandContext } from '../commands/context.js';
import { audit } from '../audit.js';
import type { Program } from '../model.js';
import type { Reply } from '../ports/chat-platform.js';
import { say } from '../replies.js';
import { committeeMembers } from './committee.js';
import type { CoreDeps } from '../deps.js';
import { settle } from '../voting/settle.js';

/**
 * Adds or removes a committee member. Only current members' votes count, so every open application
 * is settled again (a removal can change a tally) and its post updated (a new member is a voter).
 */
export async function changeCommittee(ctx: CommandContext, program: Program, userId: string, add: boolean): Promise<Reply> {
  const { store, now } = ctx.deps;
  const member = await store.members.ensure(ctx.user.platform, ctx.user.workspaceId, userId, ctx.nameOf(userId));
  const changed = await store.transaction(async (r) => {
    const did = add ? (await r.committee.add(program.id, member.id), true) : await r.committee.remove(program.id, member.id);
    if (did) await audit(r, { programId: program.id, actorId: ctx.member.id, action: add ? 'committee.added' : 'committee.removed', subject: { type: 'member', id: member.id } }, now());
    return did;
  });
  const note = program.committeeRef ? ` Note: ${program.name} takes its committee from ${program.committeeRef}; this list is used only without one.` : '';
  if (!add && !changed) return say(`${member.displayName} isn't on the ${program.name} committee.${note}`);
  const size = await resettleOpenApplications(ctx.deps, program);
  // Adding members one by one passes through "too few": only a removal earns the warning.
  return say(`${member.displayName} ${add ? 'joined' : 'left'} the ${program.name} committee.${note}${add ? '' : quorumWarning(program, size)}`);
}

/** Settles every open vote with the committee as it is now; returns the committee's size. */
export async function resettleOpenApplications(deps: CoreDeps, program: Program): Promise<number> {
  const committee = new Set((await committeeMembers(deps, deps.store, program)).map((m) => m.id));
  for (const open of await deps.store.applications.withStatus(program.id, ['voting'])) {
    await deps.store.transaction(async (r) => {
      await r.applications.lock(open.id);
      const app = await r.applications.byId(open.id);
      if (app && (await settle(deps, r, program, app, committee)) === 'pending') await r.outbox.enqueue({ kind: 'committee.refresh', applicationId: app.id });
    });
  }
  deps.kick();
  return committee.size;
}

/** Staff hear it when the rules can't be met by votes alone. */
export function quorumWarning(program: Program, committeeSize: number): string {
  if (program.committeeRef || committeeSize >= program.quorum) return '';
  return `\n\nHeads up: the quorum is ${program.quorum} but the committee has ${committeeSize} member${committeeSize === 1 ? '' : 's'}, so votes alone can't decide (an applicant or referrer on the committee can't vote on their own application either). Add members with /committee add, or lower the quorum with /program rules quorum:${Math.max(committeeSize, 1)}.`;
}

export async function showCommittee(ctx: CommandContext, program: Program): Promise<Reply> {
  const members = await committeeMembers(ctx.deps, ctx.deps.store, program);
  return say(members.length ? members.map((m) => `• ${m.displayName}`).join('\n') : 'Nobody yet. Add members with /committee add user:@someone.', {
    title: `Committee — ${program.name}`,
  });
}

export async function changeStaff(ctx: CommandContext, userId: string, add: boolean): Promise<Reply> {
  const { store, now } = ctx.deps;
  const member = await store.members.ensure(ctx.user.platform, ctx.user.workspaceId, userId, ctx.nameOf(userId));
  if (!add && member.id === ctx.member.id) return say("You can't remove yourself from staff; ask another staff member.");
  const changed = await store.transaction(async (r) => {
    const did = add ? (await r.staff.add(member.id), true) : await r.staff.remove(member.id);
    if (did) await audit(r, { programId: null, actorId: ctx.member.id, action: add ? 'staff.added' : 'staff.removed', subject: { type: 'member', id: member.id } }, now());
    return did;
  });
  if (!add && !changed) return say(`${member.displayName} isn't on the staff list (platform administrators are staff anyway).`);
  return say(`${member.displayName} is ${add ? 'now' : 'no longer'} staff.`);
}
