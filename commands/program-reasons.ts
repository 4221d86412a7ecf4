// /program reasons add|remove|list — the preset rejection reasons applicants are told.
import { defineCommand, opt } from './define.js';
import { programOption } from './shared-options.js';
import { listReasons, removeReason, saveReason } from '../src/core/programs/reasons.js';

const code = opt.string('A short code, e.g. not_right_fit', { required: true, min: 2, max: 40 });

export const reasonsList = defineCommand({
  name: 'program reasons list',
  description: 'Preset rejection reasons (staff)',
  access: 'staff',
  options: { program: programOption },
  run: async (ctx, input) => listReasons(ctx, await ctx.program(input.program)),
});

export const reasonsAdd = defineCommand({
  name: 'program reasons add',
  description: 'Add or reword a preset rejection reason (staff)',
  access: 'staff',
  options: { program: programOption, code, label: opt.string('What the applicant reads, e.g. "not the right fit right now"', { required: true, min: 5, max: 200 }) },
  run: async (ctx, input) => saveReason(ctx, await ctx.program(input.program), input.code, input.label),
});

export const reasonsRemove = defineCommand({
  name: 'program reasons remove',
  description: 'Remove a preset rejection reason (staff; built-in ones can only be reworded)',
  access: 'staff',
  options: { program: programOption, code },
  run: async (ctx, input) => removeReason(ctx, await ctx.program(input.program), input.code),
});
