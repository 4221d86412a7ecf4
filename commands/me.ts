// /me: your own points, rank and recent activity, privately (anyone may ask; non-ambassadors are told why there is nothing).
import { defineCommand } from '../src/core/commands/define.js';
import { myStanding } from '../src/core/activity/standing.js';
import { meReply } from '../src/core/activity/replies.js';

export default defineCommand({
  name: 'me',
  description: 'Your points, rank and recent activity (only you see it)',
  access: 'anyone',
  program: true,
  async run(ctx) {
    return meReply(ctx.program, ctx.member, await myStanding(ctx.deps, { program: ctx.program, actor: ctx.actor }));
  },
});
