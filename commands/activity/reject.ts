// /activity reject (staff): reject logged activity, with the reason the ambassador will read.
import { defineCommand, opt } from '../../src/core/commands/define.js';
import { reviewActivity } from '../../src/core/activity/review.js';
import { reviewReply } from '../../src/core/activity/replies.js';
import { activityId } from './options.js';

export default defineCommand({
  name: 'activity reject',
  description: 'Reject logged activity, with the reason the ambassador will see (staff)',
  access: 'staff',
  options: { id: activityId, reason: opt.string('Why, in a sentence the ambassador will read', { required: true, min: 3, max: 300 }) },
  async run(ctx, input) {
    return reviewReply(await reviewActivity(ctx.deps, { actor: ctx.actor, activityId: input.id, approve: false, reason: input.reason }));
  },
});
