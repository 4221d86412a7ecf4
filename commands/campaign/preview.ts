// /campaign preview: staff see exactly what a post will look like, before it goes out.
import { defineCommand } from '../../src/core/commands/define.js';
import { previewCampaign } from '../../src/core/campaigns/manage.js';
import { previewReply } from '../../src/core/campaigns/replies.js';
import { campaignOption } from './options.js';

export default defineCommand({
  name: 'campaign preview',
  description: 'See exactly what a campaign post will look like, privately (staff)',
  access: 'staff',
  options: { campaign: campaignOption },
  async run(ctx, { campaign }) {
    return previewReply(await previewCampaign(ctx.deps, { actor: ctx.actor, campaignId: campaign }));
  },
});
