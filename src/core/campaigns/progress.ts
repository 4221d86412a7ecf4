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

const num = (n: number) => n.toLocaleString('en-US');

/** "612 / 1,000 sign-ups — 61%", with a 10-step bar on its own line. */
export function formatProgress(p: Progress): string {
  const pct = p.target > 0 ? Math.floor((p.current / p.target) * 100) : 0;
  const filled = Math.max(0, Math.min(10, Math.floor(pct / 10)));
  return `${num(p.current)} / ${num(p.target)} ${p.metric} — ${pct}%\n${'▰'.repeat(filled)}${'▱'.repeat(10 - filled)}`;
}
