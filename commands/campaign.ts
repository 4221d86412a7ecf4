// /campaign create|edit|preview|list — staff write campaigns and see exactly what will be posted.
import { defineCommand, opt, type Command } from './define.js';
import { programOption } from './shared-options.js';
import { createCampaign, editCampaign, previewCampaign } from '../src/core/campaigns/manage.js';
import { listCampaigns } from '../src/core/campaigns/list.js';
import { campaignCard } from '../src/core/campaigns/render.js';
import type { CommandContext } from '../src/core/commands/context.js';
import type { Campaign } from '../src/core/campaigns/model.js';
import type { Program } from '../src/core/model.js';
import { say } from '../src/core/replies.js';
import { scheduleCommands } from './campaign-schedule.js';
import { actorOf, campaignFieldOptions as fields, campaignOption } from './campaign-options.js';

async function card(ctx: CommandContext, program: Program, c: Campaign, intro: string) {
  const body = campaignCard(program, c, await ctx.deps.store.campaigns.schedules(c.id));
  return say(`${intro}\n\n${body.text}`, { title: body.title, fields: body.fields });
}

export const campaignCreate = defineCommand({
  name: 'campaign create',
  description: 'Write a new campaign: message, objective, link, dates, channels (staff)',
  access: 'staff',
  options: { program: programOption, ...fields(true) },
  async run(ctx, input) {
    const program = await ctx.program(input.program);
    const c = await createCampaign(ctx.deps, { program, actorId: ctx.member.id, input });
    return card(ctx, program, c, `Created campaign ${c.id} as a draft. See it with /campaign preview campaign:${c.id}, then post it with /campaign schedule campaign:${c.id} at:"YYYY-MM-DD HH:MM" or every:"every Monday 09:00".`);
  },
});

export const campaignEdit = defineCommand({
  name: 'campaign edit',
  description: 'Change a campaign; scheduled posts use the new version (staff)',
  access: 'staff',
  options: { campaign: campaignOption, ...fields(false) },
  async run(ctx, { campaign: id, ...input }) {
    const c = await editCampaign(ctx.deps, { actor: actorOf(ctx), campaignId: id, input });
    const program = (await ctx.deps.store.programs.byId(c.programId))!;
    return card(ctx, program, c, `Saved campaign ${c.id}.`);
  },
});

export const campaignPreview = defineCommand({
  name: 'campaign preview',
  description: 'See exactly what a campaign post will look like, privately (staff)',
  access: 'staff',
  options: { campaign: campaignOption },
  async run(ctx, input) {
    return { kind: 'message', private: true, message: await previewCampaign(ctx.deps, { actor: actorOf(ctx), campaignId: input.campaign }) };
  },
});

export const campaignList = defineCommand({
  name: 'campaign list',
  description: 'Campaigns and their upcoming posts (staff)',
  access: 'staff',
  options: { program: programOption, all: opt.boolean('Include cancelled campaigns') },
  async run(ctx, input) {
    return { kind: 'message', private: true, message: await listCampaigns(ctx.deps, await ctx.program(input.program), { all: input.all }) };
  },
});

export const campaignCommands: Command[] = [campaignCreate, campaignEdit, campaignPreview, campaignList, ...scheduleCommands];
