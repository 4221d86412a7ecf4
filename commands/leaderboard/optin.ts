// /leaderboard optin (ambassadors): appear on the public boards again.
import { defineCommand } from '../../src/core/commands/define.js';
import { setOptOut } from '../../src/core/activity/standing.js';
import { optOutReply } from '../../src/core/activity/replies.js';

export default defineCommand({
  name: 'leaderboard optin',
  description: 'Appear on the public leaderboards again',
  access: 'ambassador',
  program: true,
  async run(ctx) {
    return optOutReply(await setOptOut(ctx.deps, { program: ctx.program, actor: ctx.actor, optOut: false }));
  },
});
