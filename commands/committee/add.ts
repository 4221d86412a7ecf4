// /committee add: a new voter; open votes are settled again with them on the committee.
import { defineCommand } from '../../src/core/commands/define.js';
import { changeCommittee } from '../../src/core/programs/people.js';
import { committeeChangeReply } from '../../src/core/programs/replies.js';
import { user } from './options.js';

export default defineCommand({
  name: 'committee add',
  description: 'Add someone to the committee (staff)',
  access: 'staff',
  program: true,
  options: { user },
  run: async (ctx, input) =>
    committeeChangeReply(ctx.program, await changeCommittee(ctx.deps, {
      actor: ctx.actor, program: ctx.program, person: { userId: input.user, name: ctx.nameOf(input.user) }, add: true,
    })),
});
