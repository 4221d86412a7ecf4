// /report: the engagement report for staff — ambassadors beside engaged ambassadors, who joined,
// lapsed and came back, activity by kind and campaign, and the trend, with a chart.
import { defineCommand, opt } from '../src/core/commands/define.js';
import { engagementReport } from '../src/core/engagement/report.js';
import { reportReply } from '../src/core/engagement/replies.js';

export default defineCommand({
  name: 'report',
  description: 'Engagement report: engaged ambassadors, lapsed, trend (staff)',
  access: 'staff',
  program: true,
  options: {
    period: opt.choice('The last complete week, month or quarter (default: month)', ['week', 'month', 'quarter'] as const),
    campaign: opt.integer('A campaign number instead of a period (see /campaign list)', { min: 1, max: 2_147_483_647 }),
    lapsed_weeks: opt.integer('Weeks without verified activity before someone counts as lapsed (default 4)', { min: 1, max: 52 }),
  },
  async run(ctx, input) {
    const report = await engagementReport(ctx.deps, { program: ctx.program, period: input.period, campaignId: input.campaign, lapsedWeeks: input.lapsed_weeks });
    return reportReply(ctx.program, report);
  },
});
