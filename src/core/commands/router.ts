// Runs one command invocation: find it, validate its options with its zod schema, check who may
// run it (in the core, whatever the platform's own permissions say), run it, and turn domain
// errors into short, kind answers. DMs that couldn't be delivered ride along with the next reply.
import type { Command } from '../../../commands/define.js';
import type { CoreDeps } from '../deps.js';
import { DomainError, errorReference } from '../errors.js';
import type { CommandInvocation, Reply } from '../ports/chat-platform.js';
import { say } from '../replies.js';
import { commandContext } from './context.js';

export async function runCommand(deps: CoreDeps, commands: ReadonlyMap<string, Command>, inv: CommandInvocation): Promise<Reply> {
  const cmd = commands.get(inv.name.trim().toLowerCase());
  if (!cmd) return say(`I don't know the command /${inv.name}. Use /help to see what I can do.`);
  const parsed = cmd.schema.safeParse(inv.options);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) =>
      i.code === 'unrecognized_keys' ? `I don't know the option${i.keys.length > 1 ? 's' : ''} ${i.keys.join(', ')}` : `${i.path.join('.')}: ${i.message}`,
    );
    return say(`/${cmd.name} — please check: ${problems.join('; ')}.`);
  }
  try {
    const member = await deps.store.members.upsert(inv.user);
    const isStaff = inv.user.isAdmin === true || (await deps.store.staff.isStaff(member.id));
    if (cmd.access === 'staff' && !isStaff) return say(`Only staff can use /${cmd.name}.`);
    const reply = await cmd.run(commandContext(deps, inv.user, member, inv.channel, isStaff, inv.names), parsed.data);
    return withNotices(deps, member.id, reply);
  } catch (err) {
    return replyToError(deps, err, { command: inv.name, user: inv.user.id });
  }
}

export function replyToError(deps: CoreDeps, err: unknown, context: Record<string, unknown>): Reply {
  if (err instanceof DomainError) return say(err.message);
  const ref = errorReference();
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
