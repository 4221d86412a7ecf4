// /activity review (staff): activity waiting for verification, oldest first.
import { defineCommand } from '../../src/core/commands/define.js';
import { pendingReview } from '../../src/core/activity/review.js';
import { reviewListReply } from '../../src/core/activity/replies.js';

export default defineCommand({
  name: 'activity review',
  description: 'Activity waiting for verification, oldest first (staff)',
  access: 'staff',
  program: true,
  async run(ctx) {
    return reviewListReply(ctx.program, await pendingReview(ctx.deps, { program: ctx.program }));
  },
});
