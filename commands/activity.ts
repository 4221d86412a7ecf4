// /log, /me, /leaderboard, /activity review, /export (filled in by the activity issue).
import type { Command } from './define.js';

export const activityCommands: Command[] = [];
