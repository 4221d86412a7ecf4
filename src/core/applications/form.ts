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

/** An answer as it is stored: Windows line ends made plain, no surrounding spaces. */
export const normaliseAnswer = (raw: string | undefined): string => (typeof raw === 'string' ? raw.replace(/\r\n/g, '\n').trim() : '');

/**
 * What is wrong with one answer, in the words the applicant reads, or null when it fits. The same
 * check runs on the whole form when it comes back, and in the console as each answer is typed.
 */
export function answerProblem(q: { required: boolean; minLength: number; maxLength: number }, raw: string | undefined): string | null {
  const answer = normaliseAnswer(raw);
  if (!answer) return q.required ? 'This question needs an answer.' : null;
  if (answer.length > q.maxLength) return `Please keep this under ${q.maxLength} characters (it has ${answer.length}).`;
  if (answer.length < q.minLength) return `Please write at least ${q.minLength} characters (it has ${answer.length}).`;
  return null;
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
    const problem = answerProblem(q, raw);
    if (problem) errors[fieldId(q)] = problem;
    else answers.push({ questionId: q.id, prompt: q.prompt, answer: normaliseAnswer(raw) });
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, answers };
}
