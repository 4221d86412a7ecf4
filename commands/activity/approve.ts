// /activity approve (staff): verify logged activity so it counts.
import { defineCommand } from '../../src/core/commands/define.js';
import { reviewActivity } from '../../src/core/activity/review.js';
import { reviewReply } from '../../src/core/activity/replies.js';
import { activityId } from './options.js';

export default defineCommand({
  name: 'activity approve',
  description: 'Verify logged activity so it counts (staff)',
  access: 'staff',
  options: { id: activityId },
  async run(ctx, input) {
    return reviewReply(await reviewActivity(ctx.deps, { actor: ctx.actor, activityId: input.id, approve: true }));
  },
});
