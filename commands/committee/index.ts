// /committee …: the explicit committee list (used when no platform group is set).
import type { Command } from '../../src/core/commands/define.js';
import add from './add.js';
import remove from './remove.js';
import list from './list.js';

export const committeeCommands: Command[] = [add, remove, list];
