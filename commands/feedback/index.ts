// /feedback …: notes to staff, and their answers.
import type { Command } from '../../src/core/commands/define.js';
import send from './send.js';
import reply from './reply.js';
import list from './list.js';

export const feedbackCommands: readonly Command[] = [send, reply, list];
