// /pulse stop: no more rounds of a recurring pulse.
import { defineCommand, opt } from '../../src/core/commands/define.js';
import { stopPulse } from '../../src/core/pulse/create.js';
import { stoppedReply } from '../../src/core/pulse/replies.js';

export default defineCommand({
  name: 'pulse stop',
  description: 'Stop asking a recurring pulse (staff)',
  access: 'staff',
  program: true,
  options: { id: opt.integer('The pulse number (see /pulse list)', { required: true, min: 1, max: 2_147_483_647 }) },
  run: async (ctx, input) => stoppedReply(await stopPulse(ctx.deps, { program: ctx.program, actor: ctx.actor, id: input.id })),
});
