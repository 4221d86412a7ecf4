// The /leaderboard commands: see a board, stay off (or return to) the public ones, and (staff) its schedule.
import type { Command } from '../../src/core/commands/define.js';
import show from './show.js';
import optout from './optout.js';
import optin from './optin.js';
import settings from './settings.js';

export const leaderboardCommands: Command[] = [show, optout, optin, settings];
