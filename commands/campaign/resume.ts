// /campaign resume: a paused campaign or schedule posts again (runs due meanwhile are not sent).
import { defineCommand } from '../../src/core/commands/define.js';
import { setPaused } from '../../src/core/campaigns/schedule.js';
import { pausedReply } from '../../src/core/campaigns/replies.js';
import { campaignOption, scheduleOption } from './options.js';

export default defineCommand({
  name: 'campaign resume',
  description: 'Start a paused campaign or schedule again (staff)',
  access: 'staff',
  options: { campaign: campaignOption, schedule: scheduleOption },
  async run(ctx, { campaign, schedule }) {
    return pausedReply(await setPaused(ctx.deps, { actor: ctx.actor, campaignId: campaign, scheduleId: schedule, paused: false }));
  },
});
