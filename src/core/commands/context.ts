// What a command handler gets: who is asking, where, the core's dependencies and, for a command
// that acts on one program, that program (resolved once by the router).
import type { CoreDeps } from '../deps.js';
import type { Actor, Member, Program } from '../model.js';
import type { ChannelRef, UserRef } from '../ports/chat-platform.js';
import type { Command } from './define.js';

export interface CommandContext {
  deps: CoreDeps;
  user: UserRef;
  member: Member;
  channel: ChannelRef;
  /** Platform administrator, or listed with /staff add. Checked in the core, not only by platform permissions. */
  isStaff: boolean;
  /** The same member and staff flag, in the shape use cases take. */
  actor: Actor;
  /** The display name of a mentioned user, when the platform told us. */
  nameOf(userId: string): string | undefined;
  /** Every command, as registered (for /help). */
  commands: readonly Command[];
}

export interface ProgramContext extends CommandContext {
  program: Program;
}
