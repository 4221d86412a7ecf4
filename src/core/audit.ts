import type { Repositories } from './repositories.js';

export interface AuditInput {
  programId: number | null;
  actorId: number | null;
  action: string;
  subject: { type: string; id: string | number };
  reason?: string | null;
  data?: unknown;
}

/** Every state change leaves a line: who, what, when, why. Call inside the change's transaction. */
export function audit(r: Repositories, e: AuditInput, at: Date): Promise<void> {
  return r.audit.record({
    programId: e.programId, actorId: e.actorId, action: e.action, subjectType: e.subject.type,
    subjectId: String(e.subject.id), reason: e.reason ?? null, data: e.data ?? null, createdAt: at,
  });
}
