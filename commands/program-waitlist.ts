import { defineCommand } from './define.js';
import { programOption } from './shared-options.js';
import { showWaitlist } from '../src/core/programs/card.js';

export default defineCommand({
  name: 'program waitlist',
  description: 'Who is waiting for a place, in order (staff)',
  access: 'staff',
  options: { program: programOption },
  run: async (ctx, input) => showWaitlist(ctx.deps.store, await ctx.program(input.program)),
});
