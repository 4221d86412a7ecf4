// Options shared by /activity kinds add and edit, and how they map to a kind's fields.
import { opt, type InputOf } from '../../../src/core/commands/define.js';
import { KIND_LIMITS } from '../../../src/core/activity/model.js';
import type { KindChanges } from '../../../src/core/activity/kinds.js';

export const kindOptions = {
  label: opt.string('The name people see, e.g. "Podcast interview"', { min: 2, max: 60 }),
  points: opt.integer('Points per unit', { min: 0, max: KIND_LIMITS.pointsPerUnit }),
  per: opt.integer('Unit size: points are given per this many, e.g. per:10 for 1 point per $10', { min: 1, max: KIND_LIMITS.unitSize }),
  cap: opt.integer('The most one /log may claim', { min: 1, max: KIND_LIMITS.maxAmount }),
  auto_verify: opt.boolean('Count it without staff review (duplicate links are still reviewed)'),
  campaign: opt.integer('Tie it to a campaign (its number); 0 unties it', { min: 0, max: 2_147_483_647 }),
};

/** The options as the core names them; campaign:0 means "no campaign". */
export function kindChanges(input: InputOf<typeof kindOptions>): KindChanges {
  return {
    label: input.label, pointsPerUnit: input.points, unitSize: input.per, maxAmount: input.cap, autoVerify: input.auto_verify,
    campaignId: input.campaign === 0 ? null : input.campaign,
  };
}
