// /application pending: the committee's queue, with who hasn't voted yet.
import { defineCommand } from '../../src/core/commands/define.js';
import { pendingApplications } from '../../src/core/applications/status.js';
import { pendingReply } from '../../src/core/applications/replies.js';

export default defineCommand({
  name: 'application pending',
  description: 'Open applications and who has not voted yet (committee)',
  access: 'committee',
  program: true,
  run: async (ctx) => pendingReply(ctx.program, await pendingApplications(ctx.deps, { program: ctx.program })),
});
