// Campaign announcements: one tick a minute reads the schedules from the database, so a schedule
// created, paused or cancelled takes effect at the next minute without reloading anything.
import type { Core } from '../core/index.js';
import type { Job } from './index.js';

/** `claimedBy` names this process (unique per start): see claimantId in jobs.ts. */
export function campaignJobs(core: Core, claimedBy: string): Job[] {
  return [{ name: 'campaign-posts', cron: '* * * * *', run: () => core.jobs.postDueCampaigns({ claimedBy }) }];
}
