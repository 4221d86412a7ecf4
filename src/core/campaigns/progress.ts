// How far a campaign is toward its objective, and how that reads in a post.
import type { CoreDeps } from '../deps.js';
import type { Campaign } from './model.js';

export interface Progress {
  current: number;
  target: number;
  metric: string;
}

/**
 * The hook the activity issue feeds (verified activity counted toward the campaign's metric).
 * Null until then: no progress line rather than a made-up number.
 */
export async function progressFor(_deps: CoreDeps, _campaign: Campaign): Promise<Progress | null> {
  return null;
}

const num = (n: number) => n.toLocaleString('en-US');

/** "612 / 1,000 sign-ups — 61%", with a 10-step bar on its own line. */
export function formatProgress(p: Progress): string {
  const pct = p.target > 0 ? Math.floor((p.current / p.target) * 100) : 0;
  const filled = Math.max(0, Math.min(10, Math.floor(pct / 10)));
  return `${num(p.current)} / ${num(p.target)} ${p.metric} — ${pct}%\n${'▰'.repeat(filled)}${'▱'.repeat(10 - filled)}`;
}
