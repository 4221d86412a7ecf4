// /pulse comment: add or change the comment on your answer (the "Add a comment" button opens a form).
import { defineCommand, opt } from '../../src/core/commands/define.js';
import { answerPulse, commentForm } from '../../src/core/pulse/answer.js';
import { MAX_TEXT_ANSWER } from '../../src/core/pulse/model.js';
import { savedReply } from '../../src/core/pulse/replies.js';

export default defineCommand({
  name: 'pulse comment',
  description: 'Add a comment to your pulse answer',
  access: 'anyone',
  options: {
    round: opt.integer('The round number from the question', { required: true, min: 1, max: 2_147_483_647 }),
    text: opt.string('Your comment (empty to remove it)', { max: MAX_TEXT_ANSWER, long: true }),
  },
  async run(ctx, input) {
    if (input.text === undefined) return { kind: 'form', form: await commentForm(ctx.deps, { actor: ctx.actor, roundId: input.round }) };
    const out = await answerPulse(ctx.deps, { actor: ctx.actor, roundId: input.round, comment: input.text });
    return out.kind === 'form' ? { kind: 'form', form: out.form } : savedReply(out);
  },
});
