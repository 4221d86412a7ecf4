// /feedback list: the latest notes to staff.
import { defineCommand, opt } from '../../src/core/commands/define.js';
import { latestFeedback } from '../../src/core/feedback/feedback.js';
import { feedbackListReply } from '../../src/core/feedback/replies.js';

export default defineCommand({
  name: 'feedback list',
  description: 'The latest notes ambassadors and applicants sent (staff)',
  access: 'staff',
  program: true,
  options: { limit: opt.integer('How many', { min: 1, max: 25 }) },
  run: async (ctx, input) => feedbackListReply(ctx.program, await latestFeedback(ctx.deps, { program: ctx.program, limit: input.limit })),
});
