// /leaderboard show|optout|optin|settings and /export. ("leaderboard" alone can't also be a
// command: Discord allows a name to be a command or a group of subcommands, not both.)
import { defineCommand, opt } from './define.js';
import { programOption } from './shared-options.js';
import { setOptOut, showBoard } from '../src/core/activity/standing.js';
import { boardSettings, MAX_BOARD_SIZE, WEEKDAYS } from '../src/core/activity/settings.js';
import { exportCommand } from '../src/core/activity/export.js';

export const leaderboardShow = defineCommand({
  name: 'leaderboard show',
  description: 'The leaderboard for this week, month, all time or a campaign (only you see it)',
  access: 'anyone',
  options: {
    period: opt.choice('Which period (default: this week)', ['week', 'month', 'all', 'campaign'] as const),
    campaign: opt.integer('The campaign number, for period:campaign', { min: 1, max: 2_147_483_647 }),
    program: programOption,
  },
  run: async (ctx, input) => showBoard(ctx, await ctx.program(input.program), input),
});

export const leaderboardOptOut = defineCommand({
  name: 'leaderboard optout',
  description: 'Stay off the public leaderboards (you still see your own standing)',
  access: 'ambassador',
  options: { program: programOption },
  run: async (ctx, input) => setOptOut(ctx, await ctx.program(input.program), true),
});

export const leaderboardOptIn = defineCommand({
  name: 'leaderboard optin',
  description: 'Appear on the public leaderboards again',
  access: 'ambassador',
  options: { program: programOption },
  run: async (ctx, input) => setOptOut(ctx, await ctx.program(input.program), false),
});

export const leaderboardSettings = defineCommand({
  name: 'leaderboard settings',
  description: 'When the weekly leaderboard is posted and how many it shows (staff)',
  access: 'staff',
  options: {
    day: opt.choice('Day of the week it is posted', WEEKDAYS),
    time: opt.string("Time of day, 24-hour HH:MM in the program's time zone", { max: 8 }),
    size: opt.integer('How many places it shows', { min: 1, max: MAX_BOARD_SIZE }),
    program: programOption,
  },
  run: async (ctx, input) => boardSettings(ctx, await ctx.program(input.program), input),
});

export const exportData = defineCommand({
  name: 'export',
  description: 'CSV files of ambassadors, applications and activity for a date range (staff)',
  access: 'staff',
  options: {
    from: opt.string('First day, YYYY-MM-DD (default: the beginning)', { max: 20 }),
    to: opt.string('Last day, YYYY-MM-DD, included (default: now)', { max: 20 }),
    what: opt.choice('What to export (default: all)', ['all', 'ambassadors', 'applications', 'activity'] as const),
    program: programOption,
  },
  run: async (ctx, input) => exportCommand(ctx, await ctx.program(input.program), input),
});
