// /activity kinds list: what can be logged and what it earns (anyone may look).
import { defineCommand } from '../../../src/core/commands/define.js';
import { listKinds } from '../../../src/core/activity/kinds.js';
import { kindsReply } from '../../../src/core/activity/replies.js';

export default defineCommand({
  name: 'activity kinds list',
  description: 'What can be logged and what it earns',
  access: 'anyone',
  program: true,
  async run(ctx) {
    return kindsReply(ctx.program, await listKinds(ctx.deps, { program: ctx.program }));
  },
});
