// /program questions reorder: put the form's questions in a new order.
import { defineCommand, opt } from '../../../src/core/commands/define.js';
import { numberList, reorderQuestions } from '../../../src/core/programs/questions.js';
import { questionsReply } from '../../../src/core/programs/replies.js';

export default defineCommand({
  name: 'program questions reorder',
  description: 'Put the questions in a new order, e.g. order:3,1,2 (staff)',
  access: 'staff',
  program: true,
  options: { order: opt.string('Current numbers in the new order, e.g. 3,1,2', { required: true, max: 300 }) },
  run: async (ctx, input) =>
    questionsReply(ctx.program, await reorderQuestions(ctx.deps, { actor: ctx.actor, program: ctx.program, order: numberList(input.order) })),
});
