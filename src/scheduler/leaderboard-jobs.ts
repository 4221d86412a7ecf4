// (Filled in by the leaderboard issue.)
import type { Core } from '../core/index.js';
import type { Job } from './index.js';

export function leaderboardJobs(_core: Core): Job[] {
  return [];
}
