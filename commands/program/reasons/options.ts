// Options the /program reasons commands share.
import { opt } from '../../../src/core/commands/define.js';

export const code = opt.string('A short code, e.g. not_right_fit', { required: true, min: 2, max: 40 });
