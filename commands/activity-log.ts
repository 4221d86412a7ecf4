// /log, /me, /activity review|approve|reject and /activity kinds list|add|edit.
import { z } from 'zod';
import { defineCommand, opt, type OptionSpec } from './define.js';
import { programOption } from './shared-options.js';
import { logActivity } from '../src/core/activity/log.js';
import { decideActivity, reviewList } from '../src/core/activity/review.js';
import { showMe } from '../src/core/activity/standing.js';
import { addKind, editKind, listKinds } from '../src/core/activity/kinds.js';
import { KIND_LIMITS } from '../src/core/activity/model.js';

/** An evidence link: an absolute http(s) URL with a real host name, validated at the edge. */
const linkOption: OptionSpec = {
  ...opt.string('Evidence: a link to the post, event page or receipt (https://…)', { max: 500 }),
  zod: z
    .string()
    .trim()
    .max(500, 'must be at most 500 characters')
    .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: 'must be a full web address starting with http:// or https://' }))
    .optional(),
};

const activityId = opt.integer('The activity number (see /activity review)', { required: true, min: 1, max: 2_147_483_647 });

export const log = defineCommand({
  name: 'log',
  description: 'Log something you did for the program (ambassadors)',
  access: 'ambassador',
  options: {
    kind: opt.string('What you did, e.g. share, referral, event, funds (see /activity kinds list)', { required: true, min: 1, max: 24 }),
    amount: opt.integer('How many (or how much, e.g. dollars raised)', { required: true, min: 1, max: 1_000_000_000 }),
    link: linkOption,
    note: opt.string('A short note for the reviewer', { max: 300 }),
    campaign: opt.integer('The campaign it was for, if any (its number)', { min: 1, max: 2_147_483_647 }),
    program: programOption,
  },
  run: async (ctx, input) => logActivity(ctx, await ctx.program(input.program), input),
});

export const me = defineCommand({
  name: 'me',
  description: 'Your points, rank and recent activity (only you see it)',
  access: 'anyone',
  options: { program: programOption },
  run: async (ctx, input) => showMe(ctx, await ctx.program(input.program)),
});

export const activityReview = defineCommand({
  name: 'activity review',
  description: 'Activity waiting for verification, oldest first (staff)',
  access: 'staff',
  options: { program: programOption },
  run: async (ctx, input) => reviewList(ctx, await ctx.program(input.program)),
});

export const activityApprove = defineCommand({
  name: 'activity approve',
  description: 'Verify logged activity so it counts (staff)',
  access: 'staff',
  options: { id: activityId },
  run: (ctx, input) => decideActivity(ctx, { id: input.id, approve: true }),
});

export const activityReject = defineCommand({
  name: 'activity reject',
  description: 'Reject logged activity, with the reason the ambassador will see (staff)',
  access: 'staff',
  options: { id: activityId, reason: opt.string('Why, in a sentence the ambassador will read', { required: true, min: 3, max: 300 }) },
  run: (ctx, input) => decideActivity(ctx, { id: input.id, approve: false, reason: input.reason }),
});

const kindShape = {
  label: opt.string('The name people see, e.g. "Podcast interview"', { min: 2, max: 60 }),
  points: opt.integer('Points per unit', { min: 0, max: KIND_LIMITS.pointsPerUnit }),
  per: opt.integer('Unit size: points are given per this many, e.g. per:10 for 1 point per $10', { min: 1, max: KIND_LIMITS.unitSize }),
  cap: opt.integer('The most one /log may claim', { min: 1, max: KIND_LIMITS.maxAmount }),
  auto_verify: opt.boolean('Count it without staff review (duplicate links are still reviewed)'),
  campaign: opt.integer('Tie it to a campaign (its number); 0 unties it', { min: 0, max: 2_147_483_647 }),
  program: programOption,
};

export const kindsList = defineCommand({
  name: 'activity kinds list',
  description: 'What can be logged and what it earns',
  access: 'anyone',
  options: { program: programOption },
  run: async (ctx, input) => listKinds(ctx, await ctx.program(input.program)),
});

export const kindsAdd = defineCommand({
  name: 'activity kinds add',
  description: 'Add an activity kind with its points (staff)',
  access: 'staff',
  options: { key: opt.string('Short key typed in /log, e.g. podcast', { required: true, min: 1, max: 24 }), ...kindShape },
  run: async (ctx, input) => addKind(ctx, await ctx.program(input.program), input),
});

export const kindsEdit = defineCommand({
  name: 'activity kinds edit',
  description: 'Change an activity kind: points, unit, cap, auto-verify, campaign (staff)',
  access: 'staff',
  options: { key: opt.string('The kind to change (see /activity kinds list)', { required: true, min: 1, max: 24 }), ...kindShape },
  run: async (ctx, input) => editKind(ctx, await ctx.program(input.program), input),
});
