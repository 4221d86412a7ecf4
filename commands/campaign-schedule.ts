// /campaign schedule|pause|resume|cancel — when a campaign posts.
import { defineCommand, opt, type Command } from './define.js';
import { cancelCampaign, scheduleCampaign, setPaused } from '../src/core/campaigns/schedule.js';
import { describeSchedule } from '../src/core/campaigns/render.js';
import { MAX_GRACE_MINUTES } from '../src/core/campaigns/model.js';
import { say } from '../src/core/replies.js';
import { actorOf, campaignOption } from './campaign-options.js';
import { formatDate } from '../src/core/text.js';

const scheduleOption = opt.integer('One schedule of the campaign (default: the whole campaign)', { min: 1 });

export const campaignSchedule = defineCommand({
  name: 'campaign schedule',
  description: 'Post a campaign once (at) or on a recurrence (every) (staff)',
  access: 'staff',
  options: {
    campaign: campaignOption,
    at: opt.string('One post at a date-time, e.g. "2026-12-01 09:00"', { max: 40 }),
    every: opt.string('A recurrence, e.g. "every Monday 09:00", "weekdays 17:30", or cron "0 9 * * 1"', { max: 100 }),
    timezone: opt.string("IANA time zone, e.g. Europe/Paris (default: the program's)", { max: 64 }),
    grace_minutes: opt.integer('After downtime, still post if this late (default 360)', { min: 0, max: MAX_GRACE_MINUTES }),
  },
  async run(ctx, { campaign: id, ...input }) {
    const { schedule, campaign, next } = await scheduleCampaign(ctx.deps, { actor: actorOf(ctx), campaignId: id, input });
    const zone = schedule.timeZone;
    const runs = next.map((at) => `• ${formatDate(at, zone)}`).join('\n');
    const paused = campaign.status === 'paused' ? `\nThe campaign is paused: nothing posts until /campaign resume campaign:${id}.` : '';
    return say(`Campaign ${id} “${campaign.title}”: ${describeSchedule(schedule)}.\n${next.length > 1 ? 'Next posts' : 'It posts'}:\n${runs}${paused}`);
  },
});

const toggle = (paused: boolean) =>
  defineCommand({
    name: paused ? 'campaign pause' : 'campaign resume',
    description: paused ? 'Stop a campaign (or one schedule) posting for now (staff)' : 'Start a paused campaign or schedule again (staff)',
    access: 'staff',
    options: { campaign: campaignOption, schedule: scheduleOption },
    async run(ctx, input) {
      const r = await setPaused(ctx.deps, { actor: actorOf(ctx), campaignId: input.campaign, scheduleId: input.schedule, paused });
      const what = input.schedule ? `Schedule ${input.schedule} of campaign ${input.campaign}` : `Campaign ${input.campaign} “${r.campaign.title}”`;
      if (!r.changed) return say(`${what} is already ${paused ? 'paused' : 'running'}.`);
      const resume = `/campaign resume campaign:${input.campaign}${input.schedule ? ` schedule:${input.schedule}` : ''}`;
      const after = paused ? ` Nothing posts until ${resume}; posts due meanwhile are not sent later.` : ' Posts due while it was paused are not sent.';
      return say(`${what} is ${paused ? 'paused' : 'running again'}.${after}${r.note}`);
    },
  });

export const campaignCancel = defineCommand({
  name: 'campaign cancel',
  description: 'Cancel a campaign (or one schedule) for good (staff)',
  access: 'staff',
  options: { campaign: campaignOption, schedule: scheduleOption },
  async run(ctx, input) {
    const r = await cancelCampaign(ctx.deps, { actor: actorOf(ctx), campaignId: input.campaign, scheduleId: input.schedule });
    const what = input.schedule ? `Schedule ${input.schedule} of campaign ${input.campaign}` : `Campaign ${input.campaign} “${r.campaign.title}”`;
    return say(r.changed ? `${what} is cancelled; it will not post again.` : `${what} was already cancelled.`);
  },
});

export const scheduleCommands: Command[] = [campaignSchedule, toggle(true), toggle(false), campaignCancel];
