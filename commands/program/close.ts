// /program close: close applications (/program open is its counterpart).
import { defineCommand } from '../../src/core/commands/define.js';
import { setApplicationsOpen } from '../../src/core/programs/setup.js';
import { applicationsOpenReply } from '../../src/core/programs/replies.js';

export default defineCommand({
  name: 'program close',
  description: 'Close applications (staff)',
  access: 'staff',
  program: true,
  run: async (ctx) => applicationsOpenReply(await setApplicationsOpen(ctx.deps, { actor: ctx.actor, program: ctx.program, open: false })),
});
