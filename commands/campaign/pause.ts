// /campaign pause: stop a campaign, or one of its schedules, posting for now.
import { defineCommand } from '../../src/core/commands/define.js';
import { setPaused } from '../../src/core/campaigns/schedule.js';
import { pausedReply } from '../../src/core/campaigns/replies.js';
import { campaignOption, scheduleOption } from './options.js';

export default defineCommand({
  name: 'campaign pause',
  description: 'Stop a campaign (or one schedule) posting for now (staff)',
  access: 'staff',
  options: { campaign: campaignOption, schedule: scheduleOption },
  async run(ctx, { campaign, schedule }) {
    return pausedReply(await setPaused(ctx.deps, { actor: ctx.actor, campaignId: campaign, scheduleId: schedule, paused: true }));
  },
});
