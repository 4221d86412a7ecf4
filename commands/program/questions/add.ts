// /program questions add: a new question at the end of the application form.
import { defineCommand, opt } from '../../../src/core/commands/define.js';
import { addQuestion } from '../../../src/core/programs/questions.js';
import { questionAddedReply } from '../../../src/core/programs/replies.js';
import { shape } from './options.js';

export default defineCommand({
  name: 'program questions add',
  description: 'Add a question to the application form (staff)',
  access: 'staff',
  program: true,
  options: { prompt: opt.string('The question, as applicants will see it', { required: true, min: 3, max: 100 }), ...shape },
  run: async (ctx, input) =>
    questionAddedReply(await addQuestion(ctx.deps, {
      actor: ctx.actor, program: ctx.program, prompt: input.prompt, kind: input.kind, required: input.required,
      minLength: input.min_length, maxLength: input.max_length,
    })),
});
