// /log: an ambassador records what they did (the router lets only active ambassadors in).
import { defineCommand, opt } from '../src/core/commands/define.js';
import { logActivity } from '../src/core/activity/log.js';
import { loggedReply } from '../src/core/activity/replies.js';

export default defineCommand({
  name: 'log',
  description: 'Log something you did for the program (ambassadors)',
  access: 'ambassador',
  program: true,
  options: {
    kind: opt.string('What you did, e.g. share, referral, event, funds (see /activity kinds list)', { required: true, min: 1, max: 24 }),
    amount: opt.integer('How many (or how much, e.g. dollars raised)', { required: true, min: 1, max: 1_000_000_000 }),
    link: opt.link('Evidence: a link to the post, event page or receipt (https://…)', { max: 500 }),
    note: opt.string('A short note for the reviewer', { max: 300 }),
    campaign: opt.integer('The campaign it was for, if any (its number)', { min: 1, max: 2_147_483_647 }),
  },
  async run(ctx, input) {
    const outcome = await logActivity(ctx.deps, {
      program: ctx.program, actor: ctx.actor,
      kind: input.kind, amount: input.amount, link: input.link, note: input.note, campaignId: input.campaign,
    });
    return loggedReply(outcome);
  },
});
