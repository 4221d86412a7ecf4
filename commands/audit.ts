// /audit: the latest entries of the program's audit log, for staff.
import { defineCommand, opt } from '../src/core/commands/define.js';
import { auditLog } from '../src/core/programs/audit-log.js';
import { auditReply } from '../src/core/programs/replies.js';

export default defineCommand({
  name: 'audit',
  description: 'The latest entries of the audit log (staff)',
  access: 'staff',
  program: true,
  options: { limit: opt.integer('How many entries', { min: 1, max: 50 }) },
  run: async (ctx, input) => auditReply(ctx.program, await auditLog(ctx.deps, { program: ctx.program, limit: input.limit })),
});
