// /pulse create: one question to ambassadors and/or the committee, by DM with one-tap answers.
import { defineCommand, opt } from '../../src/core/commands/define.js';
import { createPulse } from '../../src/core/pulse/create.js';
import { MAX_QUESTION } from '../../src/core/pulse/model.js';
import { createdReply } from '../../src/core/pulse/replies.js';

export default defineCommand({
  name: 'pulse create',
  description: 'Ask ambassadors or the committee one question by DM, answered with a tap (staff)',
  access: 'staff',
  program: true,
  options: {
    question: opt.string('The question, e.g. "How supported do you feel this month?"', { required: true, min: 5, max: MAX_QUESTION }),
    kind: opt.choice('How people answer: a 1–5 scale, one of your choices, or in words', ['scale', 'choice', 'text'] as const, { required: true }),
    choices: opt.string('For kind:choice: 2 to 10 options separated by semicolons, e.g. "Yes; No; Not sure"', { max: 700 }),
    comment: opt.boolean('Let people add a comment to their answer (default: no)'),
    audience: opt.choice('Who is asked (default: ambassadors)', ['ambassadors', 'committee', 'both'] as const),
    anonymous: opt.boolean('Anonymous answers (default: yes)'),
    closes: opt.string('When it closes: how long it stays open ("3 days", the default) or a date "2026-12-20 17:00"', { max: 40 }),
    repeat: opt.string('Ask again on a schedule, e.g. "first monday of the month 10:00"', { max: 80 }),
  },
  async run(ctx, input) {
    const made = await createPulse(ctx.deps, { program: ctx.program, actor: ctx.actor, ...input, audience: input.audience ?? 'ambassadors' });
    return createdReply(ctx.program, made);
  },
});
