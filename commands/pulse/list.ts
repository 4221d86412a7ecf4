// /pulse list: the program's pulses, open or closed, with their last response rate (staff).
import { defineCommand } from '../../src/core/commands/define.js';
import { listPulses } from '../../src/core/pulse/show.js';
import { listReply } from '../../src/core/pulse/replies.js';

export default defineCommand({
  name: 'pulse list',
  description: "The program's pulse surveys and how many answered (staff)",
  access: 'staff',
  program: true,
  run: async (ctx) => listReply(ctx.program, await listPulses(ctx.deps, ctx.program)),
});
