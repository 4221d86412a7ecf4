// /program questions remove: take a question off the form (answers already given keep it).
import { defineCommand } from '../../../src/core/commands/define.js';
import { removeQuestion } from '../../../src/core/programs/questions.js';
import { questionRemovedReply } from '../../../src/core/programs/replies.js';
import { number } from './options.js';

export default defineCommand({
  name: 'program questions remove',
  description: 'Remove a question (staff)',
  access: 'staff',
  program: true,
  options: { number },
  run: async (ctx, input) => questionRemovedReply(input.number, await removeQuestion(ctx.deps, { actor: ctx.actor, program: ctx.program, number: input.number })),
});
