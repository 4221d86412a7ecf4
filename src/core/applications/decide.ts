// Taking a decision, exactly once: a conditional status change is the gate. Whoever moves the
// application out of its expected status first decides; everyone else sees `false` and stops.
// Places go in order: nobody is accepted past a person on the waitlist, and a freed place goes to
// the longest-waiting person at once.
import type { CoreDeps } from '../deps.js';
import { audit } from '../audit.js';
import type { Application, ApplicationStatus, Program } from '../model.js';
import type { Repositories } from '../repositories.js';
import { rejectionMessage, waitlistMessage, welcomeMessage } from './render.js';
import { reapplyDate } from './eligibility.js';
import { reasonLabel } from './reasons.js';
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

/** The waitlist in order: the longest-waiting first. */
export async function waitlist(r: Repositories, programId: number): Promise<Application[]> {
  return (await r.applications.withStatus(programId, ['waitlisted'])).sort(
    (a, b) => (a.decidedAt?.getTime() ?? 0) - (b.decidedAt?.getTime() ?? 0) || a.id - b.id,
  );
}

/** Free places, and whether anyone is already waiting for one. */
export async function places(r: Repositories, program: Program): Promise<{ active: number; free: number; waiting: number }> {
  const active = await r.ambassadors.activeCount(program.id);
  const waiting = (await r.applications.withStatus(program.id, ['waitlisted'])).length;
  return { active, free: Math.max(program.capacity - active, 0), waiting };
}

/** Returns the status taken, or null when the application had already moved on. */
export async function decide(deps: CoreDeps, r: Repositories, program: Program, app: Application, d: DecisionInput): Promise<ApplicationStatus | null> {
  const at = deps.now();
  let status: ApplicationStatus = d.outcome === 'reject' ? 'rejected' : d.outcome === 'waitlist' ? 'waitlisted' : 'accepted';
  if (status === 'accepted') {
    const room = await places(r, program);
    // A person already waiting keeps their turn: this one joins the queue behind them.
    if (room.free === 0 || (room.waiting > 0 && app.status !== 'waitlisted')) status = 'waitlisted';
  }
  if (status === 'waitlisted' && app.status === 'waitlisted') return null; // already in the queue, keeping their turn
  const reasonCode = status === 'rejected' ? (d.reasonCode ?? 'not_right_fit') : (d.reasonCode ?? null);
  const moved = await r.applications.transition(app.id, d.from, {
    status, decidedAt: at, decidedById: d.actorId, decisionReason: reasonCode, decisionNote: d.note ?? null,
  });
  if (!moved) return null;
  await audit(r, {
    programId: program.id, actorId: d.actorId, action: `application.${status}`, subject: { type: 'application', id: app.ref },
    reason: reasonCode ?? (d.actorId ? 'staff decision' : 'committee vote'), data: d.note ? { note: d.note } : null,
  }, at);
  const note = d.note ?? null;
  if (status === 'accepted') await admit(deps, r, program, { ...app, status }, at, note);
  if (status === 'waitlisted') await r.outbox.enqueue({ kind: 'dm', memberId: app.applicantId, message: waitlistMessage(program, note) });
  if (status === 'rejected') {
    const label = reasonLabel(await r.reasons.list(program.id), reasonCode!);
    const from = reapplyDate(program, { ...app, decidedAt: at });
    await r.outbox.enqueue({ kind: 'dm', memberId: app.applicantId, message: rejectionMessage(program, label, note, from) });
  }
  await r.outbox.enqueue({ kind: 'committee.refresh', applicationId: app.id });
  if (status === 'waitlisted') await promoteWaitlist(deps, r, program); // never a free place beside a waiting person
  return status;
}

/** Makes the applicant an ambassador: the row first, then the role grant and welcome as effects. */
async function admit(deps: CoreDeps, r: Repositories, program: Program, app: Application, at: Date, note: string | null): Promise<void> {
  const amb = await r.ambassadors.create({ programId: program.id, memberId: app.applicantId, applicationId: app.id, since: at });
  // Someone who once erased their data is not named in public again unless they opt in (/leaderboard optin).
  if ((await r.members.byId(app.applicantId))?.erasedAt) await r.activity.setOptOut(program.id, app.applicantId, true);
  await creditReferral(deps, r, program, app);
  if (program.ambassadorTarget) await r.outbox.enqueue({ kind: 'grant', ambassadorId: amb.id });
  await r.outbox.enqueue({ kind: 'dm', memberId: app.applicantId, message: welcomeMessage(program, note) });
  // Rendered when sent, so a person who opted out of public mentions by then is not named.
  if (program.announceAcceptances && program.announceChannelId) await r.outbox.enqueue({ kind: 'welcome.announce', ambassadorId: amb.id });
}

/** Fills free places from the waitlist, longest-waiting first. Call after anything that frees a place. */
export async function promoteWaitlist(deps: CoreDeps, r: Repositories, program: Program): Promise<number> {
  let promoted = 0;
  for (const app of await waitlist(r, program.id)) {
    if ((await r.ambassadors.activeCount(program.id)) >= program.capacity) break;
    const at = deps.now();
    if (!(await r.applications.transition(app.id, ['waitlisted'], { status: 'accepted' }))) continue;
    await audit(r, { programId: program.id, actorId: null, action: 'application.promoted', subject: { type: 'application', id: app.ref }, reason: 'a place freed up' }, at);
    await admit(deps, r, program, app, at, null);
    await r.outbox.enqueue({ kind: 'committee.refresh', applicationId: app.id });
    promoted++;
  }
  return promoted;
}
