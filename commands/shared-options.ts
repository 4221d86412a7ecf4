import { opt } from './define.js';

/** Every command that acts on a program takes it by name; optional while there is only one. */
export const programOption = opt.string('Which program (needed when there is more than one)', { max: 80 });
