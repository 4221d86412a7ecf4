// /application …: the applicant's own view, the committee's queue, and the staff override.
import type { Command } from '../../src/core/commands/define.js';
import status from './status.js';
import withdraw from './withdraw.js';
import pending from './pending.js';
import decide from './decide.js';
import erase from './erase.js';

export const applicationCommands: Command[] = [status, withdraw, pending, decide, erase];
