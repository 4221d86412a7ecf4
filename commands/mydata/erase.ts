// /mydata erase: anonymise yourself everywhere, after a confirmation code.
import { defineCommand, opt } from '../../src/core/commands/define.js';
import { erasePerson } from '../../src/core/people/erase.js';
import { eraseReply } from '../../src/core/people/replies.js';

export default defineCommand({
  name: 'mydata erase',
  description: 'Erase what the program holds about you (asks you to confirm first)',
  access: 'anyone',
  options: { confirm: opt.string('The confirmation code I gave you', { max: 12 }) },
  run: async (ctx, input) =>
    eraseReply(await erasePerson(ctx.deps, { actor: ctx.actor, target: ctx.member, confirm: input.confirm }), { self: true, command: '/mydata erase' }),
});
