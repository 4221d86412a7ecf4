// Use case behind /campaign list: what each campaign will post next, what is paused, and why the
// rest post nothing. Returns data, soonest first; replies.ts words it in the program's time zone.
import type { CoreDeps } from '../deps.js';
import type { Program } from '../model.js';
import type { Campaign, Schedule } from './model.js';
import { nextRunOf } from './schedule.js';

export type IdleReason = 'cancelled' | 'draft' | 'ended' | 'finished';

export interface CampaignList {
  program: Program;
  now: Date;
  /** How many campaigns were looked at (cancelled ones only when asked for). */
  campaignCount: number;
  /** The next run of each live, unpaused schedule, soonest first. */
  upcoming: Array<{ at: Date; campaign: Campaign; schedule: Schedule }>;
  /** Schedules with runs ahead that are paused, or whose campaign is. */
  paused: Array<{ campaign: Campaign; schedule: Schedule; wholeCampaign: boolean }>;
  /** Campaigns with no run ahead, and why. */
  idle: Array<{ campaign: Campaign; reason: IdleReason }>;
}

export async function listCampaigns(deps: CoreDeps, o: { program: Program; includeCancelled?: boolean }): Promise<CampaignList> {
  const now = deps.now();
  const campaigns = (await deps.store.campaigns.inProgram(o.program.id)).filter((c) => o.includeCancelled || c.status !== 'cancelled');
  const list: CampaignList = { program: o.program, now, campaignCount: campaigns.length, upcoming: [], paused: [], idle: [] };
  for (const campaign of campaigns) {
    const schedules = (await deps.store.campaigns.schedules(campaign.id)).filter((s) => !s.cancelledAt);
    let any = false;
    for (const schedule of schedules) {
      const [next] = nextRunOf(schedule, campaign, now);
      if (!next) continue;
      any = true;
      const wholeCampaign = campaign.status === 'paused';
      if (wholeCampaign || schedule.paused) list.paused.push({ campaign, schedule, wholeCampaign });
      else list.upcoming.push({ at: next, campaign, schedule });
    }
    if (!any) list.idle.push({ campaign, reason: idleReason(campaign, now) });
  }
  list.upcoming.sort((a, b) => a.at.getTime() - b.at.getTime());
  return list;
}

function idleReason(c: Campaign, now: Date): IdleReason {
  if (c.status === 'cancelled' || c.status === 'draft') return c.status;
  return c.endsAt && c.endsAt <= now ? 'ended' : 'finished';
}
