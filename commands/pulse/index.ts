// /pulse …: one-question surveys of ambassadors and the committee.
import type { Command } from '../../src/core/commands/define.js';
import create from './create.js';
import list from './list.js';
import answer from './answer.js';
import comment from './comment.js';
import close from './close.js';
import stop from './stop.js';
import results from './results.js';

export const pulseCommands: readonly Command[] = [create, list, results, close, stop, answer, comment];
