// The weekly leaderboards: one tick a minute looks at every program's schedule (its
// leaderboardCron in its own time zone), so a changed schedule applies without a restart.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Core } from '../core/index.js';
import { runDueLeaderboards } from '../core/activity/weekly.js';
import type { renderLeaderboardCard } from '../render/leaderboard-card.js';
import type { Job } from './index.js';

/** Unique per process and start, so a restarted process never mistakes its old claims for its own. */
function claimantId(): string {
  return `${hostname()}:${process.pid}:${Date.now().toString(36)}:${randomBytes(3).toString('hex')}`;
}

/** The canvas library loads when a card is first drawn, not at start-up (idle memory). */
const renderCard: typeof renderLeaderboardCard = async (input) => (await import('../render/leaderboard-card.js')).renderLeaderboardCard(input);

export function leaderboardJobs(core: Core, claimedBy: string = claimantId()): Job[] {
  return [{ name: 'weekly-leaderboards', cron: '* * * * *', run: () => runDueLeaderboards(core.deps, { claimedBy, renderCard }) }];
}
