// /pulse close: close the open round now; results go to staff as at a normal close.
import { defineCommand, opt } from '../../src/core/commands/define.js';
import { closePulseNow } from '../../src/core/pulse/create.js';
import { closedReply } from '../../src/core/pulse/replies.js';

export default defineCommand({
  name: 'pulse close',
  description: 'Close a pulse now and send its results (staff)',
  access: 'staff',
  program: true,
  options: { id: opt.integer('The pulse number (see /pulse list)', { required: true, min: 1, max: 2_147_483_647 }) },
  async run(ctx, input) {
    const { pulse, round } = await closePulseNow(ctx.deps, { program: ctx.program, actor: ctx.actor, id: input.id });
    return closedReply(pulse, round);
  },
});
