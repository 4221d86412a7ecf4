// Who sits on a program's committee: a platform group (Discord role, Slack user group or channel)
// when one is configured, otherwise the explicit list kept with /committee add.
import type { CoreDeps } from '../deps.js';
import type { Member, Program } from '../model.js';
import type { Repositories } from '../repositories.js';

export async function committeeMembers(deps: CoreDeps, r: Repositories, program: Program): Promise<Member[]> {
  const platform = deps.platform(program.platform);
  if (program.committeeRef && platform) {
    const users = await platform.membersOf(program.workspaceId, program.committeeRef);
    const members: Member[] = [];
    for (const u of users.filter((u) => !u.isBot)) members.push(await r.members.upsert(u));
    return members;
  }
  return r.committee.list(program.id);
}

/** The member ids of the committee: what deciding who counts needs (one query for an explicit list, no names). */
export async function committeeIds(deps: CoreDeps, r: Repositories, program: Program): Promise<Set<number>> {
  if (program.committeeRef && deps.platform(program.platform)) return new Set((await committeeMembers(deps, r, program)).map((m) => m.id));
  return new Set(await r.committee.memberIds(program.id));
}

export async function isOnCommittee(deps: CoreDeps, r: Repositories, program: Program, member: Member): Promise<boolean> {
  const platform = deps.platform(program.platform);
  if (program.committeeRef && platform) {
    const users = await platform.membersOf(program.workspaceId, program.committeeRef);
    return users.some((u) => u.id === member.platformUserId);
  }
  return (await r.committee.list(program.id)).some((m) => m.id === member.id);
}
