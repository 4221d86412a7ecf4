// /committee list: who sits on the committee (the platform group, or the /committee add list).
import { defineCommand } from '../../src/core/commands/define.js';
import { listCommittee } from '../../src/core/programs/people.js';
import { committeeReply } from '../../src/core/programs/replies.js';

export default defineCommand({
  name: 'committee list',
  description: 'Who sits on the committee',
  access: 'anyone',
  program: true,
  run: async (ctx) => committeeReply(ctx.program, await listCommittee(ctx.deps, { program: ctx.program })),
});
