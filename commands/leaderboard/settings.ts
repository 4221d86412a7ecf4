// /leaderboard settings (staff): when the weekly board is posted and how many places it shows.
import { defineCommand, opt } from '../../src/core/commands/define.js';
import { boardSettings, MAX_BOARD_SIZE, WEEKDAYS } from '../../src/core/activity/settings.js';
import { settingsReply } from '../../src/core/activity/replies.js';

export default defineCommand({
  name: 'leaderboard settings',
  description: 'When the weekly leaderboard is posted and how many it shows (staff)',
  access: 'staff',
  program: true,
  options: {
    day: opt.choice('Day of the week it is posted', WEEKDAYS),
    time: opt.string("Time of day, 24-hour HH:MM in the program's time zone", { max: 8 }),
    size: opt.integer('How many places it shows', { min: 1, max: MAX_BOARD_SIZE }),
  },
  async run(ctx, input) {
    return settingsReply(ctx.program, await boardSettings(ctx.deps, { program: ctx.program, actor: ctx.actor, day: input.day, time: input.time, size: input.size }));
  },
});
