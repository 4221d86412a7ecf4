// /campaign cancel: a campaign, or one of its schedules, never posts again.
import { defineCommand } from '../../src/core/commands/define.js';
import { cancelCampaign } from '../../src/core/campaigns/schedule.js';
import { cancelledReply } from '../../src/core/campaigns/replies.js';
import { campaignOption, scheduleOption } from './options.js';

export default defineCommand({
  name: 'campaign cancel',
  description: 'Cancel a campaign (or one schedule) for good (staff)',
  access: 'staff',
  options: { campaign: campaignOption, schedule: scheduleOption },
  async run(ctx, { campaign, schedule }) {
    return cancelledReply(await cancelCampaign(ctx.deps, { actor: ctx.actor, campaignId: campaign, scheduleId: schedule }));
  },
});
