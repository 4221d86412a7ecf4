// Campaign announcements: one tick a minute reads the schedules from the database, so a schedule
// created, paused or cancelled takes effect at the next minute without reloading anything.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Core } from '../core/index.js';
import { runDueCampaignPosts } from '../core/campaigns/tick.js';
import type { Job } from './index.js';

/** Unique per process and per start, so a restarted process never mistakes its old claims for its own. */
export function claimantId(): string {
  return `${hostname()}:${process.pid}:${Date.now().toString(36)}:${randomBytes(3).toString('hex')}`;
}

export function campaignJobs(core: Core, claimedBy: string = claimantId()): Job[] {
  return [{ name: 'campaign-posts', cron: '* * * * *', run: () => runDueCampaignPosts(core.deps, { claimedBy }) }];
}
