// Erasure (/mydata erase, and staff on a person's request with /application erase): the person is
// anonymised everywhere in one transaction, after a confirmation code. What others did stays true:
// votes, decisions, points and counts keep their rows; only the person's words, name and links go.
// An open application is withdrawn first and its committee told; an ambassador place is freed (the
// role or channel revoked, the waitlist moved up); committee posts are re-rendered as "[erased]".
import { createHash } from 'node:crypto';
import { audit } from '../audit.js';
import type { CoreDeps } from '../deps.js';
import { promoteWaitlist } from '../applications/decide.js';
import { openStatuses, type Actor, type Answer, type Member, type Program } from '../model.js';
import { resettleOpenApplications } from '../programs/people.js';
import type { Repositories } from '../repositories.js';
import { ERASED } from './erased.js';
import type { PersonalRecords } from './repository.js';

export type EraseOutcome =
  | { kind: 'confirm'; code: string; target: Member; open: string[]; active: string[] }
  | { kind: 'bad-code'; code: string }
  | { kind: 'already-erased'; at: Date }
  | { kind: 'not-in-program'; program: Program }
  | { kind: 'erased'; withdrawn: string[]; removedFrom: string[]; byStaff: boolean };

export interface EraseInput {
  actor: Actor;
  target: Member;
  /** The code from the first step; without it, the first step. */
  confirm?: string;
  /** Staff erasing on the person's request act through one program. */
  program?: Program;
}

const DAY = 86_400_000;
/** Free text shorter than this is not searched for elsewhere (it would match other people's words). */
const MIN_NEEDLE = 3;

/** A short code tied to the person and the day: it proves intent (only they, or staff, can send it). */
export function confirmationCode(target: Member, at: Date): string {
  const day = Math.floor(at.getTime() / DAY);
  const hash = createHash('sha256').update(`erase:${target.id}:${target.platformUserId}:${day}`).digest();
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from(hash.subarray(0, 6), (b) => alphabet[b % alphabet.length]).join('');
}

const statusOf = (r: Record<string, unknown>) => String(r.status);

/** Something still held that an erasure would remove (an erased person may have come back since). */
function holdsAnything(r: PersonalRecords): boolean {
  return r.applications.some((a) => !a.answersErasedAt) || r.activity.some((a) => a.link || a.note || a.reviewReason)
    || r.ambassadorTerms.some((a) => statusOf(a) === 'active') || r.committee.length > 0 || r.staff.length > 0 || r.notices.length > 0 || r.feedback.length > 0
    || r.pulseInvites.length > 0 || r.pulseAnswers.length > 0;
}

function inProgram(r: PersonalRecords, programId: number): boolean {
  return [r.applications, r.referrals, r.ambassadorTerms, r.activity, r.committee].some((rows) => rows.some((x) => x.programId === programId));
}

/** Every piece of the person's own text, to be searched for in free text elsewhere (messages, audit details). */
function needlesOf(target: Member, r: PersonalRecords): string[] {
  const texts = [
    target.displayName,
    ...r.applications.flatMap((a) => [...((a.answers as Answer[] | null) ?? []).map((x) => x.answer), a.decisionNote]),
    ...r.activity.flatMap((a) => [a.link, a.note, a.reviewReason]),
    ...r.notices.map((n) => n.text),
    ...r.feedback.map((f) => f.text),
    ...r.pulseAnswers.flatMap((a) => [a.text, a.comment]),
  ];
  const clean = texts.filter((t): t is string => typeof t === 'string' && t.trim().length >= MIN_NEEDLE && t !== ERASED);
  return [...new Set(clean)].sort((a, b) => b.length - a.length);
}

