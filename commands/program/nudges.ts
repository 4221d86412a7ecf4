// /program nudges: turn inactivity nudges on (after N quiet weeks) or off.
import { defineCommand, opt } from '../../src/core/commands/define.js';
import { setNudges } from '../../src/core/engagement/nudges.js';
import { nudgesReply } from '../../src/core/engagement/replies.js';

export default defineCommand({
  name: 'program nudges',
  description: 'A kind DM to ambassadors quiet for some weeks: after_weeks:4, or off:true (staff)',
  access: 'staff',
  program: true,
  options: {
    after_weeks: opt.integer('Weeks without verified activity before the one nudge', { min: 1, max: 52 }),
    off: opt.boolean('Turn nudges off'),
  },
  run: async (ctx, input) => nudgesReply(await setNudges(ctx.deps, { program: ctx.program, actor: ctx.actor, afterWeeks: input.after_weeks, off: input.off })),
});
