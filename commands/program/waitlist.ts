// /program waitlist: who is waiting for a place, in order.
import { defineCommand } from '../../src/core/commands/define.js';
import { showProgram } from '../../src/core/programs/show.js';
import { waitlistReply } from '../../src/core/programs/replies.js';

export default defineCommand({
  name: 'program waitlist',
  description: 'Who is waiting for a place, in order (staff)',
  access: 'staff',
  program: true,
  run: async (ctx) => {
    const { program, state } = await showProgram(ctx.deps, { program: ctx.program });
    return waitlistReply(program, state);
  },
});
