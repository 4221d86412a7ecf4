// /export (staff): CSV files of ambassadors, applications and activity for a date range.
import { defineCommand, opt } from '../src/core/commands/define.js';
import { exportData } from '../src/core/activity/export.js';
import { exportReply } from '../src/core/activity/replies.js';

export default defineCommand({
  name: 'export',
  description: 'CSV files of ambassadors, applications and activity for a date range (staff)',
  access: 'staff',
  program: true,
  options: {
    from: opt.string('First day, YYYY-MM-DD (default: the beginning)', { max: 20 }),
    to: opt.string('Last day, YYYY-MM-DD, included (default: now)', { max: 20 }),
    what: opt.choice('What to export (default: all)', ['all', 'ambassadors', 'applications', 'activity'] as const),
  },
  async run(ctx, input) {
    const outcome = await exportData(ctx.deps, { program: ctx.program, actor: ctx.actor, from: input.from, to: input.to, what: input.what });
    return exportReply(ctx.program, input, outcome);
  },
});
