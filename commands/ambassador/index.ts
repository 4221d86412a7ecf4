// /ambassador …: staff actions on ambassadors.
import type { Command } from '../../src/core/commands/define.js';
import remove from './remove.js';
import sync from './sync.js';

export const ambassadorCommands: Command[] = [remove, sync];
