// Options the /committee commands share.
import { opt } from '../../src/core/commands/define.js';

export const user = opt.user('The person', { required: true });
