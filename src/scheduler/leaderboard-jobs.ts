// The weekly leaderboards: one tick a minute looks at every program's schedule (its
// leaderboardCron in its own time zone), so a changed schedule applies without a restart.
import type { CardRenderer, Core } from '../core/index.js';
import type { Job } from './index.js';

/** The card, drawn by src/render; the canvas library loads when a card is first drawn, not at start-up (idle memory). */
export const leaderboardCard: CardRenderer = async (input) => (await import('../render/leaderboard-card.js')).renderLeaderboardCard(input);

/** `claimedBy` names this process (unique per start): see claimantId in jobs.ts. */
export function leaderboardJobs(core: Core, claimedBy: string, renderCard: CardRenderer = leaderboardCard): Job[] {
  return [{ name: 'weekly-leaderboards', cron: '* * * * *', run: () => core.jobs.postDueLeaderboards({ claimedBy, renderCard }) }];
}
