// /campaign create: staff write a new campaign; it stays a draft until scheduled.
import { defineCommand } from '../../src/core/commands/define.js';
import { createCampaign } from '../../src/core/campaigns/manage.js';
import { createdReply } from '../../src/core/campaigns/replies.js';
import { campaignFieldOptions } from './options.js';

export default defineCommand({
  name: 'campaign create',
  description: 'Write a new campaign: message, objective, link, dates, channels (staff)',
  access: 'staff',
  program: true,
  options: campaignFieldOptions(true),
  async run(ctx, { title, message, metric, target, cta, starts, ends, channels, audience }) {
    const changes = { title, message, metric, target, cta, starts, ends, channels, audience };
    return createdReply(await createCampaign(ctx.deps, { program: ctx.program, actor: ctx.actor, changes }));
  },
});
