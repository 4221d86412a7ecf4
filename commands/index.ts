// The command registry: every platform-neutral command, registered once. Adapters build their
// slash commands, manifest and parsers from this list; the core routes invocations through it.
import type { Command } from './define.js';
import about from './about.js';
import apply from './apply.js';
import applicationStatus from './application-status.js';
import applicationWithdraw from './application-withdraw.js';
import applicationPending from './application-pending.js';
import applicationDecide from './application-decide.js';
import programSetup from './program-setup.js';
import programShow from './program-show.js';
import programRules from './program-rules.js';
import programWaitlist from './program-waitlist.js';
import { programClose, programOpen } from './program-open-close.js';
import { questionsAdd, questionsEdit, questionsList, questionsRemove, questionsReorder } from './program-questions.js';
import { reasonsAdd, reasonsList, reasonsRemove } from './program-reasons.js';
import { committeeAdd, committeeList, committeeRemove } from './committee.js';
import { staffAdd, staffRemove } from './staff.js';
import { ambassadorRemove, ambassadorSync } from './ambassador.js';
import audit from './audit.js';
import help from './help.js';
import { campaignCommands } from './campaign.js';
import { activityCommands } from './activity.js';

export const allCommands: readonly Command[] = [
  help, about, apply, applicationStatus, applicationWithdraw, applicationPending, applicationDecide,
  programSetup, programShow, programRules, programWaitlist, programOpen, programClose,
  questionsAdd, questionsEdit, questionsRemove, questionsList, questionsReorder,
  reasonsAdd, reasonsRemove, reasonsList,
  committeeAdd, committeeRemove, committeeList, staffAdd, staffRemove,
  ambassadorRemove, ambassadorSync, audit,
  ...campaignCommands,
  ...activityCommands,
];
