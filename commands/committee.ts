// /committee add|remove|list — the explicit committee list (used when no platform group is set).
import { defineCommand, opt } from './define.js';
import { programOption } from './shared-options.js';
import { changeCommittee, showCommittee } from '../src/core/programs/people.js';

const user = opt.user('The person', { required: true });

export const committeeAdd = defineCommand({
  name: 'committee add',
  description: 'Add someone to the committee (staff)',
  access: 'staff',
  options: { program: programOption, user },
  run: async (ctx, input) => changeCommittee(ctx, await ctx.program(input.program), input.user, true),
});

export const committeeRemove = defineCommand({
  name: 'committee remove',
  description: 'Remove someone from the committee (staff)',
  access: 'staff',
  options: { program: programOption, user },
  run: async (ctx, input) => changeCommittee(ctx, await ctx.program(input.program), input.user, false),
});

export const committeeList = defineCommand({
  name: 'committee list',
  description: 'Who sits on the committee',
  access: 'anyone',
  options: { program: programOption },
  run: async (ctx, input) => showCommittee(ctx, await ctx.program(input.program)),
});
