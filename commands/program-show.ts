import { defineCommand } from './define.js';
import { programOption } from './shared-options.js';
import { programCard } from '../src/core/programs/setup.js';

export default defineCommand({
  name: 'program show',
  description: "The program's settings and rules",
  access: 'anyone',
  options: { program: programOption },
  async run(ctx, input) {
    const program = await ctx.program(input.program);
    const active = await ctx.deps.store.ambassadors.activeCount(program.id);
    return { kind: 'message', private: true, message: programCard(program, active) };
  },
});
