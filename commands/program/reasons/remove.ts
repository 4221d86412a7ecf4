// /program reasons remove: drop a preset rejection reason (built-in ones can only be reworded).
import { defineCommand } from '../../../src/core/commands/define.js';
import { removeReason } from '../../../src/core/programs/reasons.js';
import { reasonRemovedReply } from '../../../src/core/programs/replies.js';
import { code } from './options.js';

export default defineCommand({
  name: 'program reasons remove',
  description: 'Remove a preset rejection reason (staff; built-in ones can only be reworded)',
  access: 'staff',
  program: true,
  options: { code },
  run: async (ctx, input) => reasonRemovedReply(await removeReason(ctx.deps, { actor: ctx.actor, program: ctx.program, code: input.code })),
});
