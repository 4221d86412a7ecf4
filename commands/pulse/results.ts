// /pulse results: a pulse's latest results again, every comment included (staff).
import { defineCommand, opt } from '../../src/core/commands/define.js';
import { latestResults } from '../../src/core/pulse/show.js';

export default defineCommand({
  name: 'pulse results',
  description: "A pulse's latest results, with every comment (staff)",
  access: 'staff',
  program: true,
  options: { id: opt.integer('The pulse number (see /pulse list)', { required: true, min: 1, max: 2_147_483_647 }) },
  run: async (ctx, input) => latestResults(ctx.deps, ctx.program, input.id),
});
