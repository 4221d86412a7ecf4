// /campaign list: a program's campaigns, what posts next, and what is paused or idle.
import { defineCommand, opt } from '../../src/core/commands/define.js';
import { listCampaigns } from '../../src/core/campaigns/list.js';
import { listReply } from '../../src/core/campaigns/replies.js';

export default defineCommand({
  name: 'campaign list',
  description: 'Campaigns and their upcoming posts (staff)',
  access: 'staff',
  program: true,
  options: { all: opt.boolean('Include cancelled campaigns') },
  async run(ctx, { all }) {
    return listReply(await listCampaigns(ctx.deps, { program: ctx.program, includeCancelled: all }));
  },
});
