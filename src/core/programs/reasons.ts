// Staff keep the preset rejection reasons applicants are told. The built-in ones are what the rules
// and a full program say, so they can be reworded but not removed.
import type { CoreDeps } from '../deps.js';
import { audit } from '../audit.js';
import type { Actor, Program, RejectionReason } from '../model.js';
import { builtInReasons } from '../applications/reasons.js';

export const reasonCode = (raw: string) => raw.trim().toLowerCase().replace(/[^a-z0-9_]+/g, '_');

export function listReasons(deps: CoreDeps, o: { program: Program }): Promise<RejectionReason[]> {
  return deps.store.reasons.list(o.program.id);
}

/** Adds a reason or rewords one; returns it as stored (the code normalised). */
export async function saveReason(deps: CoreDeps, o: { actor: Actor; program: Program; code: string; label: string }): Promise<{ code: string; label: string }> {
  const code = reasonCode(o.code);
  await deps.store.transaction(async (r) => {
    await r.reasons.upsert(o.program.id, code, o.label);
    await audit(r, { programId: o.program.id, actorId: o.actor.member.id, action: 'reason.saved', subject: { type: 'reason', id: code }, data: { label: o.label } }, deps.now());
  });
  return { code, label: o.label };
}

export type ReasonRemoval = { kind: 'built-in' | 'removed' | 'not-found'; code: string };

export async function removeReason(deps: CoreDeps, o: { actor: Actor; program: Program; code: string }): Promise<ReasonRemoval> {
  const code = reasonCode(o.code);
  if (builtInReasons.has(code)) return { kind: 'built-in', code };
  const removed = await deps.store.transaction(async (r) => {
    const did = await r.reasons.remove(o.program.id, code);
    if (did) await audit(r, { programId: o.program.id, actorId: o.actor.member.id, action: 'reason.removed', subject: { type: 'reason', id: code } }, deps.now());
    return did;
  });
  return { kind: removed ? 'removed' : 'not-found', code };
}
