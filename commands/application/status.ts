// /application status: where the caller's own application stands.
import { defineCommand } from '../../src/core/commands/define.js';
import { applicationStatus } from '../../src/core/applications/status.js';
import { statusReply } from '../../src/core/applications/replies.js';

export default defineCommand({
  name: 'application status',
  description: 'Where your application stands',
  access: 'anyone',
  program: true,
  run: async (ctx) => statusReply(ctx.program, await applicationStatus(ctx.deps, { program: ctx.program, actor: ctx.actor })),
});
