// The /activity commands: staff review logged activity, and everyone sees (staff change) the kinds.
import type { Command } from '../../src/core/commands/define.js';
import review from './review.js';
import approve from './approve.js';
import reject from './reject.js';
import kindsList from './kinds/list.js';
import kindsAdd from './kinds/add.js';
import kindsEdit from './kinds/edit.js';

export const activityCommands: Command[] = [review, approve, reject, kindsList, kindsAdd, kindsEdit];
