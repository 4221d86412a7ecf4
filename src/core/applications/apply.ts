// Applying: open the form (when this person may apply), then store a valid submission before
// anything is posted anywhere. The committee post, like every side effect, goes through the outbox.
import type { CoreDeps } from '../deps.js';
import { audit } from '../audit.js';
import { fail } from '../errors.js';
import type { Actor, Application, Program } from '../model.js';
import type { FormSpec, UserRef } from '../ports/chat-platform.js';
import { applicationForm, decodeFormId, questionsSignature, validateAnswers } from './form.js';
import { blocker, type Blocker } from './eligibility.js';

const refAlphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'; // no 0/O, 1/I: refs are read aloud and retyped

/** `random`: the core's source (deps.random), so a seeded console replays the same references. */
export function newRef(random: () => number): string {
  let s = 'A';
  for (let i = 0; i < 5; i++) s += refAlphabet[Math.floor(random() * refAlphabet.length)];
  return s;
}

/** A reference no application has yet (a seeded source may repeat one of an earlier session's). */
async function freshRef(deps: CoreDeps): Promise<string> {
  for (let tries = 1; ; tries++) {
    const ref = newRef(deps.random);
    if (tries >= 10 || !(await deps.store.applications.byRef(ref))) return ref;
  }
}

export type StartOutcome =
  | { kind: 'blocked'; program: Program; blocker: Blocker }
  | { kind: 'no-questions'; program: Program }
  | { kind: 'self-referral' }
  | { kind: 'form'; form: FormSpec };

/** The form to fill in, or why not. `referrerUserId`: the platform id of who referred them. */
export async function startApplication(deps: CoreDeps, o: { program: Program; actor: Actor; referrerUserId?: string }): Promise<StartOutcome> {
  const { program } = o;
  const why = await blocker(deps.store, program, o.actor.member, deps.now());
  if (why) return { kind: 'blocked', program, blocker: why };
  const questions = await deps.store.questions.list(program.id);
  if (questions.length === 0) return { kind: 'no-questions', program };
  if (o.referrerUserId === o.actor.member.platformUserId) return { kind: 'self-referral' };
  return { kind: 'form', form: applicationForm(program, questions, o.referrerUserId ?? null) };
}

export type SubmitOutcome =
  | { kind: 'invalid'; errors: Record<string, string> }
  | { kind: 'blocked'; program: Program; blocker: Blocker }
  /** A double submit: `open` is the application that got in first (null if it has moved on since). */
  | { kind: 'duplicate'; program: Program; open: Application | null }
  | { kind: 'submitted'; program: Program; app: Application };

/** A filled-in form from `user`: stored with its audit line and its committee post queued, or why not. */
export async function submitForm(deps: CoreDeps, sub: { formId: string; values: Record<string, string>; user: UserRef }): Promise<SubmitOutcome> {
  const form = decodeFormId(sub.formId) ?? fail('invalid_input', "I didn't recognise that form. Please run /apply again.");
  const { store, now } = deps;
  // From the database, not the forms in memory: the signature check below must see every change,
  // including one another process made a moment ago.
  const program = await store.programs.byId(form.programId);
  if (!program || program.platform !== sub.user.platform || program.workspaceId !== sub.user.workspaceId) {
    return fail('program_not_found', 'That program no longer exists.');
  }
  const questions = await store.questions.list(program.id);
  if (questionsSignature(questions) !== form.signature) {
    fail('form_outdated', `The ${program.name} questions changed while you were filling in the form, so I didn't save it. Please run /apply again; sorry for the trouble.`);
  }
  const checked = validateAnswers(questions, sub.values);
  if (!checked.ok) return { kind: 'invalid', errors: checked.errors };
  const member = await store.members.upsert(sub.user);
  const why = await blocker(store, program, member, now());
  if (why) return { kind: 'blocked', program, blocker: why };
  const referrer = form.referrerUserId ? await store.members.ensure(sub.user.platform, sub.user.workspaceId, form.referrerUserId) : null;
  const at = now();
  const ref = await freshRef(deps);
  const app = await store.transaction(async (r) => {
    const created = await r.applications.create({
      ref, programId: program.id, applicantId: member.id, referrerId: referrer?.id ?? null,
      answers: checked.answers, submittedAt: at, votingEndsAt: new Date(at.getTime() + program.votingWindowHours * 3_600_000),
    });
    if (!created) return null; // an open application exists already: a double submit
    await audit(r, { programId: program.id, actorId: member.id, action: 'application.submitted', subject: { type: 'application', id: created.ref } }, at);
    await r.outbox.enqueue({ kind: 'committee.post', applicationId: created.id });
    return created;
  });
  if (!app) return { kind: 'duplicate', program, open: await store.applications.openFor(program.id, member.id) };
  deps.kick();
  return { kind: 'submitted', program, app };
}
