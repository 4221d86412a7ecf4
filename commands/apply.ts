// /apply: opens the application form (the submission comes back through the core's form handler).
import { defineCommand, opt } from '../src/core/commands/define.js';
import { startApplication } from '../src/core/applications/apply.js';
import { startReply } from '../src/core/applications/replies.js';

export default defineCommand({
  name: 'apply',
  description: 'Apply to become an ambassador',
  access: 'anyone',
  program: true,
  options: { referrer: opt.user('The ambassador who referred you, if any') },
  run: async (ctx, input) => startReply(await startApplication(ctx.deps, { program: ctx.program, actor: ctx.actor, referrerUserId: input.referrer })),
});
