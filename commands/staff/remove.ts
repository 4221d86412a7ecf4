// /staff remove: back to a regular member (platform administrators stay staff).
import { defineCommand } from '../../src/core/commands/define.js';
import { changeStaff } from '../../src/core/programs/people.js';
import { staffChangeReply } from '../../src/core/programs/replies.js';
import { user } from './options.js';

export default defineCommand({
  name: 'staff remove',
  description: 'Remove someone from staff (staff)',
  access: 'staff',
  options: { user },
  run: async (ctx, input) =>
    staffChangeReply(await changeStaff(ctx.deps, { actor: ctx.actor, person: { userId: input.user, name: ctx.nameOf(input.user) }, add: false })),
});
