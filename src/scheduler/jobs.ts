// Every timed job the bot runs. node-cron drives them; each is safe on several processes at once.
// The core does the work (core.jobs); what it can't know is chosen by the composition root and
// passed here: who this process is, and how the leaderboard card is drawn.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { CardRenderer, Core } from '../core/index.js';
import type { Job } from './index.js';
import { campaignJobs } from './campaign-jobs.js';
import { leaderboardJobs } from './leaderboard-jobs.js';

export { leaderboardCard } from './leaderboard-jobs.js';

export interface JobOptions {
  /** Names this process in the database claims of timed posts: use claimantId(). */
  claimedBy: string;
  renderCard: CardRenderer;
}

/** Unique per process and per start, so a restarted process never mistakes its old claims for its own. */
export function claimantId(): string {
  return `${hostname()}:${process.pid}:${Date.now().toString(36)}:${randomBytes(3).toString('hex')}`;
}

export function allJobs(core: Core, o: JobOptions): Job[] {
  return [
    { name: 'vote-deadlines', cron: '* * * * *', run: () => core.jobs.closeDueVotes() },
    { name: 'vote-reminders', cron: '*/15 * * * *', run: () => core.jobs.sendVoteReminders() },
    ...campaignJobs(core, o.claimedBy),
    ...leaderboardJobs(core, o.claimedBy, o.renderCard),
    { name: 'monthly-digests', cron: '* * * * *', run: () => core.jobs.postDueDigests({ claimedBy: o.claimedBy }) },
    { name: 'inactivity-nudges', cron: '*/15 * * * *', run: () => core.jobs.sendDueNudges({ claimedBy: o.claimedBy }) },
    { name: 'pulse-rounds', cron: '* * * * *', run: () => core.jobs.runDuePulses() },
    { name: 'answer-retention', cron: '*/15 * * * *', run: () => core.jobs.eraseExpiredAnswers({ claimedBy: o.claimedBy }) },
  ];
}
