// /campaign schedule: when a campaign posts, once (at) or on a recurrence (every).
import { defineCommand, opt } from '../../src/core/commands/define.js';
import { MAX_GRACE_MINUTES } from '../../src/core/campaigns/model.js';
import { scheduleCampaign } from '../../src/core/campaigns/schedule.js';
import { scheduledReply } from '../../src/core/campaigns/replies.js';
import { campaignOption } from './options.js';

export default defineCommand({
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
  async run(ctx, input) {
    const scheduled = await scheduleCampaign(ctx.deps, {
      actor: ctx.actor, campaignId: input.campaign, at: input.at, every: input.every, timeZone: input.timezone, graceMinutes: input.grace_minutes,
    });
    return scheduledReply(scheduled);
  },
});
