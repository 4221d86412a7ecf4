// /mydata …: a person's own data: see and export it (the default), or erase it.
import type { Command } from '../../src/core/commands/define.js';
import show from './show.js';
import erase from './erase.js';

export const mydataCommands: Command[] = [show, erase];
