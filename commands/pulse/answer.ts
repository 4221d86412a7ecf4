// /pulse answer: what a DM button runs, and what anyone can type (DMs closed, or no buttons). Alone,
// it lists the pulses open to the person, with buttons for the first.
import { defineCommand, opt } from '../../src/core/commands/define.js';
import { answerPulse, openInvites } from '../../src/core/pulse/answer.js';
import { MAX_TEXT_ANSWER } from '../../src/core/pulse/model.js';
import { openInvitesReply, savedReply } from '../../src/core/pulse/replies.js';

export default defineCommand({
  name: 'pulse answer',
  description: 'Answer a pulse question (alone: the ones waiting for you)',
  access: 'anyone',
  options: {
    round: opt.integer('The round number from the question', { min: 1, max: 2_147_483_647 }),
    value: opt.string('Your answer: 1 to 5, or the number of a choice', { max: 60 }),
    text: opt.string('Your answer in words (text questions)', { min: 1, max: MAX_TEXT_ANSWER, long: true }),
    comment: opt.string('A comment, where the question takes one', { max: MAX_TEXT_ANSWER, long: true }),
  },
  async run(ctx, input) {
    if (input.round === undefined) return openInvitesReply(await openInvites(ctx.deps, ctx.actor));
    const out = await answerPulse(ctx.deps, { actor: ctx.actor, roundId: input.round, value: input.value, text: input.text, comment: input.comment });
    return out.kind === 'form' ? { kind: 'form', form: out.form } : savedReply(out);
  },
});
