// /program rules: the voting rules; a change applies to open votes at once.
import { defineCommand, opt } from '../../src/core/commands/define.js';
import { setRules } from '../../src/core/programs/setup.js';
import { rulesReply } from '../../src/core/programs/replies.js';

export default defineCommand({
  name: 'program rules',
  description: 'Voting rules: quorum, threshold, window, blind review, cool-down (staff)',
  access: 'staff',
  program: true,
  options: {
    quorum: opt.integer('Minimum votes before a decision', { min: 1, max: 100 }),
    threshold: opt.string('Share of approve votes needed, e.g. 2/3 or 60%', { max: 10 }),
    window_hours: opt.integer('Voting window in hours', { min: 1, max: 24 * 60 }),
    no_quorum: opt.choice('At the window end without quorum', ['extend_once', 'reject', 'staff'] as const),
    blind: opt.boolean('Hide applicant names from the committee'),
    cooldown_days: opt.integer('Days before a rejected person may re-apply', { min: 0, max: 3650 }),
    approve_emoji: opt.string('Emoji for approve', { max: 40 }),
    reject_emoji: opt.string('Emoji for reject', { max: 40 }),
    abstain_emoji: opt.string('Emoji for abstain', { max: 40 }),
    announce_acceptances: opt.boolean('Announce new ambassadors in the announcement channel'),
    keep_answers_days: opt.daysOrNever('Days to keep answers of rejected and withdrawn applications, or never (erase)'),
  },
  run: async (ctx, input) =>
    rulesReply(await setRules(ctx.deps, {
      actor: ctx.actor, program: ctx.program, quorum: input.quorum, threshold: input.threshold, windowHours: input.window_hours,
      noQuorumPolicy: input.no_quorum, blindReview: input.blind, cooldownDays: input.cooldown_days,
      emoji: { approve: input.approve_emoji, reject: input.reject_emoji, abstain: input.abstain_emoji },
      announceAcceptances: input.announce_acceptances, retentionDays: input.keep_answers_days,
    })),
});
