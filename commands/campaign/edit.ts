// /campaign edit: change a campaign; scheduled posts use the new version.
import { defineCommand } from '../../src/core/commands/define.js';
import { editCampaign } from '../../src/core/campaigns/manage.js';
import { savedReply } from '../../src/core/campaigns/replies.js';
import { campaignFieldOptions, campaignOption } from './options.js';

export default defineCommand({
  name: 'campaign edit',
  description: 'Change a campaign; scheduled posts use the new version (staff)',
  access: 'staff',
  options: { campaign: campaignOption, ...campaignFieldOptions(false) },
  async run(ctx, { campaign, ...changes }) {
    return savedReply(await editCampaign(ctx.deps, { actor: ctx.actor, campaignId: campaign, changes }));
  },
});
