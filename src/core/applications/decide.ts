// Taking a decision, exactly once: a conditional status change is the gate. Whoever moves the
// application out of its expected status first decides; everyone else sees `false` and stops.
import type { CoreDeps } from '../deps.js';
import { audit } from '../audit.js';
import type { Application, ApplicationStatus, Program } from '../model.js';
import type { Repositories } from '../repositories.js';
import { rejectionMessage, waitlistMessage, welcomeMessage } from './render.js';
import { reapplyDate } from './submit.js';
import { creditReferral } from '../activity/referral.js';

export type Outcome = 'accept' | 'reject' | 'waitlist';

export interface DecisionInput {
  outcome: Outcome;
  /** Member id of staff overriding; null when the rules decided. */
  actorId: number | null;
  reasonCode?: string;
  note?: string | null;
  from: readonly ApplicationStatus[];
}

/** Returns the status taken, or null when the application had already moved on. */
export async function decide(deps: CoreDeps, r: Repositories, program: Program, app: Application, d: DecisionInput): Promise<ApplicationStatus | null> {
  const at = deps.now();
  let status: ApplicationStatus = d.outcome === 'reject' ? 'rejected' : d.outcome === 'waitlist' ? 'waitlisted' : 'accepted';
  if (status === 'accepted' && (await r.ambassadors.activeCount(program.id)) >= program.capacity) status = 'waitlisted';
  const reasons = await r.reasons.list(program.id);
  const reasonLabel =
    status === 'rejected' ? (reasons.find((x) => x.code === d.reasonCode)?.label ?? reasons.find((x) => x.code === 'not_right_fit')?.label ?? 'not the right fit right now') : null;
  const moved = await r.applications.transition(app.id, d.from, {
    status, decidedAt: at, decidedById: d.actorId, decisionReason: d.reasonCode ?? null, decisionNote: d.note ?? null,
  });
  if (!moved) return null;
  await audit(r, {
    programId: program.id, actorId: d.actorId, action: `application.${status}`, subject: { type: 'application', id: app.ref },
    reason: d.reasonCode ?? (d.actorId ? 'staff override' : 'committee vote'), data: d.note ? { note: d.note } : null,
  }, at);
  if (status === 'accepted') await admit(deps, r, program, { ...app, status }, at);
  if (status === 'waitlisted') await r.outbox.enqueue({ kind: 'dm', memberId: app.applicantId, message: waitlistMessage(program) });
  if (status === 'rejected') {
    const from = reapplyDate(program, { ...app, decidedAt: at });
    await r.outbox.enqueue({ kind: 'dm', memberId: app.applicantId, message: rejectionMessage(program, reasonLabel!, d.note ?? null, from) });
  }
  await r.outbox.enqueue({ kind: 'committee.refresh', applicationId: app.id });
  return status;
}

/** Makes the applicant an ambassador: the row first, then the role grant and welcome as effects. */
async function admit(deps: CoreDeps, r: Repositories, program: Program, app: Application, at: Date): Promise<void> {
  const amb = await r.ambassadors.create({ programId: program.id, memberId: app.applicantId, applicationId: app.id, since: at });
  await creditReferral(deps, r, program, app);
  if (program.ambassadorTarget) await r.outbox.enqueue({ kind: 'grant', ambassadorId: amb.id });
  await r.outbox.enqueue({ kind: 'dm', memberId: app.applicantId, message: welcomeMessage(program) });
  if (program.announceAcceptances && program.announceChannelId) {
    const m = await r.members.byId(app.applicantId);
    await r.outbox.enqueue({
      kind: 'post', programId: program.id, platform: program.platform, workspaceId: program.workspaceId, channelId: program.announceChannelId,
      message: { title: `Welcome, ${m?.displayName ?? 'new ambassador'}!`, text: `Please welcome our newest ${program.name} ambassador.`, tone: 'success' },
    });
  }
}

/** Fills free places from the waitlist, oldest decision first. */
export async function promoteWaitlist(deps: CoreDeps, r: Repositories, program: Program): Promise<number> {
  let promoted = 0;
  const waiting = (await r.applications.withStatus(program.id, ['waitlisted'])).sort(
    (a, b) => (a.decidedAt?.getTime() ?? 0) - (b.decidedAt?.getTime() ?? 0) || a.id - b.id,
  );
  for (const app of waiting) {
    if ((await r.ambassadors.activeCount(program.id)) >= program.capacity) break;
    const at = deps.now();
    if (!(await r.applications.transition(app.id, ['waitlisted'], { status: 'accepted' }))) continue;
    await audit(r, { programId: program.id, actorId: null, action: 'application.promoted', subject: { type: 'application', id: app.ref }, reason: 'a place freed up' }, at);
    await admit(deps, r, program, app, at);
    await r.outbox.enqueue({ kind: 'committee.refresh', applicationId: app.id });
    promoted++;
  }
  return promoted;
}
