import { defineCommand } from './define.js';
import { programOption } from './shared-options.js';
import { aboutCard } from '../src/core/programs/card.js';

export default defineCommand({
  name: 'about',
  description: 'Why the ambassador program exists and what it aims for',
  access: 'anyone',
  options: { program: programOption },
  async run(ctx, input) {
    return { kind: 'message', private: true, message: aboutCard(await ctx.program(input.program)) };
  },
});
