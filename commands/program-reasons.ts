// /program reasons add|remove|list — the preset rejection reasons applicants are told.
import { defineCommand, opt } from './define.js';
import { programOption } from './shared-options.js';
import { audit } from '../src/core/audit.js';
import { say } from '../src/core/replies.js';

const code = opt.string('A short code, e.g. not_right_fit', { required: true, min: 2, max: 40 });

export const reasonsList = defineCommand({
  name: 'program reasons list',
  description: 'Preset rejection reasons (staff)',
  access: 'staff',
  options: { program: programOption },
  async run(ctx, input) {
    const program = await ctx.program(input.program);
    const reasons = await ctx.deps.store.reasons.list(program.id);
    return say(reasons.map((r) => `• ${r.code} — “${r.label}”`).join('\n') || 'No presets yet.', { title: `Rejection reasons — ${program.name}` });
  },
});

export const reasonsAdd = defineCommand({
  name: 'program reasons add',
  description: 'Add or reword a preset rejection reason (staff)',
  access: 'staff',
  options: { program: programOption, code, label: opt.string('What the applicant reads, e.g. "not the right fit right now"', { required: true, min: 5, max: 200 }) },
  async run(ctx, input) {
    const program = await ctx.program(input.program);
    const key = input.code.toLowerCase().replace(/[^a-z0-9_]+/g, '_');
    await ctx.deps.store.transaction(async (r) => {
      await r.reasons.upsert(program.id, key, input.label);
      await audit(r, { programId: program.id, actorId: ctx.member.id, action: 'reason.saved', subject: { type: 'reason', id: key }, data: { label: input.label } }, ctx.deps.now());
    });
    return say(`Saved reason ${key}: “${input.label}”.`);
  },
});

export const reasonsRemove = defineCommand({
  name: 'program reasons remove',
  description: 'Remove a preset rejection reason (staff)',
  access: 'staff',
  options: { program: programOption, code },
  async run(ctx, input) {
    const program = await ctx.program(input.program);
    const removed = await ctx.deps.store.reasons.remove(program.id, input.code);
    return say(removed ? `Removed reason ${input.code}.` : `There is no reason ${input.code}; see /program reasons list.`);
  },
});
