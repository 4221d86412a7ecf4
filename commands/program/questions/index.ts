// /program questions …: the application form, edited by staff.
import type { Command } from '../../../src/core/commands/define.js';
import add from './add.js';
import edit from './edit.js';
import remove from './remove.js';
import list from './list.js';
import reorder from './reorder.js';

export const questionsCommands: Command[] = [add, edit, remove, list, reorder];
