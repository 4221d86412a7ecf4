// /program questions list: the application form, in order.
import { defineCommand } from '../../../src/core/commands/define.js';
import { listQuestions } from '../../../src/core/programs/questions.js';
import { questionsReply } from '../../../src/core/programs/replies.js';

export default defineCommand({
  name: 'program questions list',
  description: 'The application form, in order',
  access: 'staff',
  program: true,
  run: async (ctx) => questionsReply(ctx.program, await listQuestions(ctx.deps, { program: ctx.program })),
});
