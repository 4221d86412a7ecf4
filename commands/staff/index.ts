// /staff …: staff beyond the platform's own administrators.
import type { Command } from '../../src/core/commands/define.js';
import add from './add.js';
import remove from './remove.js';

export const staffCommands: Command[] = [add, remove];
