// A pulse's text form submitted (an answer in words, or a comment): the same use case as a tap.
import type { CoreDeps } from '../deps.js';
import type { FormSubmission, Reply } from '../ports/chat-platform.js';
import { say } from '../replies.js';
import { answerPulse, parseFormId } from './answer.js';
import { savedReply } from './replies.js';

export const isPulseForm = (formId: string): boolean => formId.startsWith('pulse:');

export async function submitPulseForm(deps: CoreDeps, sub: FormSubmission): Promise<Reply> {
  const ids = parseFormId(sub.formId);
  if (!ids) return say("I didn't recognise that form. Please tap the question's button again.");
  const member = await deps.store.members.upsert(sub.user);
  const typed = sub.values[ids.field] ?? '';
  const out = await answerPulse(deps, {
    actor: { member, isStaff: false }, roundId: ids.roundId,
    ...(ids.field === 'answer' ? { text: typed.trim() } : { comment: typed }),
  });
  return out.kind === 'saved' ? savedReply(out) : { kind: 'form', form: out.form };
}
