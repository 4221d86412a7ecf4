// /application erase: staff erase a person's data on their request (audited), after a confirmation code.
import { defineCommand, opt } from '../../src/core/commands/define.js';
import { erasePerson } from '../../src/core/people/erase.js';
import { eraseReply } from '../../src/core/people/replies.js';
import { say } from '../../src/core/replies.js';

export default defineCommand({
  name: 'application erase',
  description: "Erase a person's data on their request (staff)",
  access: 'staff',
  program: true,
  options: { user: opt.user('The person who asked', { required: true }), confirm: opt.string('The confirmation code I gave you', { max: 12 }) },
  async run(ctx, input) {
    const { program } = ctx;
    const target = await ctx.deps.store.members.byPlatformId(program.platform, program.workspaceId, input.user);
    if (!target) return say(`That person has never used ${program.name}, so there is nothing to erase.`);
    const outcome = await erasePerson(ctx.deps, { actor: ctx.actor, target, confirm: input.confirm, program });
    return eraseReply(outcome, { self: target.id === ctx.member.id, command: '/application erase (the same user)' });
  },
});
