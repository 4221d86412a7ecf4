import { defineCommand } from './define.js';
import { programOption } from './shared-options.js';
import { pendingApplications } from '../src/core/applications/status.js';

export default defineCommand({
  name: 'application pending',
  description: 'Open applications and who has not voted yet (committee)',
  access: 'committee',
  options: { program: programOption },
  run: (ctx, input) => pendingApplications(ctx, input),
});
