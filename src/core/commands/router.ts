// Runs one command invocation: find it, validate its options with its zod schema, resolve the
// program it acts on, check who may run it (in the core, whatever the platform's own permissions
// say), run it, and turn domain errors into short, kind answers. DMs that couldn't be delivered
// ride along with the next reply.
import type { CoreDeps } from '../deps.js';
import { DomainError, errorReference } from '../errors.js';
import type { Member, Program } from '../model.js';
import type { CommandInvocation, Reply } from '../ports/chat-platform.js';
import { isOnCommittee } from '../programs/committee.js';
import { resolveProgram } from '../programs/resolve.js';
import { say } from '../replies.js';
import { ClaimLost } from '../inbound.js';
import type { CommandContext, ProgramContext } from './context.js';
import type { Command } from './define.js';
import { isGroup } from './help.js';
import { optionProblems } from './problems.js';

export async function runCommand(deps: CoreDeps, commands: ReadonlyMap<string, Command>, inv: CommandInvocation): Promise<Reply> {
  const name = inv.name.trim().toLowerCase().split(/\s+/).join(' ');
  const cmd = commands.get(name) ?? groupDefault(commands, name);
  // A group typed alone ("/program") is answered as "/help program": its commands.
  if (!cmd && commands.has('help') && isGroup([...commands.values()], name)) return runCommand(deps, commands, { ...inv, name: 'help', options: { command: name } });
  if (!cmd) return say(`I don't know the command /${inv.name}. Use /help to see what I can do.`);
  const parsed = cmd.schema.safeParse(inv.options);
  if (!parsed.success) return say(optionProblems(cmd, parsed.error.issues, inv.options));
  try {
    const member = await deps.store.members.upsert(inv.user);
    const isStaff = inv.user.isAdmin === true || (await deps.store.staff.isStaff(member.id));
    if (cmd.access === 'staff' && !isStaff) return say(`Only staff can use /${cmd.name}.`);
    const ctx: CommandContext = {
      deps, user: inv.user, member, channel: inv.channel, isStaff, actor: { member, isStaff }, commands: [...commands.values()],
      nameOf: (id) => inv.names?.[id],
    };
    let run: CommandContext | ProgramContext = ctx;
    if (cmd.program) {
      const program = await resolveProgram(deps.store, inv.user.platform, inv.user.workspaceId, parsed.data.program as string | undefined);
      const refused = await refusal(deps, cmd, program, member, isStaff);
      if (refused) return say(refused);
      run = { ...ctx, program };
    }
    return withNotices(deps, member.id, await cmd.run(run, parsed.data));
  } catch (err) {
    return replyToError(deps, err, { command: inv.name, user: inv.user.id });
  }
}

/** A group typed alone runs its default command, when it has one (`/mydata` is `/mydata show`). */
function groupDefault(commands: ReadonlyMap<string, Command>, group: string): Command | undefined {
  return [...commands.values()].find((c) => c.groupDefault && c.name.startsWith(`${group} `) && !c.name.slice(group.length + 1).includes(' '));
}

/** Why this person may not run a program command, or null. One place for every access level. */
async function refusal(deps: CoreDeps, cmd: Command, program: Program, member: Member, isStaff: boolean): Promise<string | null> {
  switch (cmd.access) {
    case 'anyone':
    case 'staff':
      return null;
    case 'committee':
      return isStaff || (await isOnCommittee(deps, deps.store, program, member)) ? null : `Only the ${program.name} committee and staff can use /${cmd.name}.`;
    case 'ambassador': {
      const amb = await deps.store.ambassadors.byMember(program.id, member.id);
      return amb?.status === 'active' ? null : `Only ${program.name} ambassadors can use /${cmd.name}. Curious? /apply tells you how to join.`;
    }
  }
}

export function replyToError(deps: CoreDeps, err: unknown, context: Record<string, unknown>): Reply {
  if (err instanceof DomainError) return say(err.message);
  if (err instanceof ClaimLost) return { kind: 'taken' }; // another process finished it and answers
  const ref = errorReference(deps.random);
  deps.log.error({ err, ref, ...context }, 'unexpected error');
  return say(`Something went wrong on my side. Please try again in a moment; if it keeps happening, give staff this reference: ${ref}.`);
}

async function withNotices(deps: CoreDeps, memberId: number, reply: Reply): Promise<Reply> {
  if (reply.kind !== 'message' || !reply.private) return reply;
  const notices = await deps.store.notices.take(memberId, deps.now());
  if (!notices.length) return reply;
  return {
    ...reply,
    message: { ...reply.message, text: `${reply.message.text}\n\n---\nI couldn't reach you by direct message earlier:\n\n${notices.join('\n\n')}` },
  };
}
