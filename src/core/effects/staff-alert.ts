// A staff alert goes where staff read it: the staff channel if set, else the committee channel.
// When that channel can't be reached (the bot was removed from it, it was deleted), the alert must
// not vanish with it: every staff member gets it by DM, and /program show keeps it as the last
// undelivered problem until something newer replaces it.
import type { CoreDeps } from '../deps.js';
import type { Member, Program } from '../model.js';
import { PlatformError, type ChatPlatform, type OutboundMessage } from '../ports/chat-platform.js';
import { userRefOf } from './people.js';

export async function deliverStaffAlert(
  d: CoreDeps, platform: ChatPlatform, program: Program, text: string, key?: string, look: { title?: string; tone?: OutboundMessage['tone'] } = {},
): Promise<void> {
  const message: OutboundMessage = { title: look.title ?? 'Staff: action needed', text, tone: look.tone ?? 'warning' };
  const channels = [...new Set([program.staffChannelId, program.committeeChannelId].filter((c): c is string => Boolean(c)))];
  const problems: string[] = [];
  for (const id of channels) {
    try {
      await platform.post({ platform: program.platform, workspaceId: program.workspaceId, id }, message, { key: key && `${key}:${id}` });
      if (problems.length) await recordProblem(d, program, text, problems);
      return;
    } catch (err) {
      if (err instanceof PlatformError && err.retryable) throw err;
      problems.push(`<#${id}>: ${err instanceof Error ? err.message : String(err)}${err instanceof PlatformError && err.fix ? ` (to fix: ${err.fix})` : ''}`);
    }
  }
  if (!channels.length) problems.push('no staff or committee channel is set');
  await recordProblem(d, program, text, problems);
  let reached = 0;
  for (const m of await staffOf(d, program)) {
    try {
      await platform.dm(userRefOf(m), { ...message, text: `${text}\n\n(I couldn't post this where staff alerts go — ${problems.join('; ')}.)` });
      reached++;
    } catch (err) {
      d.log.warn({ member: m.id, err: String(err) }, 'could not DM a staff member an alert');
    }
  }
  d.log.error({ program: program.id, reached, problems }, 'staff alert not delivered to its channel');
}

/** The people to tell: staff listed in the workspace, and whoever created the program. */
async function staffOf(d: CoreDeps, program: Program): Promise<Member[]> {
  const listed = await d.store.staff.inWorkspace(program.platform, program.workspaceId);
  const creatorId = await d.store.audit.firstActor(program.id, 'program.created');
  const creator = creatorId && !listed.some((m) => m.id === creatorId) ? await d.store.members.byId(creatorId) : null;
  return creator ? [...listed, creator] : listed;
}

async function recordProblem(d: CoreDeps, program: Program, text: string, problems: string[]): Promise<void> {
  await d.store.programs.update(program.id, { lastProblem: { text: `${text} — not delivered to ${problems.join('; ')}`, at: d.now() } });
}
