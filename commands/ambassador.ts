// /ambassador remove|sync — staff actions on ambassadors.
import { defineCommand, opt } from './define.js';
import { programOption } from './shared-options.js';
import { removeAmbassador, syncAmbassadors } from '../src/core/applications/staff.js';

export const ambassadorRemove = defineCommand({
  name: 'ambassador remove',
  description: 'Remove an ambassador; the waitlist fills the place (staff)',
  access: 'staff',
  options: { program: programOption, user: opt.user('The ambassador', { required: true }), reason: opt.string('Why (kept in the audit log)', { max: 300 }) },
  run: (ctx, input) => removeAmbassador(ctx, input),
});

export const ambassadorSync = defineCommand({
  name: 'ambassador sync',
  description: 'Retry giving the ambassador role/channel where it failed (staff)',
  access: 'staff',
  options: { program: programOption },
  run: (ctx, input) => syncAmbassadors(ctx, input),
});
