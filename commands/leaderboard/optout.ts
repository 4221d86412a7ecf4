// /leaderboard optout (ambassadors): stay off the public boards; /me still shows your own standing.
import { defineCommand } from '../../src/core/commands/define.js';
import { setOptOut } from '../../src/core/activity/standing.js';
import { optOutReply } from '../../src/core/activity/replies.js';

export default defineCommand({
  name: 'leaderboard optout',
  description: 'Stay off the public leaderboards (you still see your own standing)',
  access: 'ambassador',
  program: true,
  async run(ctx) {
    return optOutReply(await setOptOut(ctx.deps, { program: ctx.program, actor: ctx.actor, optOut: true }));
  },
});
