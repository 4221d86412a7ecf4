// Who is who: the committee list and the staff list, kept by staff. A committee change settles
// open votes again, since only current members' votes count.
import type { CoreDeps } from '../deps.js';
import { audit } from '../audit.js';
import type { Actor, Member, Program } from '../model.js';
import { settle } from '../voting/settle.js';
import { committeeIds, committeeMembers } from './committee.js';

/** A person named in a command: their platform id, and their display name when the platform told us. */
export interface PersonRef {
  userId: string;
  name?: string;
}

export interface CommitteeChange {
  member: Member;
  added: boolean;
  /** False when removing someone who wasn't on the list (nothing was settled again). */
  changed: boolean;
  /** The committee's size after the change, when open votes were settled again. */
  committeeSize: number | null;
}

/**
 * Adds or removes a committee member. Only current members' votes count, so every open application
 * is settled again (a removal can change a tally) and its post updated (a new member is a voter).
 */
export async function changeCommittee(deps: CoreDeps, o: { actor: Actor; program: Program; person: PersonRef; add: boolean }): Promise<CommitteeChange> {
  const { program, add } = o;
  const { store, now } = deps;
  const member = await store.members.ensure(program.platform, program.workspaceId, o.person.userId, o.person.name);
  const changed = await store.transaction(async (r) => {
    const did = add ? (await r.committee.add(program.id, member.id), true) : await r.committee.remove(program.id, member.id);
    if (did) await audit(r, { programId: program.id, actorId: o.actor.member.id, action: add ? 'committee.added' : 'committee.removed', subject: { type: 'member', id: member.id } }, now());
    return did;
  });
  if (!add && !changed) return { member, added: add, changed, committeeSize: null };
  return { member, added: add, changed, committeeSize: await resettleOpenApplications(deps, program) };
}

/** Settles every open vote with the committee as it is now; returns the committee's size. */
export async function resettleOpenApplications(deps: CoreDeps, program: Program): Promise<number> {
  const committee = await committeeIds(deps, deps.store, program);
  for (const open of await deps.store.applications.withStatus(program.id, ['voting'])) {
    await deps.store.transaction(async (r) => {
      const app = await r.applications.lock(open.id);
      if (app && (await settle(deps, r, program, app, committee)) === 'pending') await r.outbox.enqueue({ kind: 'committee.refresh', applicationId: app.id });
    });
  }
  deps.kick();
  return committee.size;
}

export function listCommittee(deps: CoreDeps, o: { program: Program }): Promise<Member[]> {
  return committeeMembers(deps, deps.store, o.program);
}

export type StaffChange = { kind: 'self-removal' } | { kind: 'changed' | 'unchanged'; member: Member; added: boolean };

/** Staff beyond the platform's administrators, for the actor's whole workspace. */
export async function changeStaff(deps: CoreDeps, o: { actor: Actor; person: PersonRef; add: boolean }): Promise<StaffChange> {
  const { store, now } = deps;
  const { platform, workspaceId } = o.actor.member;
  const member = await store.members.ensure(platform, workspaceId, o.person.userId, o.person.name);
  if (!o.add && member.id === o.actor.member.id) return { kind: 'self-removal' };
  const changed = await store.transaction(async (r) => {
    const did = o.add ? (await r.staff.add(member.id), true) : await r.staff.remove(member.id);
    if (did) await audit(r, { programId: null, actorId: o.actor.member.id, action: o.add ? 'staff.added' : 'staff.removed', subject: { type: 'member', id: member.id } }, now());
    return did;
  });
  return { kind: changed ? 'changed' : 'unchanged', member, added: o.add };
}
