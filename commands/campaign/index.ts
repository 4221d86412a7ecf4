// The /campaign commands, in the order /help lists them.
import type { Command } from '../../src/core/commands/define.js';
import create from './create.js';
import edit from './edit.js';
import preview from './preview.js';
import list from './list.js';
import schedule from './schedule.js';
import pause from './pause.js';
import resume from './resume.js';
import cancel from './cancel.js';

export const campaignCommands: Command[] = [create, edit, preview, list, schedule, pause, resume, cancel];
