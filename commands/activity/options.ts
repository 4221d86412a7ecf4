// Options shared by /activity approve and /activity reject.
import { opt } from '../../src/core/commands/define.js';

export const activityId = opt.integer('The activity number (see /activity review)', { required: true, min: 1, max: 2_147_483_647 });
