// /ambassador remove: staff end someone's ambassadorship; the waitlist fills the place.
import { defineCommand, opt } from '../../src/core/commands/define.js';
import { removeAmbassador } from '../../src/core/applications/staff.js';
import { removalReply } from '../../src/core/applications/replies.js';

export default defineCommand({
  name: 'ambassador remove',
  description: 'Remove an ambassador; the waitlist fills the place (staff)',
  access: 'staff',
  program: true,
  options: { user: opt.user('The ambassador', { required: true }), reason: opt.string('Why (kept in the audit log)', { max: 300 }) },
  run: async (ctx, input) =>
    removalReply(ctx.program, await removeAmbassador(ctx.deps, { actor: ctx.actor, program: ctx.program, userId: input.user, reason: input.reason })),
});
