// Every timed job the bot runs. node-cron drives them; each is safe on several processes at once.
import type { Core } from '../core/index.js';
import type { Job } from './index.js';
import { campaignJobs } from './campaign-jobs.js';
import { leaderboardJobs } from './leaderboard-jobs.js';

export function allJobs(core: Core): Job[] {
  return [
    { name: 'vote-deadlines', cron: '* * * * *', run: () => core.jobs.closeDueVotes() },
    { name: 'vote-reminders', cron: '*/15 * * * *', run: () => core.jobs.sendVoteReminders() },
    ...campaignJobs(core),
    ...leaderboardJobs(core),
  ];
}
