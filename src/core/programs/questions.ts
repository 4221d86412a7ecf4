// The application form's questions, edited by staff. Answers already given keep their own copy
// of each question's text, so editing or removing a question never rewrites an application.
import type { CommandContext } from '../commands/context.js';
import { audit } from '../audit.js';
import { fail } from '../errors.js';
import type { Program, Question } from '../model.js';
import type { Reply } from '../ports/chat-platform.js';
import { say } from '../replies.js';

export interface QuestionInput {
  prompt?: string;
  kind?: 'short' | 'paragraph';
  required?: boolean;
  min_length?: number;
  max_length?: number;
}

/** Platform modals cap one answer at 4,000 characters (Discord and Slack both). */
export const maxAnswerLength = 4000;

function checkLengths(min: number, max: number, kind: 'short' | 'paragraph'): void {
  if (min > max) fail('invalid_input', `min_length (${min}) can't be more than max_length (${max}).`);
  if (kind === 'short' && max > 1000) fail('invalid_input', 'A short question can allow at most 1000 characters; make it kind:paragraph for longer answers.');
}

const describe = (q: Question, n: number) =>
  `${n}. ${q.prompt} — ${q.kind}, ${q.required ? 'required' : 'optional'}, ${q.minLength ? `${q.minLength}–` : 'up to '}${q.maxLength} chars (id ${q.id})`;

export async function listQuestions(ctx: CommandContext, program: Program): Promise<Reply> {
  const qs = await ctx.deps.store.questions.list(program.id);
  if (!qs.length) return say(`${program.name} has no questions yet. Add one with /program questions add prompt:"Why do you want to join?"`);
  return say(qs.map((q, i) => describe(q, i + 1)).join('\n'), { title: `Application questions — ${program.name}` });
}

export async function addQuestion(ctx: CommandContext, program: Program, input: QuestionInput): Promise<Reply> {
  const kind = input.kind ?? 'short';
  const max = input.max_length ?? (kind === 'short' ? 200 : 1500);
  const min = input.min_length ?? 0;
  checkLengths(min, max, kind);
  const q = await ctx.deps.store.transaction(async (r) => {
    const created = await r.questions.add(program.id, { prompt: input.prompt!, kind, required: input.required ?? true, minLength: min, maxLength: max });
    await audit(r, { programId: program.id, actorId: ctx.member.id, action: 'question.added', subject: { type: 'question', id: created.id }, data: { prompt: created.prompt } }, ctx.deps.now());
    return created;
  });
  return say(`Added question ${q.position}: “${q.prompt}”.`);
}

async function questionAt(ctx: CommandContext, program: Program, number: number): Promise<Question> {
  const qs = await ctx.deps.store.questions.list(program.id);
  return qs[number - 1] ?? fail('question_not_found', `There is no question ${number}; ${program.name} has ${qs.length}. See /program questions list.`);
}

export async function editQuestion(ctx: CommandContext, program: Program, number: number, input: QuestionInput): Promise<Reply> {
  const q = await questionAt(ctx, program, number);
  const kind = input.kind ?? q.kind;
  checkLengths(input.min_length ?? q.minLength, input.max_length ?? q.maxLength, kind);
  await ctx.deps.store.transaction(async (r) => {
    await r.questions.update(q.id, {
      prompt: input.prompt, kind: input.kind, required: input.required, minLength: input.min_length, maxLength: input.max_length,
    });
    await audit(r, { programId: program.id, actorId: ctx.member.id, action: 'question.edited', subject: { type: 'question', id: q.id }, data: input }, ctx.deps.now());
  });
  return say(`Question ${number} updated.`);
}

export async function removeQuestion(ctx: CommandContext, program: Program, number: number): Promise<Reply> {
  const q = await questionAt(ctx, program, number);
  await ctx.deps.store.transaction(async (r) => {
    await r.questions.remove(q.id);
    const rest = (await r.questions.list(program.id)).map((x) => x.id);
    await r.questions.reorder(program.id, rest);
    await audit(r, { programId: program.id, actorId: ctx.member.id, action: 'question.removed', subject: { type: 'question', id: q.id }, data: { prompt: q.prompt } }, ctx.deps.now());
  });
  return say(`Removed question ${number} (“${q.prompt}”). Applications already submitted keep their answers.`);
}

/** `order` is the current numbers in their new order, e.g. "3,1,2". */
export async function reorderQuestions(ctx: CommandContext, program: Program, order: string): Promise<Reply> {
  const qs = await ctx.deps.store.questions.list(program.id);
  const numbers = order.split(/[\s,]+/).filter(Boolean).map(Number);
  const valid = numbers.length === qs.length && new Set(numbers).size === qs.length && numbers.every((n) => Number.isInteger(n) && n >= 1 && n <= qs.length);
  if (!valid) fail('invalid_input', `order: list each question number once, e.g. order:${qs.map((_, i) => qs.length - i).join(',')} (there are ${qs.length}).`);
  await ctx.deps.store.transaction(async (r) => {
    await r.questions.reorder(program.id, numbers.map((n) => qs[n - 1]!.id));
    await audit(r, { programId: program.id, actorId: ctx.member.id, action: 'question.reordered', subject: { type: 'program', id: program.id }, data: { order: numbers } }, ctx.deps.now());
  });
  return listQuestions(ctx, program);
}
