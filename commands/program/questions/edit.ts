// /program questions edit: change a question's wording or shape (answers already given keep theirs).
import { defineCommand, opt } from '../../../src/core/commands/define.js';
import { editQuestion } from '../../../src/core/programs/questions.js';
import { questionEditedReply } from '../../../src/core/programs/replies.js';
import { number, shape } from './options.js';

export default defineCommand({
  name: 'program questions edit',
  description: 'Change a question (staff)',
  access: 'staff',
  program: true,
  options: { number, prompt: opt.string('The new wording', { min: 3, max: 100 }), ...shape },
  run: async (ctx, input) => {
    await editQuestion(ctx.deps, {
      actor: ctx.actor, program: ctx.program, number: input.number, prompt: input.prompt, kind: input.kind,
      required: input.required, minLength: input.min_length, maxLength: input.max_length,
    });
    return questionEditedReply(input.number);
  },
});
