// /feedback reply: staff answer a named note; the author gets it by DM.
import { defineCommand, opt } from '../../src/core/commands/define.js';
import { MAX_FEEDBACK, replyToFeedback } from '../../src/core/feedback/feedback.js';
import { feedbackReplyReply } from '../../src/core/feedback/replies.js';

export default defineCommand({
  name: 'feedback reply',
  description: 'Answer a named note; its author gets your reply by direct message (staff)',
  access: 'staff',
  program: true,
  options: {
    id: opt.integer('The note number (see /feedback list)', { required: true, min: 1, max: 2_147_483_647 }),
    text: opt.string('Your reply', { required: true, min: 1, max: MAX_FEEDBACK, long: true }),
  },
  async run(ctx, input) {
    return feedbackReplyReply(await replyToFeedback(ctx.deps, { program: ctx.program, actor: ctx.actor, id: input.id, text: input.text }));
  },
});
