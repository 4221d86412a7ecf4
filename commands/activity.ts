// /log, /me, /activity …, /leaderboard … and /export: activity, points and leaderboards.
import type { Command } from './define.js';
import { activityApprove, activityReject, activityReview, kindsAdd, kindsEdit, kindsList, log, me } from './activity-log.js';
import { exportData, leaderboardOptIn, leaderboardOptOut, leaderboardSettings, leaderboardShow } from './activity-leaderboard.js';

export const activityCommands: Command[] = [
  log, me, activityReview, activityApprove, activityReject, kindsList, kindsAdd, kindsEdit,
  leaderboardShow, leaderboardOptOut, leaderboardOptIn, leaderboardSettings, exportData,
];
