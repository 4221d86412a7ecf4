// /mydata (show): what the program holds about you, and the complete export by DM (console: files).
import { defineCommand } from '../../src/core/commands/define.js';
import { myData } from '../../src/core/people/export.js';
import { myDataReply } from '../../src/core/people/replies.js';

export default defineCommand({
  name: 'mydata show',
  description: 'What the program holds about you, with a complete export sent to you',
  access: 'anyone',
  groupDefault: true,
  run: async (ctx) => myDataReply(await myData(ctx.deps, { member: ctx.member })),
});
