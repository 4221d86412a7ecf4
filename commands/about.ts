// /about: why the program exists and what it aims for, for anyone.
import { defineCommand } from '../src/core/commands/define.js';
import { aboutReply } from '../src/core/programs/replies.js';

export default defineCommand({
  name: 'about',
  description: 'Why the ambassador program exists and what it aims for',
  access: 'anyone',
  program: true,
  run: async (ctx) => aboutReply(ctx.program),
});
