// /activity kinds edit (staff): change a kind's points, unit, cap, auto-verify or campaign.
import { defineCommand, opt } from '../../../src/core/commands/define.js';
import { editKind } from '../../../src/core/activity/kinds.js';
import { kindEditedReply } from '../../../src/core/activity/replies.js';
import { kindChanges, kindOptions } from './options.js';

export default defineCommand({
  name: 'activity kinds edit',
  description: 'Change an activity kind: points, unit, cap, auto-verify, campaign (staff)',
  access: 'staff',
  program: true,
  options: { key: opt.string('The kind to change (see /activity kinds list)', { required: true, min: 1, max: 24 }), ...kindOptions },
  async run(ctx, { key, ...input }) {
    return kindEditedReply(await editKind(ctx.deps, { program: ctx.program, actor: ctx.actor, key, changes: kindChanges(input) }));
  },
});
