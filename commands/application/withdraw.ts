// /application withdraw: the applicant takes back their open application.
import { defineCommand } from '../../src/core/commands/define.js';
import { withdrawApplication } from '../../src/core/applications/status.js';
import { withdrawReply } from '../../src/core/applications/replies.js';

export default defineCommand({
  name: 'application withdraw',
  description: 'Withdraw your open application',
  access: 'anyone',
  program: true,
  run: async (ctx) => withdrawReply(ctx.program, await withdrawApplication(ctx.deps, { program: ctx.program, actor: ctx.actor })),
});
