// /ambassador sync: retry the role/channel grants that failed (e.g. the bot's role was too low).
import { defineCommand } from '../../src/core/commands/define.js';
import { syncAmbassadors } from '../../src/core/applications/staff.js';
import { syncReply } from '../../src/core/applications/replies.js';

export default defineCommand({
  name: 'ambassador sync',
  description: 'Retry giving the ambassador role/channel where it failed (staff)',
  access: 'staff',
  program: true,
  run: async (ctx) => syncReply(ctx.program, await syncAmbassadors(ctx.deps, { program: ctx.program })),
});