export async function erasePerson(deps: CoreDeps, o: EraseInput): Promise<EraseOutcome> {
  const { store } = deps;
  const now = deps.now();
  const { target } = o;
  const records = await store.people.recordsOf(target.id);
  if (o.program && !inProgram(records, o.program.id)) return { kind: 'not-in-program', program: o.program };
  if (target.erasedAt && !holdsAnything(records)) {
    // Using the bot again brought their name back: it goes again, without ceremony.
    await store.transaction((r) => r.people.eraseMember(target.id, target.erasedAt!));
    store.members.forget?.(target);
    return { kind: 'already-erased', at: target.erasedAt };
  }
  const code = confirmationCode(target, now);
  const refsOf = (rows: PersonalRecords['applications'], statuses: readonly string[]) => rows.filter((a) => statuses.includes(statusOf(a))).map((a) => String(a.ref));
  if (!o.confirm) {
    const active = records.ambassadorTerms.filter((a) => statusOf(a) === 'active').map((a) => Number(a.programId));
    const names = new Map((await store.programs.inWorkspace(target.platform, target.workspaceId)).map((p) => [p.id, p.name]));
    return { kind: 'confirm', code, target, open: refsOf(records.applications, [...openStatuses, 'waitlisted']), active: active.map((id) => names.get(id) ?? String(id)) };
  }
  const given = o.confirm.trim().toUpperCase();
  if (given !== code && given !== confirmationCode(target, new Date(now.getTime() - DAY))) return { kind: 'bad-code', code: o.confirm };

  const programs = await store.programs.inWorkspace(target.platform, target.workspaceId);
  const result = await store.transaction(async (r) => {
    const withdrawn: string[] = [];
    const removedFrom: string[] = [];
    for (const program of programs) {
      withdrawn.push(...(await withdrawOpen(r, program, target, now, o.actor)));
      if (await removeAmbassador(deps, r, program, target, now, o.actor)) removedFrom.push(program.name);
    }
    await r.people.eraseMember(target.id, now);
    await r.people.scrubText(needlesOf(target, records), ERASED);
    // Posts that name them or quote them are shown again as they now are.
    for (const a of [...records.applications, ...records.referrals]) await r.outbox.enqueue({ kind: 'committee.refresh', applicationId: Number(a.id) });
    const byStaff = o.actor.member.id !== target.id;
    await audit(r, {
      programId: o.program?.id ?? null, actorId: o.actor.member.id, action: 'person.erased', subject: { type: 'member', id: target.id },
      reason: byStaff ? 'at the person\'s request, by staff' : 'at their own request',
    }, now);
    if (byStaff) await r.outbox.enqueue({ kind: 'dm', memberId: target.id, message: { title: 'Your data was erased', text: 'As you asked, staff erased what the ambassador program held about you: your name, answers, links and notes.' } });
    return { withdrawn, removedFrom, byStaff };
  });
  store.members.forget?.(target);
  // They are off every committee list: open votes are settled with the committee as it now is.
  const wasOnCommittee = new Set(records.committee.map((c) => Number(c.programId)));
  for (const program of programs) if (wasOnCommittee.has(program.id)) await resettleOpenApplications(deps, program);
  deps.kick();
  return { kind: 'erased', ...result };
}

/** Withdraws the person's open or waitlisted application in the program, telling its committee. */
async function withdrawOpen(r: Repositories, program: Program, target: Member, now: Date, actor: Actor): Promise<string[]> {
  const open = (await r.applications.withStatus(program.id, [...openStatuses, 'waitlisted'])).filter((a) => a.applicantId === target.id);
  const refs: string[] = [];
  for (const app of open) {
    if (!(await r.applications.transition(app.id, [...openStatuses, 'waitlisted'], { status: 'withdrawn', decidedAt: now }))) continue;
    await audit(r, { programId: program.id, actorId: actor.member.id, action: 'application.withdrawn', subject: { type: 'application', id: app.ref }, reason: 'erasure requested' }, now);
    if (program.committeeChannelId) {
      await r.outbox.enqueue({
        kind: 'post', platform: program.platform, workspaceId: program.workspaceId, channelId: program.committeeChannelId, programId: program.id,
        message: { text: `Application ${app.ref} was withdrawn: the applicant asked for their data to be erased. Its votes no longer matter.`, tone: 'warning' },
      });
    }
    refs.push(app.ref);
  }
  return refs;
}

/** Frees the person's ambassador place (role or channel revoked; the waitlist moves up). */
async function removeAmbassador(deps: CoreDeps, r: Repositories, program: Program, target: Member, now: Date, actor: Actor): Promise<boolean> {
  const amb = await r.ambassadors.byMember(program.id, target.id);
  if (!amb || amb.status !== 'active' || !(await r.ambassadors.remove(amb.id, now))) return false;
  await audit(r, { programId: program.id, actorId: actor.member.id, action: 'ambassador.removed', subject: { type: 'member', id: target.id }, reason: 'erasure requested' }, now);
  if (program.ambassadorTarget) await r.outbox.enqueue({ kind: 'revoke', ambassadorId: amb.id });
  await promoteWaitlist(deps, r, program);
  return true;
}
