// /feedback send: a note to staff, named or anonymous.
import { defineCommand, opt } from '../../src/core/commands/define.js';
import { MAX_FEEDBACK, sendFeedback } from '../../src/core/feedback/feedback.js';
import { sentReply } from '../../src/core/feedback/replies.js';

export default defineCommand({
  name: 'feedback send',
  description: 'Tell staff something: an idea, a worry, what would help (anonymous if you choose)',
  access: 'anyone',
  program: true,
  options: {
    text: opt.string('What you want staff to know', { required: true, min: 2, max: MAX_FEEDBACK, long: true }),
    anonymous: opt.boolean('Send it without your name (then no one can reply)'),
  },
  async run(ctx, input) {
    return sentReply(ctx.program, await sendFeedback(ctx.deps, { program: ctx.program, actor: ctx.actor, text: input.text, anonymous: input.anonymous ?? false }));
  },
});
