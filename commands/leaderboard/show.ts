// /leaderboard show: the board for this week, month, all time or a campaign, privately. ("leaderboard"
// alone can't also be a command: Discord allows a name to be a command or a group, not both.)
import { defineCommand, opt } from '../../src/core/commands/define.js';
import { leaderboard } from '../../src/core/activity/standing.js';
import { boardReply } from '../../src/core/activity/replies.js';

export default defineCommand({
  name: 'leaderboard show',
  description: 'The leaderboard for this week, month, all time or a campaign (only you see it)',
  access: 'anyone',
  program: true,
  options: {
    period: opt.choice('Which period (default: this week)', ['week', 'month', 'all', 'campaign'] as const),
    campaign: opt.integer('The campaign number, for period:campaign', { min: 1, max: 2_147_483_647 }),
  },
  async run(ctx, input) {
    return boardReply(ctx.program, await leaderboard(ctx.deps, { program: ctx.program, actor: ctx.actor, period: input.period, campaignId: input.campaign }));
  },
});
