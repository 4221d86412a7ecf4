// /nudges off: an ambassador stops the "we miss you" DMs.
import { defineCommand } from '../../src/core/commands/define.js';
import { setMyNudges } from '../../src/core/engagement/nudges.js';
import { say } from '../../src/core/replies.js';

export default defineCommand({
  name: 'nudges off',
  description: 'No more reminders when you have been quiet for a while',
  access: 'anyone',
  program: true,
  options: {},
  async run(ctx) {
    await setMyNudges(ctx.deps, { program: ctx.program, actor: ctx.actor, off: true });
    return say("Done: I won't send you reminders when you've been quiet. /nudges on brings them back.");
  },
});
