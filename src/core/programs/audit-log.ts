// The audit log as staff read it: the latest entries of a program, people named (never shown as ids).
import type { CoreDeps } from '../deps.js';
import type { Program } from '../model.js';

export interface AuditLine {
  at: Date;
  /** Who did it; null when the rules did (a vote settled, a window closed). */
  actor: string | null;
  action: string;
  /** A person by name, or a thing by type and id ("application A7K3Q"). */
  subject: { person: string } | { type: string; id: string };
  reason: string | null;
}

export async function auditLog(deps: CoreDeps, o: { program: Program; limit?: number }): Promise<AuditLine[]> {
  const { store } = deps;
  const entries = await store.audit.latest([o.program.id], o.limit ?? 15);
  const names = new Map<number, string>();
  const nameOf = async (id: number) => {
    if (!names.has(id)) names.set(id, (await store.members.byId(id))?.displayName ?? 'a former member');
    return names.get(id)!;
  };
  const lines: AuditLine[] = [];
  for (const e of entries) {
    lines.push({
      at: e.createdAt, actor: e.actorId ? await nameOf(e.actorId) : null, action: e.action, reason: e.reason,
      subject: e.subjectType === 'member' && /^\d+$/.test(e.subjectId) ? { person: await nameOf(Number(e.subjectId)) } : { type: e.subjectType, id: e.subjectId },
    });
  }
  return lines;
}
