// How far a campaign is toward its objective, and how that reads in a post.
import type { CoreDeps } from '../deps.js';
import type { Campaign } from './model.js';
import { campaignProgress } from '../activity/progress.js';

export interface Progress {
  current: number;
  target: number;
  metric: string;
}

/**
 * Verified activity counted toward the campaign's metric. Null when nothing measures it: no
 * progress line rather than a made-up number.
 */
export async function progressFor(deps: CoreDeps, campaign: Campaign): Promise<Progress | null> {
  const p = await campaignProgress(deps, campaign.id);
  return p && { current: p.current, target: p.target, metric: p.unit };
}
