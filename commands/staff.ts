// /staff add|remove — staff beyond the platform's own administrators.
import { defineCommand, opt } from './define.js';
import { changeStaff } from '../src/core/programs/people.js';

const user = opt.user('The person', { required: true });

export const staffAdd = defineCommand({
  name: 'staff add',
  description: 'Make someone staff (staff)',
  access: 'staff',
  options: { user },
  run: (ctx, input) => changeStaff(ctx, input.user, true),
});

export const staffRemove = defineCommand({
  name: 'staff remove',
  description: 'Remove someone from staff (staff)',
  access: 'staff',
  options: { user },
  run: (ctx, input) => changeStaff(ctx, input.user, false),
});
