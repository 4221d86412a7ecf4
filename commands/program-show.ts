import { defineCommand } from './define.js';
import { programOption } from './shared-options.js';
import { programReply } from '../src/core/programs/card.js';

export default defineCommand({
  name: 'program show',
  description: "The program's settings, rules and waitlist",
  access: 'anyone',
  options: { program: programOption },
  run: async (ctx, input) => programReply(ctx.deps.store, await ctx.program(input.program)),
});
