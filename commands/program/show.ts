// /program show: the program's card (settings, rules, places, waitlist, last undelivered alert).
import { defineCommand } from '../../src/core/commands/define.js';
import { showProgram } from '../../src/core/programs/show.js';
import { programReply } from '../../src/core/programs/replies.js';

export default defineCommand({
  name: 'program show',
  description: "The program's settings, rules and waitlist",
  access: 'anyone',
  program: true,
  run: async (ctx) => {
    const { program, state } = await showProgram(ctx.deps, { program: ctx.program });
    return programReply(program, state);
  },
});
