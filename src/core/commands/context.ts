// What a command handler gets: who is asking, where, and the core's dependencies.
import type { CoreDeps } from '../deps.js';
import type { Member, Program } from '../model.js';
import type { ChannelRef, UserRef } from '../ports/chat-platform.js';
import { resolveProgram } from '../programs/resolve.js';

export interface CommandContext {
  deps: CoreDeps;
  user: UserRef;
  member: Member;
  channel: ChannelRef;
  /** Platform administrator, or listed with /staff add. Checked here, not only by platform permissions. */
  isStaff: boolean;
  /** The program named by the `program` option, or the only one in this workspace. */
  program(name?: string): Promise<Program>;
  /** The display name of a mentioned user, when the platform told us. */
  nameOf(userId: string): string | undefined;
}

export function commandContext(
  deps: CoreDeps, user: UserRef, member: Member, channel: ChannelRef, isStaff: boolean, names: Record<string, string> = {},
): CommandContext {
  return {
    deps, user, member, channel, isStaff,
    program: (name) => resolveProgram(deps.store, user.platform, user.workspaceId, name),
    nameOf: (id) => names[id],
  };
}
