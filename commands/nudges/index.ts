// /nudges on|off: an ambassador's own choice about inactivity reminders.
import type { Command } from '../../src/core/commands/define.js';
import on from './on.js';
import off from './off.js';

export const nudgesCommands: readonly Command[] = [on, off];
