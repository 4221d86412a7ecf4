// What the core can answer from memory, before any database work, so the platform's
// acknowledgement is the answer itself: /apply's form (from the form cache), and the problems a
// submitted form shows on its face (a missing or too long answer). Anything else returns null and
// the adapter acknowledges first (a deferral), then asks the core the usual way.
//
// /apply from memory skips the eligibility check the database would make (an application in
// progress, already an ambassador, waitlisted, cooling down): the person sees the form at once and
// is told at submission, where the same check runs again before anything is stored.
import type { CommandInvocation, FormSubmission, Reply } from '../ports/chat-platform.js';
import { FormCache } from './form-cache.js';
import { decodeFormId, validateAnswers } from './form.js';
import { startReply, submissionReply } from './replies.js';

/** /apply from memory: the form, or that applications are closed / there are no questions / a self-referral; null when memory can't say. */
export function applyAtOnce(forms: FormCache, inv: CommandInvocation, input: { program?: string; referrer?: string }): Reply | null {
  const programs = forms.workspace(inv.user.platform, inv.user.workspaceId);
  if (!programs) return null;
  const name = input.program?.trim().toLowerCase();
  const found = name ? programs.filter((p) => p.program.name.toLowerCase() === name) : programs;
  if (found.length !== 1) return null; // no program, an unknown name, several: the router words it
  const { program, questions } = found[0]!;
  if (!program.applicationsOpen) return startReply({ kind: 'blocked', program, blocker: { kind: 'closed' } });
  if (questions.length === 0) return startReply({ kind: 'no-questions', program });
  if (input.referrer && input.referrer === inv.user.id) return startReply({ kind: 'self-referral' });
  return startReply({ kind: 'form', form: FormCache.formWith(found[0]!, input.referrer ?? null) });
}

/** Commands with an answer from memory, by name, given their validated options. */
export const atOnceCommands: Readonly<Record<string, (forms: FormCache, inv: CommandInvocation, input: Record<string, unknown>) => Reply | null>> = {
  apply: (forms, inv, input) => applyAtOnce(forms, inv, input as { program?: string; referrer?: string }),
};

/** The answers' problems when memory knows this form as it was sent; null when valid or unknown (the database decides). */
export function checkSubmissionAtOnce(forms: FormCache, sub: FormSubmission): Reply | null {
  const form = decodeFormId(sub.formId);
  const cached = form && forms.program(form.programId);
  if (!form || !cached || cached.signature !== form.signature) return null;
  if (cached.program.platform !== sub.user.platform || cached.program.workspaceId !== sub.user.workspaceId) return null;
  const checked = validateAnswers(cached.questions, sub.values);
  return checked.ok ? null : submissionReply({ kind: 'invalid', errors: checked.errors });
}
