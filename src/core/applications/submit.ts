// /apply: open the form, then store a valid submission before anything is posted anywhere.
import { randomInt } from 'node:crypto';
import type { CommandContext } from '../commands/context.js';
import type { CoreDeps } from '../deps.js';
import { audit } from '../audit.js';
import { fail } from '../errors.js';
import type { Application, Member, Program } from '../model.js';
import type { FormSubmission, Reply } from '../ports/chat-platform.js';
import type { Repositories } from '../repositories.js';
import { say } from '../replies.js';
import { formatDate } from '../text.js';
import { applicationForm, decodeFormId, questionsSignature, validateAnswers } from './form.js';
import { statusText } from './render.js';

const refAlphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'; // no 0/O, 1/I: refs are read aloud and retyped

export function newRef(): string {
  let s = 'A';
  for (let i = 0; i < 5; i++) s += refAlphabet[randomInt(refAlphabet.length)];
  return s;
}

/** Why this person can't apply now, or null. */
async function blocker(r: Repositories, program: Program, member: Member, now: Date): Promise<string | null> {
  if (!program.applicationsOpen) return `Applications to ${program.name} are closed at the moment. Keep an eye on announcements!`;
  const open = await r.applications.openFor(program.id, member.id);
  if (open) return `You already have an application in progress. ${statusText(program, open)}`;
  const amb = await r.ambassadors.byMember(program.id, member.id);
  if (amb?.status === 'active') return `You're already an ambassador of ${program.name}.`;
  const last = await r.applications.latestFor(program.id, member.id);
  if (last?.status === 'waitlisted') return statusText(program, last);
  if (last?.status === 'rejected' && last.decidedAt) {
    const from = reapplyDate(program, last);
    if (from && from > now) return `You can apply to ${program.name} again from ${formatDate(from, program.timeZone)}.`;
  }
  return null;
}

export function reapplyDate(program: Program, app: Application): Date | null {
  if (!app.decidedAt || program.reapplyCooldownDays <= 0) return null;
  return new Date(app.decidedAt.getTime() + program.reapplyCooldownDays * 86_400_000);
}

export async function startApplication(ctx: CommandContext, input: { program?: string; referrer?: string }): Promise<Reply> {
  const program = await ctx.program(input.program);
  const { store, now } = ctx.deps;
  const why = await blocker(store, program, ctx.member, now());
  if (why) return say(why);
  const questions = await store.questions.list(program.id);
  if (questions.length === 0) return say(`${program.name} has no application questions yet. Staff can add them with /program questions add.`);
  if (input.referrer === ctx.user.id) return say("You can't refer yourself. Leave referrer empty, or name the ambassador who told you about us.");
  return { kind: 'form', form: applicationForm(program, questions, input.referrer ?? null) };
}

export async function submitApplication(deps: CoreDeps, sub: FormSubmission): Promise<Reply> {
  const form = decodeFormId(sub.formId);
  if (!form) fail('invalid_input', "I didn't recognise that form. Please run /apply again.");
  const { store, now } = deps;
  const program = await store.programs.byId(form!.programId);
  if (!program || program.platform !== sub.user.platform || program.workspaceId !== sub.user.workspaceId) {
    return fail('program_not_found', 'That program no longer exists.');
  }
  const questions = await store.questions.list(program.id);
  if (questionsSignature(questions) !== form!.signature) {
    fail('form_outdated', `The ${program.name} questions changed while you were filling in the form, so I didn't save it. Please run /apply again; sorry for the trouble.`);
  }
  const checked = validateAnswers(questions, sub.values);
  if (!checked.ok) {
    return { kind: 'form-errors', errors: checked.errors, message: { text: 'A few answers need another look; nothing was saved yet.' } };
  }
  const member = await store.members.upsert(sub.user);
  const why = await blocker(store, program, member, now());
  if (why) return say(why);
  const referrer = form!.referrerUserId ? await store.members.ensure(sub.user.platform, sub.user.workspaceId, form!.referrerUserId) : null;
  const at = now();
  const app = await store.transaction(async (r) => {
    const created = await r.applications.create({
      ref: newRef(), programId: program.id, applicantId: member.id, referrerId: referrer?.id ?? null,
      answers: checked.answers, submittedAt: at, votingEndsAt: new Date(at.getTime() + program.votingWindowHours * 3_600_000),
    });
    if (!created) return null; // an open application exists already: a double submit
    await audit(r, { programId: program.id, actorId: member.id, action: 'application.submitted', subject: { type: 'application', id: created.ref } }, at);
    await r.outbox.enqueue({ kind: 'committee.post', applicationId: created.id });
    return created;
  });
  if (!app) {
    const open = await store.applications.openFor(program.id, member.id);
    return say(open ? `You already have an application in progress. ${statusText(program, open)}` : 'You already have an application in progress.');
  }
  deps.kick();
  return say(
    `Thank you! Your application to ${program.name} is in. Your reference is **${app.ref}**. The committee will review it; you'll hear from me by ${formatDate(app.votingEndsAt, program.timeZone)} or sooner. Check on it any time with /application status.`,
    { title: 'Application received', tone: 'success' },
  );
}
