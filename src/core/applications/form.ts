// The application form: built from the program's questions, validated on submission. The form id
// carries a signature of the questions, so a form opened before staff changed them is caught
// instead of storing answers to questions that no longer exist.
import { createHash } from 'node:crypto';
import type { FormSpec } from '../ports/chat-platform.js';
import type { Answer, Program, Question } from '../model.js';

export const fieldId = (q: Question) => `q${q.id}`;

export function questionsSignature(questions: Question[]): string {
  const shape = questions.map((q) => [q.id, q.prompt, q.kind, q.required, q.minLength, q.maxLength]);
  return createHash('sha256').update(JSON.stringify(shape)).digest('base64url').slice(0, 10);
}

export interface ApplyFormId {
  programId: number;
  signature: string;
  referrerUserId: string | null;
}

export function encodeFormId(f: ApplyFormId): string {
  return ['apply', f.programId, f.signature, f.referrerUserId ?? ''].join(':');
}

export function decodeFormId(id: string): ApplyFormId | null {
  const m = /^apply:(\d+):([\w-]+):([\w.-]*)$/.exec(id);
  return m ? { programId: Number(m[1]), signature: m[2]!, referrerUserId: m[3] || null } : null;
}

export function applicationForm(program: Program, questions: Question[], referrerUserId: string | null): FormSpec {
  return {
    id: encodeFormId({ programId: program.id, signature: questionsSignature(questions), referrerUserId }),
    title: `Apply: ${program.name}`,
    intro: `${program.why}\n\nOur objective: ${program.objectiveText}`,
    submitLabel: 'Submit application',
    fields: questions.map((q) => ({
      id: fieldId(q),
      label: q.prompt,
      kind: q.kind,
      required: q.required,
      minLength: q.minLength,
      maxLength: q.maxLength,
    })),
  };
}

/** Answers in question order, or the problems by field id. Nothing is saved on problems. */
export function validateAnswers(
  questions: Question[],
  values: Record<string, string>,
): { ok: true; answers: Answer[] } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const answers: Answer[] = [];
  for (const q of questions) {
    const raw = values[fieldId(q)];
    const answer = typeof raw === 'string' ? raw.replace(/\r\n/g, '\n').trim() : '';
    if (!answer) {
      if (q.required) errors[fieldId(q)] = 'This question needs an answer.';
      else answers.push({ questionId: q.id, prompt: q.prompt, answer: '' });
      continue;
    }
    if (answer.length > q.maxLength) errors[fieldId(q)] = `Please keep this under ${q.maxLength} characters (it has ${answer.length}).`;
    else if (answer.length < q.minLength) errors[fieldId(q)] = `Please write at least ${q.minLength} characters (it has ${answer.length}).`;
    else answers.push({ questionId: q.id, prompt: q.prompt, answer });
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, answers };
}
