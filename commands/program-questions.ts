// /program questions add|edit|remove|list|reorder — the application form, edited by staff.
import { defineCommand, opt } from './define.js';
import { programOption } from './shared-options.js';
import { addQuestion, editQuestion, listQuestions, maxAnswerLength, removeQuestion, reorderQuestions } from '../src/core/programs/questions.js';

const shape = {
  kind: opt.choice('short (one line) or paragraph', ['short', 'paragraph'] as const),
  required: opt.boolean('Must the applicant answer it? (default yes)'),
  min_length: opt.integer('Fewest characters', { min: 0, max: maxAnswerLength }),
  max_length: opt.integer('Most characters', { min: 1, max: maxAnswerLength }),
};
const number = opt.integer('The question number (see /program questions list)', { required: true, min: 1, max: 100 });

export const questionsAdd = defineCommand({
  name: 'program questions add',
  description: 'Add a question to the application form (staff)',
  access: 'staff',
  options: { program: programOption, prompt: opt.string('The question, as applicants will see it', { required: true, min: 3, max: 100 }), ...shape },
  run: async (ctx, input) => addQuestion(ctx, await ctx.program(input.program), input),
});

export const questionsEdit = defineCommand({
  name: 'program questions edit',
  description: 'Change a question (staff)',
  access: 'staff',
  options: { program: programOption, number, prompt: opt.string('The new wording', { min: 3, max: 100 }), ...shape },
  run: async (ctx, input) => editQuestion(ctx, await ctx.program(input.program), input.number, input),
});

export const questionsRemove = defineCommand({
  name: 'program questions remove',
  description: 'Remove a question (staff)',
  access: 'staff',
  options: { program: programOption, number },
  run: async (ctx, input) => removeQuestion(ctx, await ctx.program(input.program), input.number),
});

export const questionsList = defineCommand({
  name: 'program questions list',
  description: 'The application form, in order',
  access: 'staff',
  options: { program: programOption },
  run: async (ctx, input) => listQuestions(ctx, await ctx.program(input.program)),
});

export const questionsReorder = defineCommand({
  name: 'program questions reorder',
  description: 'Put the questions in a new order, e.g. order:3,1,2 (staff)',
  access: 'staff',
  options: { program: programOption, order: opt.string('Current numbers in the new order, e.g. 3,1,2', { required: true, max: 300 }) },
  run: async (ctx, input) => reorderQuestions(ctx, await ctx.program(input.program), input.order),
});
