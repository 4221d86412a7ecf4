// /program reasons add: a new preset rejection reason, or new words for an existing one.
import { defineCommand, opt } from '../../../src/core/commands/define.js';
import { saveReason } from '../../../src/core/programs/reasons.js';
import { reasonSavedReply } from '../../../src/core/programs/replies.js';
import { code } from './options.js';

export default defineCommand({
  name: 'program reasons add',
  description: 'Add or reword a preset rejection reason (staff)',
  access: 'staff',
  program: true,
  options: { code, label: opt.string('What the applicant reads, e.g. "not the right fit right now"', { required: true, min: 5, max: 200 }) },
  run: async (ctx, input) => reasonSavedReply(await saveReason(ctx.deps, { actor: ctx.actor, program: ctx.program, code: input.code, label: input.label })),
});
