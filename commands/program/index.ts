// /program …: setting a program up and looking at it; its form and rejection reasons in subfolders.
import type { Command } from '../../src/core/commands/define.js';
import setup from './setup.js';
import show from './show.js';
import rules from './rules.js';
import waitlist from './waitlist.js';
import open from './open.js';
import close from './close.js';
import nudges from './nudges.js';
import { questionsCommands } from './questions/index.js';
import { reasonsCommands } from './reasons/index.js';

export const programCommands: Command[] = [setup, show, rules, waitlist, open, close, nudges, ...questionsCommands, ...reasonsCommands];
