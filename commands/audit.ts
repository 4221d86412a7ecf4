import { defineCommand, opt } from './define.js';
import { programOption } from './shared-options.js';
import { listAudit } from '../src/core/applications/staff.js';

export default defineCommand({
  name: 'audit',
  description: 'The latest entries of the audit log (staff)',
  access: 'staff',
  options: { program: programOption, limit: opt.integer('How many entries', { min: 1, max: 50 }) },
  run: (ctx, input) => listAudit(ctx, input),
});
