// /nudges on: an ambassador wants the reminders again.
import { defineCommand } from '../../src/core/commands/define.js';
import { setMyNudges } from '../../src/core/engagement/nudges.js';
import { say } from '../../src/core/replies.js';

export default defineCommand({
  name: 'nudges on',
  description: 'A reminder when you have been quiet for a while (if staff turned them on)',
  access: 'anyone',
  program: true,
  options: {},
  async run(ctx) {
    await setMyNudges(ctx.deps, { program: ctx.program, actor: ctx.actor, off: false });
    return say(ctx.program.nudgeAfterWeeks
      ? `Done: after ${ctx.program.nudgeAfterWeeks} quiet weeks I'll send you one friendly reminder.`
      : 'Done. Staff have reminders turned off for now; you will get them if they turn them on.');
  },
});
