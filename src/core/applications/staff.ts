// Staff actions on people: override a decision, remove an ambassador, retry role grants. Only
// staff reach these (the router checks access); the actor is who the audit log names.
import type { CoreDeps } from '../deps.js';
import { audit } from '../audit.js';
import { fail } from '../errors.js';
import { openStatuses, type Actor, type Application, type ApplicationStatus, type Member, type Program } from '../model.js';
import { decide, places, promoteWaitlist, type Outcome } from './decide.js';
import { removalMessage } from './render.js';

export type OverrideOutcome =
  /** Waitlisting while places are free would be waiting for nothing. */
  | { kind: 'places-free'; program: Program; app: Application; free: number; active: number }
  /** A waitlisted person can't be accepted past the queue: they move up when a place frees. */
  | { kind: 'keeps-waiting'; program: Program; app: Application }
  | { kind: 'already-decided'; app: Application; status: ApplicationStatus }
  /** `queued`: staff asked to accept, and the program was full or others were waiting first. */
  | { kind: 'decided'; app: Application; status: ApplicationStatus; queued: boolean };

export interface OverrideInput {
  actor: Actor;
  /** The application reference, e.g. A7K3Q (any case). */
  ref: string;
  outcome: Outcome;
  /** A preset rejection reason code; a rejection without one is "not the right fit". */
  reasonCode?: string;
  /** For the applicant, with the decision. */
  note?: string;
}

export async function overrideDecision(deps: CoreDeps, o: OverrideInput): Promise<OverrideOutcome> {
  const { store } = deps;
  const where = o.actor.member;
  const app = await store.applications.byRef(o.ref.toUpperCase());
  const program = app && (await store.programs.byId(app.programId));
  if (!app || !program || program.workspaceId !== where.workspaceId || program.platform !== where.platform) {
    return fail('application_not_found', `I couldn't find application ${o.ref}. References look like A7K3Q.`);
  }
  if (o.outcome === 'reject' && o.reasonCode) {
    const reasons = await store.reasons.list(program.id);
    if (!reasons.some((r) => r.code === o.reasonCode)) {
      fail('reason_not_found', `reason: “${o.reasonCode}” isn't a preset. Choose one of: ${reasons.map((r) => r.code).join(', ')} (edit them with /program reasons).`);
    }
  }
  const result = await store.transaction(async (r): Promise<OverrideOutcome> => {
    const current = (await r.applications.lock(app.id))!;
    if (o.outcome === 'waitlist') {
      const room = await places(r, program);
      // The waitlist is a queue for a full program: with a place free, waiting would be for nothing.
      if (room.free > 0) return { kind: 'places-free', program, app, free: room.free, active: room.active };
    }
    if (o.outcome === 'accept' && current.status === 'waitlisted') return { kind: 'keeps-waiting', program, app };
    const status = await decide(deps, r, program, current, {
      outcome: o.outcome, actorId: where.id, reasonCode: o.reasonCode ?? (o.outcome === 'reject' ? 'not_right_fit' : undefined),
      note: o.note ?? null, from: [...openStatuses, 'waitlisted'],
    });
    if (!status) return { kind: 'already-decided', app, status: current.status };
    return { kind: 'decided', app, status, queued: o.outcome === 'accept' && status === 'waitlisted' };
  });
  if (result.kind === 'decided') deps.kick();
  return result;
}

export type RemovalOutcome =
  | { kind: 'not-ambassador' }
  | { kind: 'already-removed'; member: Member }
  /** `promoted`: how many from the waitlist took the freed place. */
  | { kind: 'removed'; member: Member; promoted: number };

/** Removes an active ambassador (platform user id `userId`): role revoked, told by DM, place refilled. */
export async function removeAmbassador(deps: CoreDeps, o: { actor: Actor; program: Program; userId: string; reason?: string }): Promise<RemovalOutcome> {
  const { program } = o;
  const { store, now } = deps;
  const member = await store.members.byPlatformId(program.platform, program.workspaceId, o.userId);
  const amb = member && (await store.ambassadors.byMember(program.id, member.id));
  if (!member || !amb || amb.status !== 'active') return { kind: 'not-ambassador' };
  const promoted = await store.transaction(async (r) => {
    if (!(await r.ambassadors.remove(amb.id, now()))) return -1;
    await audit(r, { programId: program.id, actorId: o.actor.member.id, action: 'ambassador.removed', subject: { type: 'member', id: member.id }, reason: o.reason ?? null }, now());
    if (program.ambassadorTarget) await r.outbox.enqueue({ kind: 'revoke', ambassadorId: amb.id });
    await r.outbox.enqueue({ kind: 'dm', memberId: member.id, message: removalMessage(program) });
    return promoteWaitlist(deps, r, program);
  });
  if (promoted < 0) return { kind: 'already-removed', member };
  deps.kick();
  return { kind: 'removed', member, promoted };
}

export type SyncOutcome = { kind: 'no-target' } | { kind: 'retrying'; count: number };

/** Retries the role/channel grant for every active ambassador who doesn't have it. */
export async function syncAmbassadors(deps: CoreDeps, o: { program: Program }): Promise<SyncOutcome> {
  if (!o.program.ambassadorTarget) return { kind: 'no-target' };
  const pending = (await deps.store.ambassadors.active(o.program.id)).filter((a) => !a.grantedAt);
  await deps.store.transaction(async (r) => {
    for (const a of pending) await r.outbox.enqueue({ kind: 'grant', ambassadorId: a.id });
  });
  deps.kick();
  return { kind: 'retrying', count: pending.length };
}
