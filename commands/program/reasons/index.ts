// /program reasons …: the preset rejection reasons, kept by staff.
import type { Command } from '../../../src/core/commands/define.js';
import add from './add.js';
import remove from './remove.js';
import list from './list.js';

export const reasonsCommands: Command[] = [add, remove, list];
