// Who may apply now, and when a rejected person may apply again: asked when the form opens and
// again when it comes back, since either can change while someone is typing.
import { openStatuses, type Application, type Member, type Program } from '../model.js';
import type { Repositories } from '../repositories.js';

/** Why this person can't apply now (rendered by ./replies.ts). */
export type Blocker =
  | { kind: 'closed' }
  | { kind: 'in-progress'; app: Application }
  | { kind: 'ambassador' }
  | { kind: 'waitlisted'; app: Application }
  | { kind: 'cooldown'; until: Date };

export function reapplyDate(program: Program, app: Application): Date | null {
  if (!app.decidedAt || program.reapplyCooldownDays <= 0) return null;
  return new Date(app.decidedAt.getTime() + program.reapplyCooldownDays * 86_400_000);
}

/** Why this person can't apply now, or null. */
export async function blocker(r: Repositories, program: Program, member: Member, now: Date): Promise<Blocker | null> {
  if (!program.applicationsOpen) return { kind: 'closed' };
  // An open application is always the latest (a new one can't be made while one is open): one read.
  const last = await r.applications.latestFor(program.id, member.id);
  if (last && openStatuses.includes(last.status)) return { kind: 'in-progress', app: last };
  const amb = await r.ambassadors.byMember(program.id, member.id);
  if (amb?.status === 'active') return { kind: 'ambassador' };
  if (last?.status === 'waitlisted') return { kind: 'waitlisted', app: last };
  if (last?.status === 'rejected' && last.decidedAt) {
    const from = reapplyDate(program, last);
    if (from && from > now) return { kind: 'cooldown', until: from };
  }
  return null;
}
