// The command registry: every command, one module each, laid out by its path (commands/program/
// setup.ts is /program setup). Adapters build their slash commands, manifest and parsers from this
// list; the core routes invocations through it. Each folder's index lists its own commands.
import type { Command } from '../src/core/commands/define.js';
import help from './help.js';
import about from './about.js';
import apply from './apply.js';
import audit from './audit.js';
import report from './report.js';
import { feedbackCommands } from './feedback/index.js';
import { nudgesCommands } from './nudges/index.js';
import { pulseCommands } from './pulse/index.js';
import { applicationCommands } from './application/index.js';
import { programCommands } from './program/index.js';
import { committeeCommands } from './committee/index.js';
import { staffCommands } from './staff/index.js';
import { ambassadorCommands } from './ambassador/index.js';
import { campaignCommands } from './campaign/index.js';
import log from './log.js';
import me from './me.js';
import exportData from './export.js';
import { activityCommands } from './activity/index.js';
import { leaderboardCommands } from './leaderboard/index.js';
import { mydataCommands } from './mydata/index.js';

export const allCommands: readonly Command[] = [
  help, about, apply, ...applicationCommands,
  ...programCommands, ...committeeCommands, ...staffCommands, ...ambassadorCommands, audit,
  ...campaignCommands,
  log, me, ...activityCommands, ...leaderboardCommands, report, ...feedbackCommands, ...pulseCommands, ...nudgesCommands, exportData, ...mydataCommands,
];
