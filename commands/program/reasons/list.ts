// /program reasons list: the preset rejection reasons applicants may be told.
import { defineCommand } from '../../../src/core/commands/define.js';
import { listReasons } from '../../../src/core/programs/reasons.js';
import { reasonsReply } from '../../../src/core/programs/replies.js';

export default defineCommand({
  name: 'program reasons list',
  description: 'Preset rejection reasons (staff)',
  access: 'staff',
  program: true,
  run: async (ctx) => reasonsReply(ctx.program, await listReasons(ctx.deps, { program: ctx.program })),
});
