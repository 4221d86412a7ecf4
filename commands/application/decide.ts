// /application decide: staff override the committee (the application names its own program).
import { defineCommand, opt } from '../../src/core/commands/define.js';
import { overrideDecision } from '../../src/core/applications/staff.js';
import { overrideReply } from '../../src/core/applications/replies.js';

export default defineCommand({
  name: 'application decide',
  description: 'Override the committee: accept, reject or waitlist an application (staff)',
  access: 'staff',
  options: {
    ref: opt.string('The application reference, e.g. A7K3Q', { required: true, min: 3, max: 12 }),
    outcome: opt.choice('The decision', ['accept', 'reject', 'waitlist'] as const, { required: true }),
    reason: opt.string('A preset reason code for a rejection (see /program reasons list)', { max: 40 }),
    note: opt.string('A note for the applicant', { max: 500 }),
  },
  run: async (ctx, input) =>
    overrideReply(await overrideDecision(ctx.deps, { actor: ctx.actor, ref: input.ref, outcome: input.outcome, reasonCode: input.reason, note: input.note })),
});
