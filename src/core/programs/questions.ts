// The application form's questions, edited by staff. Answers already given keep their own copy
// of each question's text, so editing or removing a question never rewrites an application.
// Every change, once committed, tells the in-memory forms (deps.forms.changed) that /apply opens.
import type { CoreDeps } from '../deps.js';
import { audit } from '../audit.js';
import { fail } from '../errors.js';
import type { Actor, Program, Question } from '../model.js';

export interface QuestionShape {
  prompt?: string;
  kind?: 'short' | 'paragraph';
  required?: boolean;
  minLength?: number;
  maxLength?: number;
}

/** Platform modals cap one answer at 4,000 characters (Discord and Slack both). */
export const maxAnswerLength = 4000;

function checkLengths(min: number, max: number, kind: 'short' | 'paragraph'): void {
  if (min > max) fail('invalid_input', `min_length (${min}) can't be more than max_length (${max}).`);
  if (kind === 'short' && max > 1000) fail('invalid_input', 'A short question can allow at most 1000 characters; make it kind:paragraph for longer answers.');
}

export function listQuestions(deps: CoreDeps, o: { program: Program }): Promise<Question[]> {
  return deps.store.questions.list(o.program.id);
}

export async function addQuestion(deps: CoreDeps, o: { actor: Actor; program: Program } & QuestionShape & { prompt: string }): Promise<Question> {
  const kind = o.kind ?? 'short';
  const max = o.maxLength ?? (kind === 'short' ? 200 : 1500);
  const min = o.minLength ?? 0;
  checkLengths(min, max, kind);
  const created = await deps.store.transaction(async (r) => {
    const q = await r.questions.add(o.program.id, { prompt: o.prompt, kind, required: o.required ?? true, minLength: min, maxLength: max });
    await audit(r, { programId: o.program.id, actorId: o.actor.member.id, action: 'question.added', subject: { type: 'question', id: q.id }, data: { prompt: q.prompt } }, deps.now());
    return q;
  });
  await deps.forms.changed(o.program);
  return created;
}

/** The question people see as number `number` (1-based, in form order). */
async function questionAt(deps: CoreDeps, program: Program, number: number): Promise<Question> {
  const qs = await deps.store.questions.list(program.id);
  return qs[number - 1] ?? fail('question_not_found', `There is no question ${number}; ${program.name} has ${qs.length}. See /program questions list.`);
}

export async function editQuestion(deps: CoreDeps, o: { actor: Actor; program: Program; number: number } & QuestionShape): Promise<Question> {
  const q = await questionAt(deps, o.program, o.number);
  const kind = o.kind ?? q.kind;
  checkLengths(o.minLength ?? q.minLength, o.maxLength ?? q.maxLength, kind);
  const change = { prompt: o.prompt, kind: o.kind, required: o.required, minLength: o.minLength, maxLength: o.maxLength };
  const updated = await deps.store.transaction(async (r) => {
    const saved = await r.questions.update(q.id, change);
    await audit(r, { programId: o.program.id, actorId: o.actor.member.id, action: 'question.edited', subject: { type: 'question', id: q.id }, data: change }, deps.now());
    return saved;
  });
  await deps.forms.changed(o.program);
  return updated;
}

export async function removeQuestion(deps: CoreDeps, o: { actor: Actor; program: Program; number: number }): Promise<Question> {
  const q = await questionAt(deps, o.program, o.number);
  await deps.store.transaction(async (r) => {
    await r.questions.remove(q.id);
    const rest = (await r.questions.list(o.program.id)).map((x) => x.id);
    await r.questions.reorder(o.program.id, rest);
    await audit(r, { programId: o.program.id, actorId: o.actor.member.id, action: 'question.removed', subject: { type: 'question', id: q.id }, data: { prompt: q.prompt } }, deps.now());
  });
  await deps.forms.changed(o.program);
  return q;
}

/** "3,1,2" or "3 1 2" as numbers (anything else becomes NaN, which reorderQuestions refuses). */
export const numberList = (text: string): number[] => text.split(/[\s,]+/).filter(Boolean).map(Number);

/** `order`: the current question numbers in their new order, e.g. [3, 1, 2]. Returns the new form. */
export async function reorderQuestions(deps: CoreDeps, o: { actor: Actor; program: Program; order: readonly number[] }): Promise<Question[]> {
  const qs = await deps.store.questions.list(o.program.id);
  const { order } = o;
  const valid = order.length === qs.length && new Set(order).size === qs.length && order.every((n) => Number.isInteger(n) && n >= 1 && n <= qs.length);
  if (!valid) fail('invalid_input', `order: list each question number once, e.g. order:${qs.map((_, i) => qs.length - i).join(',')} (there are ${qs.length}).`);
  await deps.store.transaction(async (r) => {
    await r.questions.reorder(o.program.id, order.map((n) => qs[n - 1]!.id));
    await audit(r, { programId: o.program.id, actorId: o.actor.member.id, action: 'question.reordered', subject: { type: 'program', id: o.program.id }, data: { order } }, deps.now());
  });
  await deps.forms.changed(o.program);
  return deps.store.questions.list(o.program.id);
}
