// /activity kinds add (staff): a new activity kind with its points.
import { defineCommand, opt } from '../../../src/core/commands/define.js';
import { addKind } from '../../../src/core/activity/kinds.js';
import { kindAddedReply } from '../../../src/core/activity/replies.js';
import { kindChanges, kindOptions } from './options.js';

export default defineCommand({
  name: 'activity kinds add',
  description: 'Add an activity kind with its points (staff)',
  access: 'staff',
  program: true,
  options: { key: opt.string('Short key typed in /log, e.g. podcast', { required: true, min: 1, max: 24 }), ...kindOptions },
  async run(ctx, { key, ...input }) {
    return kindAddedReply(await addKind(ctx.deps, { program: ctx.program, actor: ctx.actor, key, changes: kindChanges(input) }));
  },
});
